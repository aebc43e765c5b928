"""The period a number is given for ("на година", "per day"): a rate asked is answered by a
sentence that states the same period. Words as written: "на деня" is no "на ден"."""

from __future__ import annotations

from bot.engine.lexicon import PERIODS
from bot.engine.normalize import surface_words

_PHRASES = tuple(
    (period, tuple(surface_words(phrase)))
    for period, phrases in PERIODS.items()
    for phrase in phrases
)
_FIRST = frozenset(phrase[0] for _, phrase in _PHRASES)


def periods_of(text: str) -> frozenset[str]:
    """The periods a text names ("около 480 ученици обядват всеки ден": "day")."""
    words = surface_words(text)
    if _FIRST.isdisjoint(words):
        return frozenset()
    found: set[str] = set()
    for start, word in enumerate(words):
        if word in _FIRST:
            found.update(
                period
                for period, phrase in _PHRASES
                if tuple(words[start : start + len(phrase)]) == phrase
            )
    return frozenset(found)
