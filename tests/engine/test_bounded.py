"""The engine's memories stay within their limits: a count of entries, and for memories of whole
messages the characters they hold together (bot/engine/bounded.py)."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine, message, normalize
from bot.engine.bounded import CHARACTERS, Bounded, characters


@pytest.mark.parametrize(
    ("key", "expected"),
    [("колко", 5), (("a", "bc"), 3), ((("ab",), (True, False)), 4), (7, 1), ("", 0)],
)
def test_characters_of_a_key(key: object, expected: int) -> None:
    assert characters(key) == expected


def test_a_memory_full_by_count_is_emptied_first() -> None:
    memory: Bounded[int, int] = Bounded(2)
    for number in range(3):
        memory.keep(number, number)
    assert memory.keep(3, 3) == 3
    assert memory == {3: 3}


def test_a_memory_full_by_characters_is_emptied_first() -> None:
    memory: Bounded[str, int] = Bounded(100, size=10)
    memory.keep("абвгд", 1)
    memory.keep("ежзий", 2)
    assert len(memory) == 2 and memory.held == 10
    memory.keep("к", 3)
    assert memory == {"к": 3} and memory.held == 1
    memory.clear()
    assert memory.held == 0


def test_a_flood_of_long_messages_holds_no_more_than_the_limit(
    bases: dict[str, Engine],
) -> None:
    engine = bases["shipped"]
    words = "живея на улицата до парка и всеки ден минавам покрай новите пейки".split()
    for number in range(300):
        text = " ".join(f"{words[(number + i) % len(words)]}{i % 97}" for i in range(700))
        engine.answer(text, Conversation())
    memories = [message._SPLITS, normalize._TEXTS, engine.reader.speller._fixed]
    memories += [engine.detector._told, engine.reader.topics._found]
    for memory in memories:
        assert 0 < memory.held <= CHARACTERS
        assert sum(characters(key) for key in memory) == memory.held
