"""What a plural pronoun counts: "колко бяха те" after "... санирането на училищата" asks how
many schools, the thing the last question named that the project's record counts ("седем
училища"), not what the project cost."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.facts import FactBook
from bot.engine.lexicon import PLURAL_PRONOUNS
from bot.engine.normalize import surface_words
from bot.engine.parsed import Parsed

_PLURAL = frozenset(PLURAL_PRONOUNS)
_ASKED = (None, "amount", "count")  # "колко" alone reads as an amount


class Counted:
    """Finds the thing a plural pronoun counts."""

    def __init__(self, book: FactBook) -> None:
        self.book = book

    def of_they(self, parsed: Parsed, number: int, said: tuple[str, ...]) -> Parsed:
        """The question as a count of what the last question named (said) that the project's
        record counts, when it asks how many of "they" and names nothing of its own."""
        if parsed.content or parsed.answer not in _ASKED or parsed.topic not in (None, "budget"):
            return parsed
        if parsed.answer is None and parsed.topic is None:
            return parsed  # "кои са те" asks no number
        if _PLURAL.isdisjoint(surface_words(parsed.text)):
            return parsed
        counted = set().union(*(fact.counted for fact in self.book.of(number)[0]))
        things = [w for w in said if w in counted]
        if not things:
            return parsed
        extra = [*parsed.extra, *things]
        return replace(parsed, answer="count", topic=None, counted=things, extra=extra)
