"""How other people talk (issue 8, sixth round): chatty messages, colloquial words, filtered lists
and typos that make another real word, on the tuning municipalities' bases."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.message import says_nothing, split_message
from bot.engine.normalize import terms


@pytest.mark.parametrize(
    ("question", "nothing"),
    [
        ("коя е?", True),
        ("Кога беше?", True),
        ("кажете ми го моля", True),
        ("Можете ли да ми кажете кой беше?", True),
        ("коя фирма е?", False),
        ("кога беше откриването?", False),
    ],
)
def test_a_question_that_says_nothing_of_its_own(question: str, nothing: bool) -> None:
    assert says_nothing(terms(question)) is nothing


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("Чух, че някаква фирма е дарила пари за здравната служба – коя е?", "дарила"),
        ("Искам телефона на дежурния в депото, кажете ми го моля.", "дежурния"),
        ("Някой ми каза, че паркът е готов, но кога?", "паркът"),
    ],
)
def test_the_clause_before_an_empty_question_is_part_of_it(message: str, asked: str) -> None:
    """The asking clause says nothing of its own: the clause before it says what is asked."""
    assert asked in split_message(message).question


@pytest.mark.parametrize(
    ("base", "message", "project", "fact"),
    [
        (
            "mountain",
            "Пътят до манастира бил класиран много напред в страната. На кое място?",
            "monastery-road",
            "11-и от 146",
        ),
        (
            "mountain",
            "Искам номера на дежурния в противопожарното депо, кажете ми го.",
            "fire-station-towers",
            "+359 887 401 112",
        ),
    ],
)
def test_the_context_gives_the_details_of_an_empty_question(
    bases: dict[str, Engine], base: str, message: str, project: str, fact: str
) -> None:
    """A question with no words of its own takes its details from the message around it."""
    answer = bases[base].answer(message)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()
