"""A memory of what was worked out before, kept within a limit: a running bot meets new words
and messages forever, so a full memory is emptied and fills again."""

from __future__ import annotations

from typing import TypeVar

WORDS = 50_000  # the words a memory of words' readings holds at most
K = TypeVar("K")
V = TypeVar("V")


class Bounded(dict[K, V]):
    """A dict of remembered values that is emptied when it holds more than limit of them."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: K, value: V) -> V:
        """Remember value for key (emptied first when full), and return it."""
        if len(self) > self.limit:
            self.clear()
        self[key] = value
        return value
