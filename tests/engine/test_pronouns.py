"""What a plural pronoun counts (bot/engine/pronouns.py): "колко бяха те" after a question that
named a thing the project's record counts is the count of that thing, not the project's cost."""

from __future__ import annotations

import pytest

from bot.engine import Answer, Conversation, Engine


def _chat(engine: Engine, turns: list[str]) -> list[Answer]:
    """The answers to the turns of one conversation."""
    chat = Conversation()
    return [engine.answer(turn, chat) for turn in turns]


THEY = [
    ("danube", ["какво са дигиталните класни стаи", "колко бяха те"], "digitalni-klasni-stai",
     "18 класни стаи"),
    ("spa", ["кога ще е готова мрежата от чешми", "колко са те"], "fountain-network", "16 чешми"),
    ("shipped", ["не бе, питам за санирането на училищата", "колко бяха те"],
     "school-energy-efficiency", "седем училища"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), THEY)
def test_they_count_the_thing_named_before(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert last.project == project and fact in last.reply.plain()


def test_without_a_pronoun_how_much_is_the_cost(bases: dict[str, Engine]) -> None:
    turns = ["какво са дигиталните класни стаи", "колко струваше"]
    assert _chat(bases["danube"], turns)[-1].topic == "budget"


def test_which_are_they_asks_no_number(bases: dict[str, Engine]) -> None:
    engine = bases["danube"]
    parsed = engine.reader.read("кои са те")
    number = engine.follow.numbers["digitalni-klasni-stai"]
    assert engine.counted.of_they(parsed, number, ("klasn", "stai")) is parsed
