"""Conversations (tests/data/tuning-conversations-2-*.yaml), round fourteen: an English "there"
that closes a follow-up points back to the project talked about ("who do I call about a broken
swing there"), though the follow-up names a thing of its own; not "is there a pool". The mayor of
a village the municipality's contacts name is the municipality's answer. An ordinal after a list
picks one project of it ("а вторият кога свършва", "the first one")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.subject import refers_back
from tests.engine.conftest import last_answer

# a follow-up asking whom to call about a thing "there": the project's contacts
CLOSING_THERE = [
    ("vine", ["кога е готов ремонтът на напоителния канал",
              "who do I ring about a burst pipe there"], "irrigation-canal-repair",
     "+359 3179 2231"),
    ("mountain", ["кога пускат новия влек на Детската поляна",
                  "who do I call about a stuck seat there"], "drag-lift-detska-polyana",
     "Chavdarova"),
    ("spa", ["колко струва мостът над Топлица", "who do I call about a loose plank there"],
     "toplitsa-footbridge", "+359 3149 2200"),
    ("danube", ["колко струва ремонтът на площад Свобода",
                "na kogo da zvanna za schupena peika tam"], "ploshtad-svoboda", "Миланов"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), CLOSING_THERE)
def test_a_closing_there_continues_the_project(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    answer = last_answer(bases[base], turns)
    assert answer.answered and answer.project == project and fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "refers"),
    [
        ("who do I call about a broken swing there", True),
        ("and what is there", False),
        ("what's there?", False),
        ("is there a swimming pool in town", False),
        ("а кой го строи", True),
    ],
)
def test_a_closing_there_refers_back(question: str, refers: bool) -> None:
    assert refers_back(question) is refers


# the mayor of a village the municipality's contacts name: the municipality's contact, though the
# record of the project talked about names the village (Хамбарци, Ветровица: steppe's contacts)
VILLAGE_MAYOR = [
    ("steppe", ["колко струва паркингът за зърновози", "а кой е кметът на Хамбарци"],
     None, "Радослав Иванов Тончев"),
    ("steppe", ["kolko struva parkingat za zarnovozi pri Hambartsi", "a koi e kmetat na hambartsi"],
     None, "Радослав Иванов Тончев"),
    ("steppe", ["when will the new street lights in Vetrovitsa be ready",
                "and who is the mayor of Vetrovitsa"], None, "Milena Georgieva Stoyanova"),
    ("steppe", ["кога ще е готов водопроводът в Мелничево", "а кой е кмет на суховей"],
     "rural-ambulance-post", "Тодорка Ненова"),  # no contact of the town: the record's
    ("spa", ["кога ще оправят горския път за букак", "а кой е кметът на Букак"],
     "bukak-forest-road", "Мечкаров"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), VILLAGE_MAYOR)
def test_a_village_mayor_the_town_lists_is_the_towns(
    bases: dict[str, Engine], base: str, turns: list[str], project: str | None, fact: str
) -> None:
    answer = last_answer(bases[base], turns)
    assert answer.answered and answer.project == project and fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "found"),
    [("кой е кметът на Хамбарци", True), ("кой е кметът на Бразденци", False),
     ("кой е кметът на Златоклас", True), ("кой е кмет на суховей", False)],
)  # fmt: skip
def test_the_village_mayors_are_found_once(
    bases: dict[str, Engine], question: str, found: bool
) -> None:
    engine = bases["steppe"]
    assert engine.follow.town_mayor(engine.reader.read(question)) is found


# the municipality's mayor is asked: the contacts of the villages' mayors are not listed with his
TOWN_MAYOR_ALONE = [
    ("steppe", "кой е кметът на Златоклас", "Стоян Кирилов Жеков", "Хамбарци"),
    ("steppe", "koi e kmetut na Zlatoklas", "Стоян Кирилов Жеков", "Ветровица"),
    ("steppe", "who is the mayor of Zlatoklas", "Stoyan Kirilov Zhekov", "Hambartsi"),
]


@pytest.mark.parametrize(("base", "question", "fact", "absent"), TOWN_MAYOR_ALONE)
def test_the_town_mayor_is_listed_alone(
    bases: dict[str, Engine], base: str, question: str, fact: str, absent: str
) -> None:
    reply = bases[base].answer(question).reply.plain()
    assert fact in reply and absent not in reply


# a follow-up after a list that picks one of it by its place ("а вторият", "the third one")
PICKED = [
    ("mountain", ["кои проекти са приключили", "а вторият колко струва"], "fire-station-towers",
     "1 587 216,33"),
    ("danube", ["what projects are there in Ladovitsa", "the third one, when does it end"],
     "obrazovatelni-mediatori", "31 January 2028"),
    ("danube", ["what projects are there in Ladovitsa", "the third one, when does it end",
                "and the fourth one?"], "pristan-ladovitsa", "30 April 2027"),
    ("vine", ["kakvi proekti ima v izpalnenie", "a parviyat kolko struva"], "health-centre",
     "58 300"),
    ("spa", ["какви проекти има в Букак", "а вторият кога свършва"], "fountain-network",
     "31 май 2027"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), PICKED)
def test_an_ordinal_after_a_list_picks_one_of_it(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    answer = last_answer(bases[base], turns)
    assert (
        answer.answered
        and answer.project == project
        and fact.replace(" ", "\xa0") in (answer.reply.plain().replace(" ", "\xa0"))
    )


# an ordinal followed by a thing asked ("вторият етап") is a part of a project, not a pick
def test_an_ordinal_before_a_thing_asked_is_no_pick(bases: dict[str, Engine]) -> None:
    engine = bases["mountain"]
    turns = ["кои проекти са приключили", "кой е вторият етап на екопътеката"]
    assert last_answer(engine, turns).project == "eco-trail-orlova"
