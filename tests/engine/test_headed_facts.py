"""A sentence under a heading is about what the heading says: a news item's title and an
activity's title find the sentences under them (bot/engine/facts.py, detail.py)."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # the news title says "обществено обсъждане", its text the 38 citizens who came
        (
            "mountain",
            "колко човека дойдоха на общественото обсъждане за влека",
            "drag-lift-detska-polyana",
            "38",
        ),
        ("mountain", "колко души дойдоха на общественото обсъждане за влека", None, "38"),
        # the news title says the works stopped for the grape harvest, its text what was left
        (
            "vine",
            "kolko ostavaha ot polskiya pat kogato spryaha za grozdobera",
            "agricultural-road",
            "1,2 км",
        ),
        # the activity's title says "информационен център", its text where it will be
        (
            "danube",
            "къде ще е туристическият информационен център по интеррег",
            "interreg-salchieni",
            "до новия понтон",
        ),
    ],
)
def test_the_heading_finds_the_sentence_under_it(
    bases: dict[str, Engine], base: str, question: str, project: str | None, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered
    assert project is None or answer.project == project
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "fact"),
    [
        # a contact's hours are about "working hours", "open", "работи" (municipality_fields)
        ("mountain", "до колко часа работи посетителският център", "17:30"),
        ("mountain", "visitor centre opening hours", "17:30"),
    ],
)
def test_a_contact_is_about_its_fields(
    bases: dict[str, Engine], base: str, question: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == "visitor-centre"
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "fact", "heading"),
    [
        # the activity "Площадки за наблюдение на птици" and its sentence about the herons
        (
            "what birds can u see from the platforms on the promenade",
            "herons",
            "“Bird-watching platforms”",
        ),
        # the activity "Сух фонтан" and its sentence "Фонтанът е с 36 водни струи"
        ("а фонтана как ще е", "36 водни струи", "„Сух фонтан“"),
    ],
)
def test_the_sentence_under_a_heading_beats_the_heading(
    bases: dict[str, Engine], question: str, fact: str, heading: str
) -> None:
    """Of an activity's title and a sentence under it that hold the question alike, the
    sentence says more: it is quoted, the title alone is not."""
    plain = bases["danube"].answer(question).reply.plain()
    assert fact in plain
    assert heading not in plain.splitlines()  # quoted alone (its name as the source may stay)
