"""A long administrative title lists the works' parts ("довеждащ водопровод", "напорен
резервоар"); asked a number of a part it names beside the project's short name, that part's
sentence answers, not the whole's."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.engine.conftest import assert_quoted


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("steppe", "колко е дълъг довеждащият водопровод за Мелничево",
         "melnichevo-water-main", "6 820"),
        ("steppe", "колко km е довеждащия водопровод в мелничево",
         "melnichevo-water-main", "6 820"),
        ("steppe", "how long is the new supply main to Melnichevo",
         "melnichevo-water-main", "6,820"),
        ("mountain", "колко кубика ще е напорният резервоар на каптажа в калинище",
         "water-catchment-kalinishte", "Напорен резервоар 150 куб. м"),
        ("vine", "колко km е главният напоителен канал К-3", "irrigation-canal-repair", "6,2 км"),
    ],
)  # fmt: skip
def test_a_part_of_the_title(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The sentence stating the part's number is quoted, and it is sure of it."""
    assert_quoted(bases[base], question, project, fact, sure=0.8)


@pytest.mark.parametrize(
    ("base", "project", "words", "answer", "parts"),
    [
        # "довеждащ" is in the long title only; "водопровод" and the village in the short one
        ("steppe", "melnichevo-water-main", ["doveZdaSt", "vodoprovod", "melniCev"], "length",
         ["doveZdaSt"]),
        # nothing of the short name: the project is not named, no part of it is asked
        ("steppe", "melnichevo-water-main", ["doveZdaSt"], "length", []),
        # no number asked: the words name the project
        ("steppe", "melnichevo-water-main", ["doveZdaSt", "vodoprovod"], None, []),
    ],
)  # fmt: skip
def test_parts(
    bases: dict[str, Engine],
    base: str,
    project: str,
    words: list[str],
    answer: str | None,
    parts: list[str],
) -> None:
    """Which of the naming words say a part."""
    engine = bases[base]
    number = next(i for i, p in enumerate(engine.index.projects) if p.id == project)
    assert engine.details.parts(number, words, answer) == parts
