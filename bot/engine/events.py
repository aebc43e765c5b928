"""The event a date question names ("кога е откриването", "when did it go online"): the
sentence or news item that dates that event answers it, not the project's start and end."""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine.facts import Fact
from bot.engine.lexicon import EVENTS, GATHERINGS, TAKING_PLACE
from bot.engine.normalize import terms

# every form of an event, by its term: the forms of the events a question names
_FORMS = {
    label: frozenset(t for word in words for t in terms(word)) for label, words in EVENTS.items()
}
_GATHERINGS = frozenset(t for word in GATHERINGS for t in terms(word))
COMPLETION = _FORMS["completion"]  # "кога приключва": of the project itself, its end date
_TAKING_PLACE = frozenset(t for word in TAKING_PLACE for t in terms(word))


def event_terms(words: Iterable[str]) -> frozenset[str]:
    """The terms of every form of the events the question's words name (of a gathering, the
    words of its taking place: "when is the festival" ~ "се проведе на 7 – 9 август")."""
    said = set(words)
    found = {t for forms in _FORMS.values() if not forms.isdisjoint(said) for t in forms}
    return frozenset(found | _TAKING_PLACE if not _GATHERINGS.isdisjoint(said) else found)


def dates_event(fact: Fact, events: frozenset[str]) -> bool:
    """True when the fact states a date and names one of the events asked."""
    return "date" in fact.kinds and not fact.terms.isdisjoint(events)
