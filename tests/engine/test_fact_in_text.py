"""The number asked is the one a sentence states of the thing asked: a verb a sentence holds
only breaks ties, a phone number or a clock time counts nothing, a number written in words is a
number, a unit the question names asks that measure alone (bot/engine/detail.py, facts.py,
narrowing.py)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.facts import describe
from bot.knowledge import load_or_raise
from tests.engine.conftest import FIXTURES, assert_quoted


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # the verb ("пътуват", "пускат", "наводни") is in other sentences too: the thing counted
        # decides
        ("danube", "колко деца пътуват с училищния автобус", "uchilishten-avtobus", "47 ученици"),
        (
            "danube",
            "a kolko deca patuvat s uchilishtniya avtobus",
            "uchilishten-avtobus",
            "47 ученици",
        ),
        ("vine", "колко стопани пускат водата от канала Гърлото", "irrigation-canal-repair", "210"),
        ("vine", "колко мазета наводни поройният дъжд", "storm-drain-cleaning", "14 мазета"),
        (
            "steppe",
            "за колко деца дават топла храна в детската градина",
            "kindergarten-kitchen",
            "276 деца",
        ),
        ("danube", "колко сергии работят на рибния пазар", "riben-pazar", "14 сергии"),
        ("steppe", "kolko sela obikalya bibliobusat", "mobile-library-van", "12"),
    ],
)
def test_the_thing_counted_outweighs_the_verb(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    assert_quoted(bases[base], question, project, fact)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Записване при директора, тел. 0889 401 277.", set()),
        ("д-р Иванова – управител – +359 4357 2400", set()),
        ("Микробусът тръгва в 7:30ч и връща децата в 16:30ч.", set()),
        ("изпълнени са около шестдесет процента от работите", {"number", "percent"}),
        ("петима с увреждания и трима безработни", {"number", "count"}),
        ("покрита лятна сцена 14 на 9 метра", {"number", "size"}),
        ("covered summer stage 14 by 9 metres", {"number", "size"}),
        ("Площ: 160 квадрата", {"number", "size"}),
    ],
)
def test_what_a_sentence_counts(text: str, kinds: set[str]) -> None:
    stated, _ = describe([text])
    assert kinds <= stated
    assert kinds or ("count" not in stated and "number" not in stated)


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # a number written in words ("Шестима", "петима", "трима")
        (
            "danube",
            "колко образователни медиатори работят по проекта",
            "obrazovatelni-mediatori",
            "Шестима",
        ),
        (
            "danube",
            "колко хора с увреждания работят в социалната пекарна",
            "sotsialna-pekarna",
            "петима",
        ),
        ("danube", "колко безработни хора работят в пекарната", "sotsialna-pekarna", "трима"),
        # a unit named asks that measure: an area, not a count beside the same noun
        (
            "mountain",
            "колко квадрата е сградата на здравната служба в Смреча",
            "medical-practice-smrecha",
            "142 кв. м",
        ),
        (
            "mountain",
            "колко квадратни метра е новият покрив на посетителския център",
            "visitor-centre",
            "440 кв. м",
        ),
        (
            "mountain",
            "колко кв. м е сградата на пожарната кула",
            "fire-station-towers",
            "186 кв. м",
        ),
        (
            "steppe",
            "колко квадрата е пристройката на спешната помощ в Суховей",
            "rural-ambulance-post",
            "96 кв. м",
        ),
        (
            "spa",
            "колко квадрата ще е сградата на рехабилитационния център",
            "rehabilitation-centre",
            "1 650 кв. м",
        ),
        ("danube", "колко хектара е нивата за гробището", "grobishte-razshiryavane", "1,8 хектара"),
        # a length by a width is how big a thing is
        (
            "vine",
            "колко голяма е сцената на площада в Гроздево",
            "village-square-grozdevo",
            "8 на 6 м",
        ),
        ("vine", "kolko golyama e scenata v grozdevo", "village-square-grozdevo", "8 на 6 м"),
        ("spa", "колко голям е салонът в Сърнино", "sarnino-school-gym", "24 х 14 м"),
    ],
)
def test_the_measure_asked(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    assert_quoted(bases[base], question, project, fact)


@pytest.fixture(scope="module")
def rose() -> Engine:
    """The v9 held-out municipality (Маслодол), read since its failures were printed."""
    return Engine(load_or_raise(FIXTURES / "frozen-v9-rose" / "knowledge"))


@pytest.mark.parametrize(
    ("question", "project", "fact"),
    [
        ("колко деца ходят в градината в яворище", "yavorishte-kindergarten", "19 деца"),
        (
            "колко процента от работите в изгрев са готови според проверката от управляващия орган",
            "izgrev-sewerage-streets",
            "шестдесет процента",
        ),
        ("колко квадрата е сградата на спасителния пункт", "mountain-rescue-point", "160 кв.м"),
    ],
)
def test_the_blind_questions(rose: Engine, question: str, project: str, fact: str) -> None:
    assert_quoted(rose, question, project, fact)
