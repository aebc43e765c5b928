"""Where all the projects are told about: the general FAQ entry that most of its ways of asking
say "projects", else the list of them all; a list with a filter stays a list
(bot/engine/published.py)."""

from __future__ import annotations

import pytest

from bot.engine import Engine

# Round 11: on the code before it, the first three got the list or the municipality's contacts.
ASKED = [
    ("danube", "where can I read about all projects of the municipality", "faq", "projects"),
    ("danube", "къде мога да прочета за всички проекти на общината", "faq", "Проекти на общината"),
    ("spa", "къде мога да прочета за всички проекти на общината", "list", "Старата баня"),
    ("spa", "where can I read about all the projects", "list", "Old Mineral Bath"),
    ("danube", "кои проекти са в изпълнение", "list", "Укрепване на дигата"),
]


@pytest.mark.parametrize(("base", "question", "kind", "said"), ASKED)
def test_where_the_projects_are_told_about(
    bases: dict[str, Engine], base: str, question: str, kind: str, said: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project is None and answer.kind == kind
    assert said in answer.reply.plain()
