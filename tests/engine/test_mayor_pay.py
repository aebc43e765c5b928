"""The mayor's card answers who the mayor is and how to reach him, never how much money he
gets: an amount asked of the mayor declines (bot/engine/town.py)."""

from __future__ import annotations

import pytest

from bot.engine import Engine

DECLINED = [
    ("shipped", "колко пари е получил кметът"),
    ("shipped", "колко пари получава кметът на месец"),
    ("vine", "колко пари получава кметът на месец"),
    ("town", "kolko pari vzima kmeta"),
]


@pytest.mark.parametrize(("base", "question"), DECLINED)
def test_the_mayors_pay_is_declined(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.kind == "fallback"


CARD = [("town", "кой е кметът"), ("vine", "телефон на кмета"), ("town", "кога приема кметът")]


@pytest.mark.parametrize(("base", "question"), CARD)
def test_the_mayors_card_still_answers(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.kind == "municipality"
