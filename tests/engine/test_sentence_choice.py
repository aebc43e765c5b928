"""The sentence chosen for a measure asked of a part of a project states the number beside it.

A sentence that names the thing asked but states its number of the kind asked in another clause
("ски влек с дължина 420 м ... 2 „килимчета“ за деца") measures something else: asked how long
the "килимчета" are, the sentence stating "2 ленти „магически килим“ (по 60 м)" answers. The
table holds the two tuning failures (mountain, spa) and questions written for the rule on the
other bases (danube, steppe, vine).
"""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.beside import Beside, measured
from bot.engine.facts import make_fact, measured_clauses
from bot.engine.normalize import terms


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        (
            "mountain",
            "колко дълги ще са килимчтата за децата на новя влек",
            "drag-lift-detska-polyana",
            "60 м",
        ),
        ("spa", "катерачката в новия салон в сърнино колко метра е", "sarnino-school-gym", "6 м"),
        (
            "danube",
            "колко дълги кораби ще могат да спират на новия понтон",
            "pristan-ladovitsa",
            "135 метра",
        ),
        ("danube", "колко голяма е хладилната камера на рибния пазар", "riben-pazar", "30 куб. м"),
        ("danube", "на колко години беше старият училищен автобус", "uchilishten-avtobus", "19"),
        (
            "danube",
            "с колко метра ще насипят терена на пречиствателната станция",
            "psov-ladovitsa",
            "1,8 метра",
        ),
        (
            "steppe",
            "колко голяма е хладилната камера в кухнята на детската градина в Суховей",
            "kindergarten-kitchen",
            "6 куб. м",
        ),
        (
            "steppe",
            "еластичната ограда по пътя за Класовик колко метра е",
            "suhovey-klasovik-road",
            "1 240 м",
        ),
        (
            "steppe",
            "колко голяма е пристройката на спешния пункт в Суховей",
            "rural-ambulance-post",
            "96 кв. м",
        ),
        (
            "steppe",
            "and the road from Klasovik to Suhovey, how long is it",
            "suhovey-klasovik-road",
            "7.34 km",
        ),
        (
            "steppe",
            "абе кръговото при хамбарци колко голямо ша е",
            "grain-road-truck-parking",
            "36 м",
        ),
        (
            "vine",
            "колко км са разпределителните канали на Гърлото",
            "irrigation-canal-repair",
            "3,1 км",
        ),
    ],
)
def test_the_number_asked_is_the_one_stated_beside_the_thing(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project, answer.reply.plain()
    assert fact in answer.reply.plain()


def test_a_counted_thing_keeps_its_sentence(bases: dict[str, Engine]) -> None:
    """A sentence counting the very thing asked is no other thing's number ("28 броя")."""
    answer = bases["steppe"].answer("kolko broia sa donesli grajdanite ot lipsva6tite")
    assert "28 броя" in answer.reply.plain()


def test_clauses_part_a_sentence_at_commas_semicolons_and_conjunctions() -> None:
    text = "Нов влек с дължина 420 м и зона от 2,1 ха с 2 „килимчета“ за деца; 40 пейки."
    clauses = measured_clauses([text])
    assert [sorted(kinds) for kinds, _ in clauses] == [
        ["length", "number"],
        ["count", "number", "size"],
        ["count", "number"],
    ]
    assert "2,1" not in [c for _, said in clauses for c in said]  # no decimal comma splits
    assert measured_clauses(["катерушка 6 м"]) == ()  # one clause: the sentence itself


def test_a_number_measures_the_noun_of_its_own_clause() -> None:
    carpets = frozenset(terms("килимчета")) | frozenset(terms("килим"))
    length = frozenset({"length"})
    summary = make_fact(
        "summary", {"bg": "Нов влек с дължина 420 м и зона от 2,1 ха с 2 „килимчета“ за деца."}
    )
    lanes = make_fact("activities", {"bg": "Монтаж на влек и 2 ленти „магически килим“ (по 60 м)"})
    nouns = [(carpets, 5.0)]
    assert measured(summary, length, nouns) == 0.0
    assert measured(lanes, length, nouns) == 5.0
    beside = Beside(length, nouns, best=5.0)
    assert beside.other(summary) and not beside.other(lanes)
    assert not beside.other(make_fact("results", {"bg": "420 м нов влек"}))  # it names no carpet
    assert not Beside(length, nouns, best=0.0).other(summary)  # no sentence measures a carpet
