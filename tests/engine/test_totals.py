"""A list asked what its projects cost gives the sum of their stated budgets and how many state
none (bot/engine/totals.py); a list asked otherwise stays a plain list."""

from __future__ import annotations

import pytest

from bot.engine import Engine

TOTALS = [
    ("shipped", "колко струват всички проекти общо", ["11 797 576,80", "За 13 от тях"]),
    ("shipped", "what is the total budget of all projects", ["11,797,576.80", "13 of them"]),
    ("vine", "колко струват всички проекти общо", ["11 242 277,43", "За 4 от тях"]),
    ("town", "what is the total cost of all the projects", ["2,926,131.20", "2 of them"]),
    ("steppe", "kolko struvat vsichki proekti obshto", ["18 147 555,61"]),
    ("mountain", "колко пари струват проектите в изпълнение", ["7 821 159,27"]),
]


@pytest.mark.parametrize(("base", "question", "facts"), TOTALS)
def test_the_total_of_the_listed_budgets(
    bases: dict[str, Engine], base: str, question: str, facts: list[str]
) -> None:
    answer = bases[base].answer(question)
    plain = answer.reply.plain().replace("\u00a0", " ")
    assert answer.answered and answer.kind == "list"
    assert all(fact in plain for fact in facts)


PLAIN = [("shipped", "кои проекти са в изпълнение"), ("vine", "кои проекти са завършени")]


@pytest.mark.parametrize(("base", "question"), PLAIN)
def test_a_list_not_asking_the_cost_has_no_sum(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    plain = bases[base].answer(question).reply.plain()
    assert "Сборът" not in plain and "add up" not in plain
