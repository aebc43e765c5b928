"""Rules of the eighth round about the sentence that holds the fact: a unit word is also the
thing counted ("90 места" counts seats), and a sentence under a heading that names the village
asked is about that village (a news item "Открит селският дом в с. Ветровица")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
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
    ],
)
def test_seats_asked_are_answered_by_the_sentence_stating_them(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()
