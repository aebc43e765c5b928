"""Kinds of questions no project answers though a record shares a word with them: the weather on
a day (bot/engine/offtopic.py, lexicon forecast_days), a service no record of the base writes
(lexicon off_topic_services), a staff role the base never writes, read as a typo of a base word
("пазач" as "пазар": bot/engine/absent.py unwritten_roles), and a village's mayor asked of a
record whose English title says "Major" (bot/engine/unstated.py)."""

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
