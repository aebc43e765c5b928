"""The sentence chosen: a measure asked of a part of a project is the number stated beside it;
where to see photos, a map or a form is the project's page that names it.

A sentence that names the thing asked but states its number of the kind asked in another clause
("ски влек с дължина 420 м ... 2 „килимчета“ за деца") measures something else: asked how long
the "килимчета" are, the sentence stating "2 ленти „магически килим“ (по 60 м)" answers. The
table holds the two tuning failures (mountain, spa) and questions written for the rule on the
other bases (danube, steppe, vine). "Къде да видя снимки от ...", "where can I vote on ...",
"има ли карта на пътеката" are answered by the link whose title names the photos, the vote, the
map: the tuning failures were on danube, vine and steppe; the questions written for the rule are
on steppe, mountain and spa.
"""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.beside import Beside, measured
from bot.engine.facts import make_fact, measured_clauses
from bot.engine.normalize import terms
from tests.engine.conftest import assert_quoted


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
    assert_quoted(bases[base], question, project, fact)


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


@pytest.mark.parametrize(
    ("base", "question", "project", "address"),
    [
        (
            "danube",
            "къде да видя снимки от докарването на понтона",
            "pristan-ladovitsa",
            "ponton-2026",
        ),
        ("vine", "where can I vote on what the youth centre will offer?", "youth-centre", "anketa"),
        (
            "steppe",
            "къде са правилата на фонда от перките, формуляра де",
            "wind-fund-village-halls",
            "fond-vyatar-za-selata",
        ),
        (
            "steppe",
            "къде мога да видя снимки от откриването на пътя Суховей Класовик",
            "suhovey-klasovik-road",
            "galeriya/pat-suhovey-klasovik",
        ),
        (
            "steppe",
            "kade moga da vidq snimki ot otkrivaneto na pata za klasovik",
            "suhovey-klasovik-road",
            "galeriya/pat-suhovey-klasovik",
        ),
        (
            "steppe",
            "къде да намеря формуляра за кандидатстване във фонда от перките",
            "wind-fund-village-halls",
            "fond-vyatar-za-selata",
        ),
        (
            "mountain",
            "къде да видя картата на екопътеката до Орлови скали",
            "eco-trail-orlova",
            "orlova-pateka-karta.pdf",
        ),
        (
            "mountain",
            "има ли карта на пътеката за орлови скали някъде в интернет",
            "eco-trail-orlova",
            "orlova-pateka-karta.pdf",
        ),
        (
            "spa",
            "where can I see photos of the old bath before and after",
            "old-mineral-bath",
            "galeria/starata-banya",
        ),
    ],
)
def test_where_to_see_a_page_is_the_page_that_names_it(
    bases: dict[str, Engine], base: str, question: str, project: str, address: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project, answer.reply.plain()
    assert address in (answer.source_url or ""), answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "place"),
    [
        ("steppe", "какъв е адресът на спешния пункт в Суховей", "Първи май"),
        ("steppe", "exact address of the new emergency post in Suhovey pls", "14 Parvi May St."),
        ("mountain", "къде започва екопътеката до Орлови скали", "Бистрица"),
    ],
)
def test_an_address_or_a_place_asked_is_still_the_place(
    bases: dict[str, Engine], base: str, question: str, place: str
) -> None:
    """A street address is no page, and a place asked without a page's word is where it is."""
    answer = bases[base].answer(question)
    assert answer.topic == "location" and place in answer.reply.plain()
