"""Whose hours a follow-up asks (bot/engine/hours.py): the project's, when its record states the
hours of the day and the question names no thing of the municipality's; else the municipality's."""

from __future__ import annotations

import pytest

from bot.engine import Answer, Conversation, Engine


def _chat(engine: Engine, turns: list[str]) -> list[Answer]:
    """The answers to the turns of one conversation."""
    chat = Conversation()
    return [engine.answer(turn, chat) for turn in turns]


# a project whose record states its hours: "в кои дни работи" is its days, not another's
PROJECT_HOURS = [
    ("danube", ["колко ще струва рибният пазар на кея", "в кои дни работи"], "riben-pazar",
     "от вторник до неделя"),
    ("mountain", ["кога отвори здравната служба в смреча", "в кои дни работи"],
     "medical-practice-smrecha", "8:00 – 13:00"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), PROJECT_HOURS)
def test_the_days_of_the_project_talked_about(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert last.answered and last.project == project and fact in last.reply.plain()


# the hours of a thing the municipality's hours name ("ЦАО"), or of the municipality, after a
# project: the municipality's
TOWN_HOURS = [
    ("mountain", ["кога отвори здравната служба в смреча", "а кога работи ЦАО"],
     "без обедна почивка"),
    ("danube", ["колко ще струва рибният пазар на кея", "а работното време на общината"],
     "8:30 до 17:00"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "fact"), TOWN_HOURS)
def test_the_hours_of_the_municipality(
    bases: dict[str, Engine], base: str, turns: list[str], fact: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert last.answered and last.project is None and fact in last.reply.plain()


def test_a_record_with_a_time_of_the_day_is_timed(bases: dict[str, Engine]) -> None:
    engine = bases["danube"]
    hours = engine.follow.hours
    assert hours.timed(engine.follow.numbers["riben-pazar"])
    assert not hours.timed(engine.follow.numbers["diga-varbak"])
