"""Conversation turns that ask a new detail without naming the project: the village the chat
asked about stays the place of the detail; each rule with the tuning turn that showed it, new
conversations on other bases, and turns that must not take the village."""

from __future__ import annotations

import pytest

from bot.engine import Answer, Conversation, Engine


def _chat(engine: Engine, turns: list[str]) -> Answer:
    """The answer to the last turn of a conversation."""
    chat = Conversation()
    answers = [engine.answer(turn, chat) for turn in turns]
    return answers[-1]


# a follow-up asking a detail, naming no place, is about the village the chat asked about
VILLAGE_KEPT = [
    ("steppe", ["uli4noto osvetlenie v p4elarci koga shte go pravqt", "kolko lampi shte slojat"],
     "street-lighting-three-villages", "145 тела"),  # tuning
    ("steppe", ["уличното осветление в Ветровица кога ще е готово", "а колко лампи слагат"],
     "street-lighting-three-villages", "148 тела"),
    ("steppe", ["kога ще има осветление в Тихо поле", "а колко км мрежа"],
     "street-lighting-three-villages", "2,8 км"),
    ("steppe", ["street lights in Pchelartsi, when", "and how many lights"],
     "street-lighting-three-villages", "145"),
    ("danube", ["дигата при Камъшица кога ще е готова", "а какво още остава"], "diga-varbak",
     "затревят"),
    ("spa", ["има ли чешма с минерална вода в Букак", "а кога ще е готова"], "fountain-network",
     "април 2027"),
    ("mountain", ["фестивалът в Горна Еловица", "а коя група спечели"], "folklore-festival",
     "Еловчанки"),
    ("spa", ["разделното събиране в Сърнино", "колко площадки има вече"],
     "waste-separation-points", "26"),
]  # fmt: skip
# a village of its own replaces the chat's; a topic's field is the project's whole
VILLAGE_NOT_KEPT = [
    ("steppe", ["осветлението в Ветровица", "а в Пчеларци колко лампи"],
     "street-lighting-three-villages", "145 тела"),
    ("steppe", ["осветлението в Пчеларци кога ще е готово", "а колко струва"],
     "street-lighting-three-villages", "274 600"),
    ("spa", ["чешмите в Букак кога ще са готови", "а кой ги прави"], "fountain-network",
     "Каменоделец"),
    ("danube", ["в колко тръгва училищният автобус от горна ракита", "а обратно в колко тръгва",
                "плаща ли се нещо"], "uchilishten-avtobus", "безплатен"),  # tuning
]  # fmt: skip


# a word half the projects hold ("town", "град") says nothing of which project is meant: a
# thing the chat's project never speaks of starts afresh though the town is in its record
NOT_CAPTURED = [
    ("danube", ["the school bus", "and is there a swimming pool in town"], "uchilishten-avtobus"),
    ("town", ["the cycle lane by the river", "is there a cinema in town"], "bike-lane-river"),
    ("vine", ["the school canteen", "is there a hospital in town"], "school-canteen"),
    ("spa", ["the footbridge over the Toplitsa", "and is there a cinema in the town"],
     "toplitsa-footbridge"),
    ("town", ["велоалеята край реката", "има ли кино в града"], "bike-lane-river"),
    ("danube", ["училищният автобус", "има ли басейн в града"], "uchilishten-avtobus"),
    ("vine", ["the youth centre in the old cinema", "is there a bowling alley in the village"],
     "youth-centre"),
]  # fmt: skip
# ... but the thing counted is a detail, and a word the base does not know leaves the common
# ones counting
STILL_CONTINUED = [
    ("vine", ["кво става със залата до стадиона", "ок", "колко места ще има вътре"],
     "wine-fair-hall", "800"),  # tuning
    ("vine", ["what's happening with the exhibition hall next to the stadium",
              "ok. and what is the exact new deadline"],
     "wine-fair-hall", "30 June 2027"),  # tuning
    ("town", ["велоалеята край реката", "колко пейки ще има в града"], "bike-lane-river",
     "60 пейки"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project"), NOT_CAPTURED)
def test_common_words_capture_nothing(
    bases: dict[str, Engine], base: str, turns: list[str], project: str
) -> None:
    assert _chat(bases[base], turns).project != project


# after a list, "the X one" is that project of the list, and "how much" its budget: an English
# "one" right after a word of content is no price of one thing
THE_ONE_OF_A_LIST = [
    ("steppe", ["hi, who are you", "what projects are planned",
                "tell me about the beekeepers one, how much money"], "beekeepers-support",
     "12,000"),  # tuning
    ("danube", ["what projects are finished",
                "tell me about the school bus one, how much did it cost"], "uchilishten-avtobus",
     "298,800"),
    ("mountain", ["what projects are completed", "how much did the museum one cost"],
     "museum-digitisation", "148,600"),
    ("vine", ["what projects are going on", "the youth centre one - how much money"],
     "youth-centre", "784,200"),
    ("town", ["what projects are planned", "the dog shelter one, how much will it cost"],
     "dog-shelter", "not in our data"),
    ("danube", ["what projects are planned", "and the beach one, how much"], "plazh-pyasachnik",
     "not in our data"),
]  # fmt: skip
# "one" after a little word is one thing: a price of it, not the budget
ONE_THING = [
    ("mountain", "how much is one night at the Sarnena hut"),
    ("mountain", "how much does the hut cost for one night"),
]


@pytest.mark.parametrize(("base", "question"), ONE_THING)
def test_one_thing_is_no_budget(bases: dict[str, Engine], base: str, question: str) -> None:
    assert not bases[base].answer(question).answered


# the language switches: an English follow-up on a record written in Bulgarian only finds its
# words through the glossary (seats, a driver, a free fare), and a Bulgarian one on an English
# question's project
LANGUAGE_SWITCHED = [
    ("danube", ["новият училищен автобус", "how many seats does it have"], "uchilishten-avtobus",
     "32"),
    ("danube", ["училищният автобус", "and who is the driver"], "uchilishten-avtobus",
     "Митко Иванов"),
    ("danube", ["училищният автобус", "is it free"], "uchilishten-avtobus", "безплатен"),
    ("vine", ["изложбената зала до стадиона", "how many seats will it have"], "wine-fair-hall",
     "800"),
    ("town", ["велоалеята край реката", "how many benches"], "bike-lane-river", "60"),
    ("steppe", ["the school bus in Zlatoklas", "а колко деца вози"], "school-bus", "31"),
    ("danube", ["the fish market", "а колко сергии има"], "riben-pazar", "14"),
]  # fmt: skip


def test_free_lunch_in_english(bases: dict[str, Engine]) -> None:
    """The tuning question the glossary's "free" answers."""
    answer = bases["vine"].answer("is school lunch free for 2nd grade kids?")
    assert answer.answered and answer.project == "school-canteen"
    assert "безплатен" in answer.reply.plain()


ANSWERED = VILLAGE_KEPT + VILLAGE_NOT_KEPT + STILL_CONTINUED + THE_ONE_OF_A_LIST + LANGUAGE_SWITCHED


@pytest.mark.parametrize(("base", "turns", "project", "fact"), ANSWERED)
def test_turn_answered(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    """The last turn is answered about the project, with the fact in the reply."""
    answer = _chat(bases[base], turns)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain().replace("\xa0", " ")
