"""A yes-or-no question ("може ли ...", "дали ...", "can we ...", "are dogs ...") is answered first
by what the staff wrote to the same question, a project's FAQ answer, before a sentence that
merely holds some of its words."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("danube", "безплатно ли е лятното училище с медиаторите за децата от махалата",
         "obrazovatelni-mediatori", "всичко е безплатно"),
        ("danube", "are dogs on a leash allowed on the new riverside promenade",
         "dunavska-aleya", "on a lead"),
        ("danube", "ще отсичат ли старите липи при ремонта на площада",
         "ploshtad-svoboda", "17 стари липи се запазват"),
        ("danube", "дали таблетите от дигиталните класни стаи може да се носят вкъщи за домашното",
         "digitalni-klasni-stai", "срещу подпис на родител"),
        ("spa", "дали пътеката до водопада е подходяща и за малки деца",
         "samodivska-trail", "за деца над 6 години"),
        ("spa", "can we rent the school gym in Sarnino for a birthday party",
         "sarnino-school-gym", "5 EUR an hour"),
        ("vine", "може ли и нашата малка изба да се включи в маршрута",
         "wine-tourism-route", "31 януари 2027"),
        ("vine", "трябва ли да плащам нещо за водата за поливане на лозето",
         "irrigation-canal-repair", "0,09 евро"),
    ],
)  # fmt: skip
def test_the_staffs_answer_first(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The first sentence quoted is the FAQ's answer."""
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain().split("\n")[1]


@pytest.mark.parametrize(
    ("question", "yes_no"),
    [
        ("може ли с деца по пътеката", True),
        ("дали е безплатно", True),
        ("ima li lodka", True),
        ("can I rent the hall", True),
        ("is there a robotics club", True),
        ("колко струва пътеката", False),
        ("when is the festival", False),
        ("who can rent the hall", False),  # an auxiliary not first: a wh-question
    ],
)
def test_yes_no_questions(bases: dict[str, Engine], question: str, yes_no: bool) -> None:
    """A particle anywhere or an English auxiliary first makes a yes-or-no question."""
    assert bases["danube"].reader.read(question).yes_no is yes_no
