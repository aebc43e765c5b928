"""A bracketed aside saying one thing is not published leaves the other fields of its sentence
alone: "жители, които сами идват (броят ... не е публикуван)" is no word on the cost, though
"сами" folds like "сума" (bot/engine/unstated.py, says_unstated_of)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.normalize import terms
from bot.engine.unstated import says_unstated_of

_BUDGET = frozenset(terms("стойност сума цена cost sum"))

CLAUSES = [
    ("хора, които сами не могат (целевите групи не са публикувани)", False),
    ("жители, които сами идват с кола (броят на картите не е публикуван)", False),
    ("Стойността и сроковете не са публикувани.", True),
    ("Ремонтът започна през май (стойността му не е обявена).", True),
    ("Работата е в ход. Сумата не е известна.", True),
    ("the residents themselves (the cost is not published)", True),
]


@pytest.mark.parametrize(("text", "said"), CLAUSES)
def test_the_clause_that_says_unstated_names_the_field(text: str, said: bool) -> None:
    assert says_unstated_of(text, _BUDGET) is said


# The cost of a project with no budget whose target groups hold such an aside: the stock
# "not published" line, never the aside.
NO_BUDGET = [
    ("shipped", "колко струва топъл обяд", "hot-lunch", "не е публикувана"),
    ("shipped", "how much does the hot lunch cost", "hot-lunch", "not in our data"),
    ("spa", "колко струва паркингът до липите", "lipite-car-park", "не е публикувана"),
    ("spa", "how much did the Lipite car park cost", "lipite-car-park", "not in our data"),
]


@pytest.mark.parametrize(("base", "question", "project", "line"), NO_BUDGET)
def test_an_aside_on_another_field_is_no_answer_to_the_cost(
    bases: dict[str, Engine], base: str, question: str, project: str, line: str
) -> None:
    answer = bases[base].answer(question)
    plain = answer.reply.plain()
    assert answer.project == project and line in plain
    assert "публикуван)" not in plain and "published)" not in plain
