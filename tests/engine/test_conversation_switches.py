"""Where a follow-up goes (round eleven): a pointing word is no typo ("онова"); a village that
names another project which holds the rest asked moves there; a list of one project goes on about
it; a general FAQ entry of one word does not take a question whose context names a project; the
mayor "of the village" is the one its project names; "той" after the mayor, with a project
named, is about the project."""

from __future__ import annotations

import pytest

from bot.engine import Answer, Conversation, Engine
from bot.engine.rankings import by_status


def _chat(engine: Engine, turns: list[str]) -> list[Answer]:
    """The answers to the turns of one conversation."""
    chat = Conversation()
    return [engine.answer(turn, chat) for turn in turns]


@pytest.mark.parametrize("text", ["а онова за площада", "а оня в гроздево", "той кога дойде"])
def test_a_pointing_word_or_a_pronoun_is_no_typo(bases: dict[str, Engine], text: str) -> None:
    parsed = bases["vine"].reader.read(text)
    assert parsed.text.split()[:2] == text.split()[:2]


SWITCHES = [  # (base, turns, the project of the last turn)
    ("spa", ["колко площадки за разделно има", "а в букак кога ще оправят пътя"],
     "bukak-forest-road"),
    ("spa", ["кога ще оправят горския път за букак", "кой е кметът на селото"],
     "bukak-forest-road"),
    ("vine", ["какво правят на площада в гроздево", "а кой е кмет на селото"],
     "village-square-grozdevo"),
    ("shipped", ["кои проекти са в симеоновец", "кога започна той"],
     "simeonovets-community-centre"),
    ("shipped", ["The Hristo Botev school yard in Septemvri - when was it opened?"],
     "school-yard-botev"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project"), SWITCHES)
def test_the_project_of_the_follow_up(
    bases: dict[str, Engine], base: str, turns: list[str], project: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert last.answered and last.project == project


def test_the_village_mayor_is_the_one_the_record_names(bases: dict[str, Engine]) -> None:
    turns = ["какво правят на площада в гроздево", "а кой е кмет на селото"]
    assert "Росица Танева" in _chat(bases["vine"], turns)[-1].reply.plain()


def test_he_after_the_mayor_with_a_project_named(bases: dict[str, Engine]) -> None:
    turns = ["кой е кметът на общината", "той кога подписа договора за рибния пазар"]
    last = _chat(bases["danube"], turns)[-1]
    assert last.project == "riben-pazar"


# a list asked by its status alone is a list, whatever general FAQ entry holds the status's words
@pytest.mark.parametrize(
    ("text", "listed"),
    [("кои проекти са в изпълнение", True), ("кои проекти са за деца", False)],
)
def test_a_list_by_its_status_alone(bases: dict[str, Engine], text: str, listed: bool) -> None:
    assert by_status(bases["spa"].reader.read(text)) is listed
