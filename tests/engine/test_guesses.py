"""Rules of the fifth round: a guess is no answer. A project's field given only because no
sentence of it holds what is asked, about a project the question does not name whole and with a
word its record never uses, is declined; a message that asks nothing continues nothing."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("danube", "кога ще пуснат нова автобусна линия до ладовица"),  # the school bus: no line
        ("danube", "кога ще пуснат автобусна линия до горна ракита"),
        ("shipped", "колко ще струва нов тротоар пред блока ни"),  # not the streets' budget
        ("shipped", "who is responsible for snow removal"),  # not the playgrounds' contacts
        ("mountain", "има ли проект за детска градина в смреча"),  # not the children's lift
    ],
)
def test_a_guess_is_declined(bases: dict[str, Engine], base: str, question: str) -> None:
    """A project only partly named, with no sentence for the question: no project's facts."""
    answer = bases[base].answer(question)
    assert not answer.answered
    assert answer.project is None


@pytest.mark.parametrize(
    ("base", "question", "project"),
    [
        ("shipped", "къде е паркът в квартал 66", "park-block-66"),  # named whole: its place
        ("shipped", "kade e parka v kvartal 66", "park-block-66"),
        ("danube", "how much did the new school bus cost", "uchilishten-avtobus"),
    ],
)
def test_a_project_named_whole_still_answers(
    bases: dict[str, Engine], base: str, question: str, project: str
) -> None:
    """The same field is the answer when the question names the project whole."""
    answer = bases[base].answer(question)
    assert answer.answered
    assert answer.project == project


@pytest.mark.parametrize(
    ("base", "first", "nothing"),
    [
        ("shipped", "кога ще завърши ремонтът на читалище Пробуда", "а а а"),
        ("shipped", "кога ще завърши ремонтът на читалище Пробуда", "ъъъ"),
        ("danube", "колко струва училищният автобус", "и"),
        ("danube", "колко струва училищният автобус", "а?"),
    ],
)
def test_a_message_that_asks_nothing_continues_nothing(
    bases: dict[str, Engine], base: str, first: str, nothing: str
) -> None:
    """Only follow-up particles ("а а а"): declined, and the chat keeps its project."""
    engine = bases[base]
    conversation = Conversation()
    asked = engine.answer(first, conversation)
    assert asked.answered and asked.project is not None
    answer = engine.answer(nothing, conversation)
    assert not answer.answered
    assert answer.project is None
    after = engine.answer("а кога?", conversation)  # a real follow-up still continues it
    assert after.project == asked.project


@pytest.mark.parametrize(
    ("question", "declined"),
    [
        ("колко е часът", True),  # the time of day: off topic
        ("kolko e chasat sega", True),
        ("до колко часа работи общината", False),  # opening hours: the municipality's
    ],
)
def test_the_time_of_day_is_no_one_s(
    bases: dict[str, Engine], question: str, declined: bool
) -> None:
    answer = bases["shipped"].answer(question)
    assert answer.answered is not declined
    if declined:
        assert answer.kind == "fallback"
