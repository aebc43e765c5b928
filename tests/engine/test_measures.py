"""Rules of the fifth round about numbers: the day of a date is no quantity, and the unit a
question asks ("колко тона", "колко квадрата") chooses the sentence that states it, though
without the certainty of a sentence that holds the question's words."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.facts import describe


@pytest.fixture(scope="module")
def vine(bases: dict[str, Engine]) -> Engine:
    return bases["vine"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Спираме работата от 6 септември до 15 октомври.", False),  # days of dates
        ("Подписахме договора на 14 март 2022 г.", False),
        ("Ремонтирахме 14 мазета.", True),
        ("Ограничението е до 25 тона.", True),
    ],
)
def test_the_day_of_a_date_is_no_quantity(text: str, number: bool) -> None:
    kinds, _ = describe([text])
    assert ("number" in kinds) is number


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("колко тона издържа полският път", "25 тона"),  # weight
        ("до колко тона може да минава по полския път", "25 тона"),
        ("колко квадрата е залата до стадиона", "1 100 кв. м"),  # size
        ("колко земеделци ползват канала", "210 земеделски стопани"),  # not a date's day
    ],
)
def test_the_unit_asked_chooses_the_sentence(vine: Engine, question: str, fact: str) -> None:
    answer = vine.answer(question)
    assert answer.answered
    assert fact in answer.reply.plain()


def test_a_sentence_only_the_unit_chose_is_not_sure(vine: Engine) -> None:
    """No sentence holds "минава"'s neighbours; the weight alone chose it: below 0.5."""
    answer = vine.answer("до колко тона може да минава по полския път")
    assert answer.answered and answer.confidence < 0.5


def test_a_clock_time_answers_until_how_much(bases: dict[str, Engine]) -> None:
    """ "До колко" of an evening asks a clock time: the sentence "отворен до 23:00" answers."""
    answer = bases["mountain"].answer("до колко беше отворен музеят в нощта на музеите")
    assert answer.answered
    assert "23:00" in answer.reply.plain()
