"""Chatty messages on other municipalities' bases: the asker's curiosity names no project, and
of several questions in one message that the message read whole does not answer, the first a
project answers surely is answered, then what the others add about that project."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.engine.normalize import terms

RUNNER = (
    "Добър вечер! Тичам всяка сутрин по крайбрежната и ми се струва, че хората стават все "
    "повече, дори в 6 сутринта е пълно. Интересно ми е – брои ли някой колко души минават?"
)


@pytest.mark.parametrize(
    ("base", "question", "word"),
    [
        ("danube", RUNNER, "интересно"),
        ("vine", "любопитно ми е кога ще е готова велоалеята", "любопитно"),
        ("spa", "I'm curious, when will the market hall open", "curious"),
        ("mountain", "interesting, how long is the eco trail", "interesting"),
    ],
)
def test_curiosity_names_nothing(
    bases: dict[str, Engine], base: str, question: str, word: str
) -> None:
    """Curiosity ("интересно ми е", "I'm curious") says how the asker feels, not what about."""
    parsed = bases[base].reader.read(question)
    assert set(terms(word)).isdisjoint([*parsed.content, *parsed.told])


def test_curiosity_chooses_no_project(bases: dict[str, Engine]) -> None:
    """The word "интересно" folds near a project's name ("Interreg"); the context's promenade
    is what the runner asks about."""
    assert bases["danube"].answer(RUNNER).project == "dunavska-aleya"


LANE = (
    "Добър ден! Живеем в Памидово, дъщеря ми е в 6 клас в Червено поле. Ще може ли децата да "
    "ходят с колело на училище по новата алея и кога горе-долу?"
)


@pytest.mark.parametrize(
    ("base", "message", "project", "facts"),
    [
        # the whole message finds no sentence; its first question finds the lane's goal, and the
        # second ("кога горе-долу") adds the lane's period
        ("vine", LANE, "cycling-route-villages", ["с колело до училище", "24 месеца"]),
    ],
)
def test_the_first_sure_part_then_the_others(
    bases: dict[str, Engine], base: str, message: str, project: str, facts: list[str]
) -> None:
    answer = bases[base].answer(message)
    reply = answer.reply.plain().replace("\xa0", " ")
    assert answer.answered and answer.project == project
    assert all(fact in reply for fact in facts)


def test_a_part_answer_is_as_sure_as_the_share_of_sure_parts(bases: dict[str, Engine]) -> None:
    """Of the lane message's two questions only the first is surely the lane's alone ("кога
    горе-долу" names nothing): the answer is reported at half that part's confidence."""
    engine = bases["vine"]
    part = engine.answer("Ще може ли децата да ходят с колело на училище по новата алея")
    whole = engine.answer(LANE)
    assert part.confidence >= 0.5
    assert whole.confidence < 0.5 and whole.confidence <= part.confidence / 2 + 1e-9


@pytest.mark.parametrize(
    ("base", "message"),
    [
        # neither part is a project's: the message is still declined, with no project's facts
        ("spa", "Колко струва хлябът и кога е концертът?"),
        ("vine", "Какво ще е времето утре и до колко е отворено?"),
    ],
)
def test_parts_no_project_answers_stay_declined(
    bases: dict[str, Engine], base: str, message: str
) -> None:
    answer = bases[base].answer(message)
    assert not answer.answered and answer.project is None


def test_a_part_answer_keeps_the_conversation(bases: dict[str, Engine]) -> None:
    """The project a part answered is the one talked about next."""
    chat = Conversation()
    bases["vine"].answer(LANE, chat)
    assert chat.project == "cycling-route-villages"
