"""A memory of what was worked out before, kept within a limit: a running bot meets new words
and messages forever, so a full memory is emptied and fills again."""

from __future__ import annotations

from typing import TypeVar

WORDS = 50_000  # the words a memory of words' readings holds at most
TEXTS = 4096  # the whole messages (or sentences) a memory of texts holds at most
CHARACTERS = 1_000_000  # and the characters they hold together: a flood of long messages
K = TypeVar("K")
V = TypeVar("V")


def characters(key: object) -> int:
    """The characters of a key: a text's, or those of the texts in a tuple (1 for anything else)."""
    if isinstance(key, str):
        return len(key)
    if not isinstance(key, tuple):
        return 1
    total = 0  # a loop, not a sum over a generator: asked of every message's phrases
    for part in key:
        if isinstance(part, str):
            total += len(part)
        elif isinstance(part, tuple):
            total += characters(part)
        else:
            total += 1
    return total


class Bounded(dict[K, V]):
    """A dict of remembered values that is emptied when it holds more than limit of them, or
    keys of more than size characters together."""

    def __init__(self, limit: int, size: int | None = None) -> None:
        super().__init__()
        self.limit = limit
        self.size = size
        self.held = 0  # the characters of the keys held, when size bounds them

    def keep(self, key: K, value: V, cost: int | None = None) -> V:
        """Remember value for key (emptied first when full), and return it (cost: the key's
        characters, when the caller knows them)."""
        if len(self) > self.limit:
            self.clear()
        if self.size is not None:
            cost = characters(key) if cost is None else cost
            if self.held + cost > self.size:
                self.clear()
            self.held += cost
        self[key] = value
        return value

    def clear(self) -> None:
        """Forget everything held."""
        super().clear()
        self.held = 0
