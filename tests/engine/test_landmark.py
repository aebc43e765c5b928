"""A landmark beside a place ("срещу какво се намира", "до какво е", "next to what is it"): the
sentence that names what the place stands beside answers, the project's places after it."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.facts import make_fact
from bot.engine.landmark import asks_landmark, landmarks


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("срещу какво се намира площадката", True),
        ("До какво е пекарната?", True),
        ("sreshtu kakvo e parkat", True),
        ("next to what is the market", True),
        ("до кога е отворено", False),
        ("какво има до училището", False),  # what is there beside it: no landmark of it asked
    ],
)
def test_a_landmark_is_asked(question: str, asked: bool) -> None:
    assert asks_landmark(question) is asked


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("гр. Септември – пл. „Илия Минев“, срещу старата църква", True),
        ("Магазинчето е на ул. „Цар Симеон“ № 14, до пощата.", True),
        ("Ladovitsa, Pristanishtna pier, next to the small fishing harbour", True),
        ("Работи от вторник до неделя, от 6:00 до 13:00 ч.", False),  # days and hours
        ("Ремонтът ще продължи до края на 2027 г.", False),  # a time
        ("Понтонът стигна до Ладовица около обед.", False),  # a town, no landmark
    ],
)
def test_a_sentence_names_a_landmark(text: str, named: bool) -> None:
    fact = make_fact("summary", {"bg": text})
    assert bool(landmarks([fact])) is named


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("danube", "До какво се намира социалната пекарна?", "sotsialna-pekarna", "до пощата"),
        ("danube", "до какво е рибният пазар", "riben-pazar", "рибарско пристанище"),
        ("danube", "next to what is the fish market", "riben-pazar", "fishing harbour"),
        ("shipped", "срещу какво е площадката на Илия Минев", "clean-environment-playgrounds",
         "старата църква"),
    ],
)  # fmt: skip
def test_the_landmark_sentence_answers(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain().split("\n\n")[0]  # first, before the places
