"""Kinds of questions no project answers though a record shares a word with them: the weather on
a day (bot/engine/offtopic.py, lexicon forecast_days), a service no record of the base writes
(lexicon off_topic_services), a staff role the base never writes, read as a typo of a base word
("пазач" as "пазар": bot/engine/absent.py unwritten_roles), a village's mayor asked of a
record whose English title says "Major" (bot/engine/unstated.py), and a thing no record names
whose stem is one letter from a record's ("тунел", "табел": bot/engine/subject.py is_strange),
a depth asked of a record that names none (measures.yaml by_name), and the phone of a firm the
record names only as a contractor or partner (bot/engine/unstated.py other_party)."""

from __future__ import annotations

import pytest

from bot.engine import Engine

# Each answered with a project's facts on the code before the rules.
DECLINED = [
    ("mountain", "какво ще е времето утре на екопътеката Орлова"),
    ("spa", "какво ще е времето днес при Старата баня"),
    ("steppe", "какво ще е времето утре по пътя Суховей Класовик"),
    ("danube", "has the fish market got free wifi"),
    ("vine", "какво е менюто утре в училищния стол"),
    ("danube", "кой е пазачът на рибния пазар"),
    ("vine", "кой е водачът на винения маршрут"),
    ("spa", "кой е пазачът на паркинга Липите"),
    ("shipped", "кой е кметът на село Симеоновец"),
    ("mountain", "колко е дълъг тунелът на пътя за манастира"),
    ("spa", "колко е дълъг тунелът на горския път за Букак"),
    ("danube", "колко е дълбока водата при новия понтон в Ладовица"),
    ("vine", "колко е дълбок напоителният канал"),
    ("vine", "какъв е телефонът на Хидрострой Тракия"),
    ("danube", "what is the phone number of Ladostroy, the fish market builder"),
]

# Their twins: the duration, the hours, the service a record writes, a role or a count the
# record states.
ANSWERED = [
    ("mountain", "колко време се върви по екопътеката Орлова", "eco-trail-orlova", "3 ч."),
    ("spa", "какво е работното време на Старата баня", "old-mineral-bath", "8:00"),
    ("mountain", "ще има ли безплатен wifi в Смреча", "broadband-villages", "Wi-Fi"),
    ("vine", "колко ученици обядват в новия стол", "school-canteen", "480"),
    ("danube", "кой е изпълнителят на рибния пазар", "riben-pazar", "Ладострой"),
    (
        "vine",
        "кой е координаторът на винения маршрут",
        "wine-tourism-route",
        "Мирела Кантарджиева",
    ),
    ("spa", "колко места има паркингът на Липите", "lipite-car-park", "86 места"),
    ("danube", "кой е шофьорът на училищния автобус", "uchilishten-avtobus", "Митко Иванов"),
    ("mountain", "колко е дълъг пътят до манастира", "monastery-road", "6,35 км"),
    ("spa", "колко е дълъг горският път за Букак", "bukak-forest-road", "11,4 км"),
    ("danube", "колко е дълъг новият понтон в Ладовица", "pristan-ladovitsa", "48 метра"),
    ("spa", "колко е дълбок басейнът в Старата баня", "old-mineral-bath", "1,40 м"),
    ("spa", "how deep is the big pool at the old bath", "old-mineral-bath", "1.40 m"),
    (
        "vine",
        "какъв е телефонът за ремонта на канала К-3",
        "irrigation-canal-repair",
        "Петко Гюров",
    ),
    (  # who, not how to reach them: the contacts answer
        "mountain",
        "кой ръководи реставраторите на стенописите в горна еловица",
        "church-st-nikola-frescoes",
        "Юлия Караиванова",
    ),
]


@pytest.mark.parametrize(("base", "question"), DECLINED)
def test_declined_without_a_project_s_facts(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.project is None
    assert answer.kind in ("fallback", "not_found")  # no "did you mean", no sentence quoted


@pytest.mark.parametrize(("base", "question", "project", "fact"), ANSWERED)
def test_the_twin_is_answered(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()
