"""Verbs of the works (bot/engine/verbs.py, works_verbs in lexicon.yaml): a who-question with one
asks the contractor; supplying a thing is a supply contract's work."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question", "project", "firm"),
    [
        (
            "danube",
            "who supplies the computers for the digital classrooms",
            "digitalni-klasni-stai",
            "Infolab Systems",
        ),
        (
            "danube",
            "кой доставя техниката за дигиталните класни стаи",
            "digitalni-klasni-stai",
            "Инфолаб Системс",
        ),
        ("danube", "who delivered the school bus", "uchilishten-avtobus", "Автокар Север"),
        ("steppe", "who supplied the library van", "mobile-library-van", "Avto Kov Spetsial"),
        ("steppe", "koy dostavi bibliotekata na kolela", "mobile-library-van", "Авто Ков Специал"),
        (
            "mountain",
            "who supplies the new chairlift parts",
            "ski-lift-renovation",
            "Alpin Lift Systems",
        ),
    ],
)
def test_who_supplies_is_the_contractor(
    bases: dict[str, Engine], base: str, question: str, project: str, firm: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.project == project and answer.topic == "contractors"
    assert firm in answer.reply.plain()
