"""Kinds of answer a question's words imply beyond its question word: how far along the works
are ("на какъв етап е", "докъде е стигнал", "how far along": the project's status, and the latest
sentence that states the share of the works done by a date), what is happening with them ("кво
стаа с кея": the summary, and that sentence), and the hours a place is open ("в кои дни работи
пазарът", "кога е отворен центърът": the sentence that states them)."""

from __future__ import annotations

import datetime as dt
import re

from bot.engine.facts import Fact
from bot.engine.formatting import MONTHS
from bot.engine.lexicon import MUNICIPALITY_FIELDS, NUMBER_WORDS, UNITS, WHATS_UP
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.subject import WORK_TERMS

# "колко процента от сградите": a share of something, not the progress of the works
_PERCENT_WORDS = frozenset(
    t for word in (*NUMBER_WORDS["percent"], *UNITS["percent"]) for t in terms(word)
)
# what the works have reached, never what they aim at or whom they serve
_DONE_SOURCES = frozenset({"summary", "activities", "results", "news"})
_HOURS_TOPICS = frozenset({None, "summary", "dates", "location"})  # "кой работи": no hours
_HOURS = frozenset(t for word in MUNICIPALITY_FIELDS["hours"] for t in terms(word))
_SINCE = frozenset(terms("от since did"))  # the date a place opened, not its hours
_WHATS_UP = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in WHATS_UP) + r")(?!\w)", re.IGNORECASE
)
_DAY = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")
_MONTH = {name.lower(): i + 1 for names in MONTHS.values() for i, name in enumerate(names)}
_WRITTEN = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(_MONTH)}) ((?:19|20)\d\d)\b", re.IGNORECASE)


def asks_progress(parsed: Parsed, details: list[str], places: set[str]) -> bool:
    """True when the question asks how far along the works are, of the whole project or of one
    of its places: a share asked with no word of a percentage ("докъде е стигнал", "на какъв
    етап е") or the status asked with nothing more ("какъв е статусът")."""
    if not set(details) - WORK_TERMS <= places:  # the works ("ремонтът") are the project's
        return False
    if parsed.answer == "percent":
        return _PERCENT_WORDS.isdisjoint(parsed.words)
    return parsed.answer is None and parsed.topic == "status"


def asks_whats_up(parsed: Parsed) -> bool:
    """True when the question asks what is happening with the project ("кво стаа с кея",
    "what's going on with the hall"): of works that go on, how far they have got adds to it."""
    return _WHATS_UP.search(parsed.text) is not None


def asks_hours(parsed: Parsed, facts: list[Fact]) -> bool:
    """True when the question asks when a place of the project is open ("в кои дни е отворен",
    "кога работи магазинът", "what days is it open") and a sentence of it states hours of the
    day: not who works there, nor when it opened ("when did it open")."""
    # "кога работи": a date question whose only verbs are the hours' ("кога почнаха работа",
    # "от кога е отворен", "when did it open": a date)
    if parsed.answer == "date" and (
        not parsed.verbs <= _HOURS or not _SINCE.isdisjoint(parsed.words)
    ):
        return False
    return (
        "hours" in parsed.town_fields
        and parsed.answer in (None, "date")
        and parsed.topic in _HOURS_TOPICS
        and any("time" in f.kinds for f in facts)
    )


def _dated(fact: Fact) -> dt.date | None:
    """The date a sentence states the progress at: its news item's, else the last it writes."""
    if fact.date is not None:
        return fact.date
    found = None
    for text in fact.texts.values():
        days = [(d, int(m), y) for d, m, y in _DAY.findall(text)]
        days += [(d, _MONTH[m.lower()], y) for d, m, y in _WRITTEN.findall(text)]
        for day, month, year in days:
            try:
                found = max(found or dt.date.min, dt.date(int(year), month, int(day)))
            except ValueError:
                continue
    return found


def latest_progress(facts: list[Fact], places: frozenset[str] = frozenset()) -> list[Fact]:
    """The latest sentence stating a share of the works done by a date ("към 30.11.2026 г.
    положени 11 460 м (80,5 %)"), of the place asked when one says it, an item of the works
    before the summary; [] when none does."""
    dated = [
        (day, fact)
        for fact in facts
        if fact.source in _DONE_SOURCES and "percent" in fact.kinds
        for day in [_dated(fact)]
        if day is not None
    ]
    about = [(day, f) for day, f in dated if not places.isdisjoint(f.terms | f.about)]
    chosen = about or dated
    if not chosen:
        return []
    # the summary describes the whole (its dates are the period's): the works' own items first
    return [max(chosen, key=lambda pair: (pair[1].source != "summary", pair[0]))[1]]
