"""A date question that names an event (an opening, a launch, a closing) is answered with the
sentence or news item that dates that event, before the project's own dates."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.events import event_terms
from bot.engine.normalize import terms


@pytest.mark.parametrize(
    ("base", "question", "project", "facts"),
    [
        ("danube", "от кога е отворен тоз рибен пазар", "riben-pazar", ["8 октомври 2022"]),
        ("mountain", "when did the sividol museum go online", "museum-digitisation",
         ["18 May 2024"]),
        ("danube", "кога затварят ул. рибарска заради канала", "psov-ladovitsa", ["5 октомври"]),
        # the end of the works, when the project's dates do not publish it
        ("vine", "лозарчето кога ще е готово", "youth-centre", ["ноември 2027"]),
        # the event's sentence first, and the project's dates still after it
        ("shipped", "пречиствателна станция кога ще заработи", "water-cycle",
         ["трябваше да заработи през есента", "20 ноември 2012"]),
    ],
)  # fmt: skip
def test_the_event_asked_is_dated(
    bases: dict[str, Engine], base: str, question: str, project: str, facts: list[str]
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    reply = answer.reply.plain()
    assert all(fact in reply for fact in facts)
    assert reply.index(facts[0]) <= reply.index(facts[-1])


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("кога е откриването", True),  # any form finds the others: "откриха", "opened"
        ("кога откриха площада", True),
        ("when was it opened", True),
        ("кога започна проектът", False),  # the project's own start: its dates answer it
    ],
)
def test_event_forms(question: str, named: bool) -> None:
    found = event_terms(t for w in question.split() for t in terms(w))
    assert bool(found) == named
    if named:
        assert {"otkrih", "open"} <= found
