""" "Кога ще е готово" with no project named asks which project: the status word is the event
asked, no filter of a list; "какво е готово" and "кои са готови" still list (bot/engine/town.py)."""

from __future__ import annotations

import pytest

from bot.engine import Engine

CLARIFY = [
    ("shipped", "кога ще е готово"),
    ("shipped", "koga shte e gotovo"),
    ("shipped", "кога ще бъде завършен"),
    ("vine", "а кога ще бъде завършено?"),
    ("steppe", "koga shte e gotovo"),
    ("town", "кога ще е готово всичко това"),
    ("danube", "кога приключва"),
]


@pytest.mark.parametrize(("base", "question"), CLARIFY)
def test_when_ready_with_no_project_asks_which(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.kind == "clarify"


LISTS = [
    ("shipped", "какво е готово"),
    ("shipped", "кои проекти са готови"),
    ("mountain", "кои проекти са завършени"),
]


@pytest.mark.parametrize(("base", "question"), LISTS)
def test_what_is_ready_still_lists(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.kind == "list"
