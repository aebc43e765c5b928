"""Conversations (tests/data/tuning-conversations-2-*.yaml), round fourteen: an English "there"
that closes a follow-up points back to the project talked about ("who do I call about a broken
swing there"), though the follow-up names a thing of its own; not "is there a pool"."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.subject import refers_back
from tests.engine.conftest import last_answer

# a follow-up asking whom to call about a thing "there": the project's contacts
CLOSING_THERE = [
    ("vine", ["кога е готов ремонтът на напоителния канал",
              "who do I ring about a burst pipe there"], "irrigation-canal-repair",
     "+359 3179 2231"),
    ("mountain", ["кога пускат новия влек на Детската поляна",
                  "who do I call about a stuck seat there"], "drag-lift-detska-polyana",
     "Chavdarova"),
    ("spa", ["колко струва мостът над Топлица", "who do I call about a loose plank there"],
     "toplitsa-footbridge", "+359 3149 2200"),
    ("danube", ["колко струва ремонтът на площад Свобода",
                "na kogo da zvanna za schupena peika tam"], "ploshtad-svoboda", "Миланов"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), CLOSING_THERE)
def test_a_closing_there_continues_the_project(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    answer = last_answer(bases[base], turns)
    assert answer.answered and answer.project == project and fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "refers"),
    [
        ("who do I call about a broken swing there", True),
        ("and what is there", False),
        ("what's there?", False),
        ("is there a swimming pool in town", False),
        ("а кой го строи", True),
    ],
)
def test_a_closing_there_refers_back(question: str, refers: bool) -> None:
    assert refers_back(question) is refers
