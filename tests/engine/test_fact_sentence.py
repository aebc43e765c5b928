"""Rules of the eighth round about the sentence that holds the fact: a unit word is also the
thing counted ("90 места" counts seats), and a sentence under a heading that names the village
asked is about that village (a news item "Открит селският дом в с. Ветровица")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.detail import lists_places
from bot.engine.facts import describe


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("залата (90 места) ще се ползва и през зимата", "mest"),
        ("автобус с 32 места за ученици", "mest"),
        ("the hall (90 seats) will be used in winter", "seat"),
        ("асфалт 11 400 кв. м по главната улица", "kv"),
    ],
)
def test_a_unit_word_is_the_thing_counted(text: str, counted: str) -> None:
    _, nouns = describe([text])
    assert counted in nouns


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # the news body says "залата (90 места)"; only its heading names Ветровица
        (
            "steppe",
            "колко места има залата в селкия дом във Ветровица",
            "wind-fund-village-halls",
            "90 места",
        ),
        (
            "steppe",
            "колко места има в залата на селския дом във Ветровица",
            "wind-fund-village-halls",
            "90 места",
        ),
        (
            "steppe",
            "how many seats does the hall in Vetrovitsa have",
            "wind-fund-village-halls",
            "90",
        ),
        ("steppe", "за колко души е залата във Ветровица", "wind-fund-village-halls", "90"),
        ("vine", "колко места има в залата до стадиона", "wine-fair-hall", "800"),
        ("vine", "how many seats will the hall by the stadium have", "wine-fair-hall", "800"),
        ("vine", "za kolko mesta e zalata do stadiona", "wine-fair-hall", "800"),
        ("danube", "колко места има в училищния автобус", "uchilishten-avtobus", "32 места"),
        # the title lists all three villages; the one asked still says which sentence answers
        (
            "steppe",
            "how many street lights are going up in Tiho Pole",
            "street-lighting-three-villages",
            "119",
        ),
        (
            "steppe",
            "колко км мрежа ще се прави в Пчеларци",
            "street-lighting-three-villages",
            "3,7 км",
        ),
        (
            "steppe",
            "uli4noto osvetlenie v p4elarci koga shte go pravqt",
            "street-lighting-three-villages",
            "31.12.2026",
        ),
        (
            "steppe",
            "колко души дойдоха на обсъждането на поясите в Бразденци",
            "forest-shelter-belt",
            "39",
        ),
        ("vine", "колко километра е велоалеята до Памидово", "cycling-route-villages", "4,2 км"),
        # a number asked of one village: the village's own item of the places states it
        (
            "steppe",
            "колко лампи ще сменят в Пчеларци",
            "street-lighting-three-villages",
            "145 тела",
        ),
        (
            "steppe",
            "колко осветителни тела слагат в Тихо поле",
            "street-lighting-three-villages",
            "119 тела",
        ),
        (
            "steppe",
            "kolko lampi shte ima vav Vetrovica",
            "street-lighting-three-villages",
            "148 тела",
        ),
        # a verb of an event ("свършиха") holds the detail: the sentence saying it ended
        (
            "steppe",
            "кога свършиха с осветлението във Ветровица",
            "street-lighting-three-villages",
            "21.10.2026",
        ),
        (
            "steppe",
            "кво е станало с лампите във ветровица, свършиха ли",
            "street-lighting-three-villages",
            "завършено",
        ),
    ],
)
def test_the_sentence_holding_the_fact_answers(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("title", "asked", "located", "lists"),
    [
        ({"lamp", "a", "b", "c"}, {"b"}, [{"a", "x"}, {"b", "x"}, {"c", "x"}], True),
        ({"road", "a", "b"}, {"a"}, [{"a"}, {"b"}], False),  # two places: a road's two ends
        ({"lamp", "a", "b"}, {"b"}, [{"a"}, {"b"}, {"c"}], False),  # the title lists not all
        (
            {"lamp", "a", "b", "c"},
            {"x"},
            [{"a", "x"}, {"b", "x"}, {"c", "x"}],
            False,
        ),  # all of them
    ],
)
def test_a_title_lists_places(
    title: set[str], asked: set[str], located: list[set[str]], lists: bool
) -> None:
    assert lists_places(frozenset(title), asked, [frozenset(t) for t in located]) is lists
