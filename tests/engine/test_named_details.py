"""The sentence a question names the project by: a place or a name from the record's
locations (not its title or summary) is the detail asked, so that sentence is quoted
(bot/engine/projects.py)."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # one of the three buildings, named by the record's locations only
        (
            "shipped",
            "санираха ли детската градина Червена шапчица",
            "school-energy-efficiency",
            "Червена шапчица",
        ),
        ("shipped", "санирането на СОУ Христо Ботев", "school-energy-efficiency", "Христо Ботев"),
        # a village the locations add to the town of the summary, in English
        ("shipped", "will the wastewater from Varvara be treated too", "water-cycle", "Varvara"),
        ("shipped", "площадката на пл. Илия Минев срещу какво е", None, "срещу старата църква"),
        # other bases: a street or a square only the locations name
        ("vine", "здравната служба на ул. Васил Левски", "health-centre", "№ 14"),
        ("vine", "младежкият център на пл. Гроздоберна", "youth-centre", "№ 5"),
        ("mountain", "църквата на ул. Черковна", "church-st-nikola-frescoes", "№ 2"),
    ],
)
def test_the_sentence_holding_the_named_place_is_quoted(
    bases: dict[str, Engine], base: str, question: str, project: str | None, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.kind == "quote"
    assert project is None or answer.project == project
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "project"),
    [
        # named by its summary and the works alone: the summary, no sentence of a place
        ("shipped", "ремонта на улиците", "street-rehabilitation"),
        # named by a word the summary does not hold, and by nothing else: the summary
        ("danube", "какво става с кея", "pristan-ladovitsa"),
        # a question for a kind of answer keeps its own rules: the budget
        ("vine", "колко струва ремонтът на здравната служба на ул. Васил Левски", "health-centre"),
    ],
)
def test_no_named_place_beyond_the_summary_keeps_the_field(
    bases: dict[str, Engine], base: str, question: str, project: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert "местата на проекта" not in answer.reply.plain()
