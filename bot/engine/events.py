"""The event a date question names ("кога е откриването", "when did it go online"): the
sentence or news item that dates that event answers it, not the project's start and end."""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine.facts import Fact
from bot.engine.lexicon import EVENTS
from bot.engine.normalize import terms

# every form of an event, by its term: the forms of the events a question names
_FORMS = {
    label: frozenset(t for word in words for t in terms(word)) for label, words in EVENTS.items()
}


def event_terms(words: Iterable[str]) -> frozenset[str]:
    """The terms of every form of the events the question's words name."""
    said = set(words)
    return frozenset(t for forms in _FORMS.values() if not forms.isdisjoint(said) for t in forms)


def dates_event(fact: Fact, events: frozenset[str]) -> bool:
    """True when the fact states a date and names one of the events asked."""
    return "date" in fact.kinds and not fact.terms.isdisjoint(events)
