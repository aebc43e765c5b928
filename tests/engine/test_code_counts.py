"""A code or a contract's number ("BG05SFPR003-1.001-0014-С03", "№ 13/07/2/0/00078") counts
nothing (bot/engine/facts.py); a count asked of a record that counts no such thing declines,
as a follow-up too (bot/engine/projects.py)."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.engine.facts import describe

NO_COUNT = [
    "Общината обяви, че предоставя топъл обяд и по договор BG05SFPR003-1.001-0014-С03.",
    "Общината подписа договор за безвъзмездна помощ № 13/07/2/0/00078.",
    "Със заповед РД-02-15 кметът назначи комисия.",
    "The municipality builds the plant under contract BG16FFPR002-1.004-0009-C01.",
]


@pytest.mark.parametrize("text", NO_COUNT)
def test_a_code_is_no_count(text: str) -> None:
    kinds, counted = describe([text])
    assert "count" not in kinds and "number" not in kinds and not counted


COUNTS = [
    ("Строят се 4-етажен блок и 90 места за паркиране.", "count"),
    ("Алеята е 2,4 км.", "number"),
    ("В кухнята работят 8 души.", "count"),
]


@pytest.mark.parametrize(("text", "kind"), COUNTS)
def test_a_number_beside_its_noun_still_counts(text: str, kind: str) -> None:
    kinds, _ = describe([text])
    assert kind in kinds


DECLINED = [
    ("shipped", ["топъл обяд", "а колко души?"], "hot-lunch"),
    ("shipped", ["колко души получават топъл обяд"], "hot-lunch"),
]


@pytest.mark.parametrize(("base", "turns", "project"), DECLINED)
def test_a_count_no_sentence_states_is_declined(
    bases: dict[str, Engine], base: str, turns: list[str], project: str
) -> None:
    chat = Conversation()
    for turn in turns:
        answer = bases[base].answer(turn, chat)
    assert not answer.answered
    assert "BG05" not in answer.reply.plain()


def test_the_streets_counted_are_no_contract_number(bases: dict[str, Engine]) -> None:
    answer = bases["shipped"].answer("колко улици ремонтират")
    assert "00078" not in answer.reply.plain()
