"""A request that names nothing ("Можете ли да ми го дадете?", "Имате ли го?", "Could you send
it?") asks for what the sentence before it needs ("... и ми трябва номерът на договора.")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.message import split_message
from tests.engine.conftest import assert_quoted


@pytest.mark.parametrize(
    ("message", "asked", "context"),
    [
        (
            "Здравейте, пиша статия и ми трябва номерът на договора. Можете ли да ми го дадете?",
            "трябва номерът на договора, Можете ли да ми го дадете?",
            "пиша статия и ми",
        ),
        (
            "Бях там, но не помня кой кмет откри парка. Ще ми кажете ли?",
            "кой кмет откри парка",
            "Бях там",
        ),
        ("I need the contract number for the bridge. Could you send it?", "need the contract", ""),
    ],
)
def test_the_need_before_a_bare_request_is_asked(message: str, asked: str, context: str) -> None:
    split = split_message(message)
    assert asked in split.question
    assert context in split.context


@pytest.mark.parametrize(
    "message",
    [
        "Пиша статия за парка. Можете ли да ми помогнете с номера на договора?",  # says its own
        "Живея в Суховей. Имате ли го?",  # nothing needed before it: no sentence is taken
    ],
)
def test_a_request_that_names_its_own_or_follows_no_need_is_kept(message: str) -> None:
    assert split_message(message).question == message.split(". ", 1)[1]


@pytest.mark.parametrize(
    ("base", "message", "project", "fact"),
    [
        (
            "steppe",
            "Добър ден, подготвяме подобно кандидатстване, затова ми трябва номерът на договора "
            "за подвижната библиотека. Бихте ли ми го пратили?",
            "mobile-library-van",
            "РД-11-204",
        ),
        (
            "spa",
            "Здравейте, събирам данни за бани и ми трябва кодът на процедурата за Старата баня. "
            "Можете ли да ми го дадете?",
            "old-mineral-bath",
            "BG16RFOP001-6.002",
        ),
        (
            "spa",
            "Hello, I am writing about the old bath and I need the contract number. "
            "Could you send it to me?",
            "old-mineral-bath",
            "BG16RFOP001-6.002-0031-C01",
        ),
    ],
)
def test_the_code_asked_in_a_long_message_is_answered(
    bases: dict[str, Engine], base: str, message: str, project: str, fact: str
) -> None:
    assert_quoted(bases[base], message, project, fact)
