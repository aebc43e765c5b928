"""Office hours: read from municipality.yaml `hours` ("понеделник – петък, 8:00 – 17:00"),
Monday to Friday in the municipality's time zone; when staff will next be at work."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Sofia")
_RANGE = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:-|–|—|до|to)\s*(\d{1,2})[:.](\d{2})")
WORKING_DAYS = range(5)  # Monday to Friday


@dataclass(frozen=True)
class OfficeHours:
    """The daily opening and closing times, on working days."""

    opens: dt.time
    closes: dt.time

    @classmethod
    def parse(cls, text: str | None) -> OfficeHours | None:
        """The first "8:00 – 17:00" in text; None when there is none (then no hours apply)."""
        found = _RANGE.search(text or "")
        if found is None:
            return None
        hours = [int(part) for part in found.groups()]
        if hours[0] > 23 or hours[2] > 24 or hours[1] > 59 or hours[3] > 59:
            return None
        opens, closes = dt.time(hours[0], hours[1]), dt.time(hours[2] % 24, hours[3])
        return cls(opens, closes) if opens < closes else None

    def open_at(self, moment: dt.datetime) -> bool:
        """True during office hours."""
        local = moment.astimezone(ZONE)
        return local.weekday() in WORKING_DAYS and self.opens <= local.time() < self.closes

    def next_opening(self, moment: dt.datetime) -> dt.datetime:
        """When the office opens next after moment (local time)."""
        local = moment.astimezone(ZONE)
        day = local.date()
        if local.time() >= self.opens:
            day += dt.timedelta(days=1)
        while day.weekday() not in WORKING_DAYS:
            day += dt.timedelta(days=1)
        return dt.datetime.combine(day, self.opens, ZONE)


def working_days_between(start: dt.datetime, end: dt.datetime) -> int:
    """Whole working days from start's local date to end's (Monday to Friday counted)."""
    first, last = start.astimezone(ZONE).date(), end.astimezone(ZONE).date()
    days, day = 0, first
    while day < last:
        day += dt.timedelta(days=1)
        days += day.weekday() in WORKING_DAYS
    return days


def local_minute(stored: str) -> str:
    """A stored UTC moment as staff read it: "2026-12-01 18:09", in the municipality's time."""
    moment = dt.datetime.fromisoformat(stored)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(ZONE).strftime("%Y-%m-%d %H:%M")


def local_midnight(moment: dt.datetime) -> str:
    """The start of moment's day in the municipality's time, as stored (UTC ISO text)."""
    day = moment.astimezone(ZONE).date()
    start = dt.datetime.combine(day, dt.time(), ZONE)
    return start.astimezone(dt.UTC).isoformat(timespec="seconds")
