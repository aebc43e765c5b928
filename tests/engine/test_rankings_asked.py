"""Rankings asked as people type them (no noun, a number in words, "top 5", "струват най-много",
a plural superlative after a project), projects by status asked anew after a project, and
"which project?" offering every project."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.engine.conftest import last_answer

RANKED = [
    ("shipped", ["покажи 2-та най-нови"], "Най-новите проекти", 2),
    ("shipped", ["покажи двата най-стари"], "Най-старите проекти", 2),
    ("shipped", ["the two most expensive projects"], "The projects with the largest budgets", 2),
    ("shipped", ["three most expensive projects"], "The projects with the largest budgets", 3),
    ("shipped", ["top 5 most expensive projects"], "The projects with the largest budgets", None),
    ("shipped", ["кои проекти струват най-много"], "Проектите с най-голям бюджет", None),
    ("vine", ["кои проекти струват най-малко"], "Проектите с най-малък бюджет", None),
    ("shipped", ["топъл обяд", "а кои са най-евтините?"], "Проектите с най-малък бюджет", None),
    ("spa", ["кога ще е готов мостът за пешеходци", "а кои са най-скъпите?"],
     "Проектите с най-голям бюджет", None),
    ("steppe", ["библиобусът по кои села ходи", "кои са завършили"],
     "Проектите на общината – приключили", None),
    ("mountain", ["show me the 3 newest"], "The newest projects", 3),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "heading", "lines"), RANKED)
def test_ranking_asked(
    bases: dict[str, Engine], base: str, turns: list[str], heading: str, lines: int | None
) -> None:
    """The last turn is a list about no one project, with its heading and the number of
    projects asked (none asked: at most five)."""
    answer = last_answer(bases[base], turns)
    text = answer.reply.plain()
    assert answer.kind == "list" and answer.project is None
    assert text.startswith(heading)
    shown = text.count("\n• ")
    assert shown == lines if lines else 0 < shown <= 5  # none asked: at most five


NOT_RANKED = [
    ("shipped", ["2-та най-нови новини"], "news", None),
    ("shipped", ["най-новите новини"], "news", None),
    ("shipped", ["топъл обяд", "завършен ли е"], "status", "hot-lunch"),
    ("shipped", ["топъл обяд", "кога е завършил"], "dates", "hot-lunch"),
]


@pytest.mark.parametrize(("base", "turns", "topic", "project"), NOT_RANKED)
def test_no_ranking_asked(
    bases: dict[str, Engine], base: str, turns: list[str], topic: str, project: str | None
) -> None:
    """News asked with a number, and a project's own status, stay what they were."""
    answer = last_answer(bases[base], turns)
    assert answer.topic == topic and answer.project == project


@pytest.mark.parametrize("question", ["а колко струва?", "and when does it end?"])
def test_which_project_offers_every_project_in_the_lists_order(
    bases: dict[str, Engine], question: str
) -> None:
    """A topic asked of no project lists every project, each offered in the list's order."""
    engine = bases["shipped"]
    answer = engine.answer(question)
    assert answer.kind == "clarify" and not answer.answered
    names = [line[2:] for line in answer.reply.plain().splitlines() if line.startswith("• ")]
    offered = [engine.knowledge.project(p) for p in answer.suggestions]
    assert names == [p.name(answer.lang) for p in offered if p is not None]
    assert len(names) == len(engine.knowledge.projects)
