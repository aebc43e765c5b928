"""The list the bot gave last: its filters, and a follow-up that picks one project of it by its
place ("а вторият кога свършва", "the first one, how much does it cost", "а последният")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.lexicon import ORDINALS
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.places import Place

_PLACES = {t: place for word, place in ORDINALS.items() for t in terms(word)}
_ONE = frozenset(terms("one"))  # "the first one"
ORDINAL_TERMS = frozenset(_PLACES) | _ONE  # no subject of the question once the pick is made
LIST_FOLLOW_UP = 8  # words at most of a message that filters the last list again


@dataclass(frozen=True)
class Listed:
    """The filters of a list the bot gave: status, places and themes."""

    status: str | None
    places: tuple[Place, ...]
    themes: frozenset[str]


def picked(parsed: Parsed, offered: Sequence[str]) -> str | None:
    """The project of the list (offered, in the order shown) that the question picks by its
    place; None when it names none, or when the word after the ordinal is a thing it asks about
    ("а вторият етап кога е": a part of a project)."""
    for words in (parsed.words, parsed.told):  # "the first one, how much does it cost"
        found = _place_in(words, parsed, offered)
        if found is not None:
            return found
    return None


def _place_in(words: list[str], parsed: Parsed, offered: Sequence[str]) -> str | None:
    """The project the words pick by an ordinal, or None."""
    for at, word in enumerate(words):
        place = _PLACES.get(word)
        if place is None or not offered:
            continue
        after = words[at + 1] if at + 1 < len(words) else None
        if after in parsed.content and after not in parsed.verbs and after not in _ONE:
            return None
        if place <= len(offered):
            return offered[place - 1 if place > 0 else -1]
    return None
