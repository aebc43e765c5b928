"""How a fact is found in a reply when grading: spaces and separators do not matter, a number
must be whole."""

from __future__ import annotations

import pytest

from benchmarks.evaluation import holds

CASES = [
    ("Продължителност: 12 месеца", "12 месеца", True),
    ("Продължителност: 12 месеца", "2 месеца", False),
    ("Обща стойност: 1199467,56 лв.", "199467,56", False),
    ("Телефон: +359 3561 7777", "3561 7777", True),
    ("за 112 деца", "12 деца", False),
    ("Обща стойност: 199 467,56 лв.", "199 467,56", True),
    ("Обща стойност: 199\u00a0467,56 лв.", "199467,56", True),
    ("Начало: 12.2016", "2016", True),
    ("2016–2018", "2016", True),
    ("Изпълнител: ЕТ „Строител“", "строител", True),
    ("Паркингът е готов.", "парк", True),
    ("Нищо общо.", "парк", False),
]


@pytest.mark.parametrize(("reply", "fact", "found"), CASES)
def test_holds(reply: str, fact: str, found: bool) -> None:
    assert holds(reply, fact) is found
