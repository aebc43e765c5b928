"""Whose hours a follow-up asks: the project's talked about, or the municipality's.

"в кои дни работи" after the waste site asks the site's days when its record states the hours of
the day ("от вторник до събота от 08:00 до 17:00 ч."); "а какво е работното време на ЦАО" after
the town hall's renovation asks the hours of a thing of the municipality's own (its texts name
the ЦАО), though the project's record speaks of it too.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine.facts import OPEN_ABOUT, FactBook
from bot.engine.index import ProjectIndex
from bot.engine.parsed import Parsed
from bot.engine.stopwords import content_terms


class Hours:
    """Tells whether the hours a follow-up asks are the municipality's."""

    def __init__(self, index: ProjectIndex, book: FactBook, town: Iterable[str]) -> None:
        self.index = index
        self.book = book
        self.town = frozenset(t for text in town for t in content_terms(text))
        self._timed: dict[int, bool] = {}

    def of_town(self, parsed: Parsed, number: int) -> bool:
        """True when the hours asked are the municipality's: a thing of its own is named that
        the project's name is not, or the record states no hours (no time of the day, none of
        the words asked)."""
        things = [w for w in parsed.content if w not in OPEN_ABOUT]
        if any(w in self.town and not self.index.names(number, w) for w in things):
            return True  # "а работното време на ЦАО"
        said = any(self.index.holds(number, w) for w in parsed.extra)
        return not (said or (not things and self.timed(number)))

    def timed(self, number: int) -> bool:
        """True when a sentence of the project's record states a time of the day."""
        found = self._timed.get(number)
        if found is None:
            facts = self.book.of(number)[0]
            found = self._timed[number] = any("time" in fact.kinds for fact in facts)
        return found
