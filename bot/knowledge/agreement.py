"""Facts of one project that disagree with each other or with today: a status its dates
contradict, a total that is not the grant plus the own contribution, two phones in one item."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from bot.knowledge.model import Budget, Period

LONG_AGO = dt.timedelta(days=183)  # half a year: a start or an end this far back is no delay
SOON = dt.timedelta(days=31)  # a start within a month may well be under way already
CENT = Decimal("0.01")  # a rounding difference of one stotinka or cent is no mistake
CHECKED_HINT = "(if the source really says so, add '# checked' at the end of this line)"
# what people write between two phone numbers: a comma, a semicolon, a slash, "или", "or"...
_BETWEEN_PHONES = re.compile(r"\s*[,;|\\]\s*|\s+(?:или|и|or|and)\s+|\n", re.IGNORECASE)
_SLASH = re.compile(r"\s*/\s*")
MIN_PHONE_DIGITS = 6  # "032/62 31 23": an area code before a slash is no number of its own


def today() -> dt.date | None:
    """The date a status is checked against; None leaves the status unchecked (the tests'
    default, so that no test's outcome depends on the day it runs)."""
    return dt.date.today()


def status_findings(status: str, period: Period | None, today: dt.date) -> Iterator[str]:
    """Why the status does not fit the period's dates (nothing when it does)."""
    start, end = (period.start, period.end) if period else (None, None)
    if status == "completed" and end is not None and end > today:
        yield (
            f"the status is 'completed', but the end date {end} is still to come: if the "
            "project has ended, write the date it ended; if not, write 'status: ongoing' "
            + CHECKED_HINT
        )
    elif status == "completed" and end is None and start is not None and start > today:
        yield (
            f"the status is 'completed', but the start date {start} is still to come: if the "
            "project has not started, write 'status: planned'; if it has ended, correct the "
            "start date " + CHECKED_HINT
        )
    elif status == "planned" and start is not None and start < today - LONG_AGO:
        yield (
            f"the status is 'planned', but the start date {start} is more than half a year "
            "ago: if the project is under way, write 'status: ongoing' (if it has ended, "
            "'status: completed'); if it was put off, write its new start date " + CHECKED_HINT
        )
    elif status == "ongoing" and end is not None and end < today - LONG_AGO:
        yield (
            f"the status is 'ongoing', but the end date {end} is more than half a year ago: "
            "if the project has ended, write 'status: completed'; if it was extended, write "
            "its new end date " + CHECKED_HINT
        )
    elif status == "ongoing" and start is not None and start > today + SOON:
        yield (
            f"the status is 'ongoing', but the start date {start} is still to come: if the "
            "project has not started, write 'status: planned'; if it has, correct the start "
            "date " + CHECKED_HINT
        )


def budget_finding(budget: Budget | None) -> str | None:
    """Why the total is not the grant plus the own contribution (None when it is, or when one
    of the three is not given)."""
    if budget is None or None in (budget.total, budget.grant, budget.own_contribution):
        return None
    total, grant, own = budget.total, budget.grant, budget.own_contribution
    assert total is not None and grant is not None and own is not None
    added = grant + own
    if abs(total - added) <= CENT:
        return None
    return (
        f"the total {total} is not the grant {grant} plus the own contribution {own}, which "
        f"make {added} (a difference of {abs(total - added)}): check the three amounts "
        + CHECKED_HINT
    )


def phone_finding(phone: str) -> str | None:
    """How to split an item that holds more than one phone number (None when it holds one)."""
    numbers: list[str] = []
    for part in (part.strip() for part in _BETWEEN_PHONES.split(phone)):
        halves = _SLASH.split(part)
        if len(halves) > 1 and all(_digits(half) >= MIN_PHONE_DIGITS for half in halves):
            numbers += halves  # "0888 123 456 / 0777 111 222", not "032/62 31 23"
        elif numbers and _digits(part) < MIN_PHONE_DIGITS:
            numbers[-1] = f"{numbers[-1]}, {part}" if part else numbers[-1]  # "вътр. 12"
        elif part:
            numbers.append(part)
    if sum(_digits(number) >= MIN_PHONE_DIGITS for number in numbers) < 2:
        return None
    written = "[" + ", ".join(f'"{number}"' for number in numbers) + "]"
    return (
        f"more than one phone number in one item, '{phone}': write each number as an item "
        f"of its own: {written}"
    )


def _digits(text: str) -> int:
    return sum(char.isdigit() for char in text)
