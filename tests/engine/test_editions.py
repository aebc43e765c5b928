"""Editions of one programme and the numbers a question names (bot/engine/editions.py), on the
town base's two summer camps ("Лятна занималня 2019", "Лятна занималня 2")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.editions import numbers_said
from tests.engine.conftest import assert_quoted


@pytest.mark.parametrize(
    ("question", "project", "fact"),
    [
        # the year or the edition's number decides between two projects both named
        ("колко деца ходиха на лятната занималня през 2019", "summer-camp-2019", "42 деца"),
        ("колко аниматори имаше в занималнята от 2019 г.", "summer-camp-2019", "3 аниматори"),
        ("lyatna zanimalnya 2019 kolko uchiteli imashe", "summer-camp-2019", "2 учители"),
        ("how many children went to the summer camp in 2019", "summer-camp-2019", "42 children"),
        ("колко деца ще има в лятна занималня 2", "summer-camp", "80 деца"),
        # the edition's number is no thing priced: its budget
        ("how much does summer camp 2 cost", "summer-camp", "46,000"),
        ("колко струва лятна занималня 2", "summer-camp", "46\xa0000"),
        # a number the question names picks the sentence that says it
        ("колко деца има в група 1 на занималнята", "summer-camp", "30 деца"),
        ("how many children are in group 1 of the summer camp", "summer-camp", "30 children"),
        ("колко деца са в група 1 на лятна занималня 2", "summer-camp", "30 деца"),
    ],
)
def test_the_number_asked_decides(
    bases: dict[str, Engine], question: str, project: str, fact: str
) -> None:
    assert_quoted(bases["town"], question, project, fact)


def test_the_names_number_picks_no_sentence(bases: dict[str, Engine]) -> None:
    reply = bases["town"].answer("колко деца ще има в лятна занималня 2").reply.plain()
    assert "група 2" not in reply


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("маршрут 2: Ливадица – Белоречие (31 км)", {"2", "31"}),
        ("насипът е готов в 2,1 от 2,8 км", {"2,1", "2,8"}),
        ("без числа", set()),
        # a digit inside a word typed in Latin letters is a letter ("6te" ще, "u4enici")
        ("6te ima li 4 novi lampi za u4enicite", {"4"}),
    ],
)
def test_numbers_said_whole(text: str, numbers: set[str]) -> None:
    assert numbers_said(text) == numbers


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # no results in the record: "not described", and what its summary says was done
        ("town", "какво е направено по лятната занималня 2019", "summer-camp-2019", "Рилския"),
        ("spa", "какво е направено на паркинга при Липите", "lipite-car-park", "86 места"),
        ("spa", "what was done at the Lipite car park", "lipite-car-park", "86 spaces"),
        ("vine", "what has been achieved at the health centre", "health-centre", "dentist"),
    ],
)
def test_results_missing_give_the_summary(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    assert_quoted(bases[base], question, project, fact)
