"""HTML tags, entities and terminal escapes pasted with a question are no part of its words."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.normalize import without_markup

CASES = [
    ("<b>колко струва паркът</b>", "колко струва паркът"),
    ("колко струва паркът <b>", "колко струва паркът"),
    ("колко струва паркът\x1b[0m", "колко струва паркът"),
    ("\x1b[1;31mкога\x1b[0m ще е готов пазарът", "кога ще е готов пазарът"),
    ('<a href="x">кой е кметът</a>?', "кой е кметът ?"),
    ("колко&nbsp;струва", "колко струва"),
    ("a <3 b", "a <3 b"),
    ("колко е 5 < 7", "колко е 5 < 7"),
    ("обикновен въпрос", "обикновен въпрос"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_markup_is_dropped(text: str, expected: str) -> None:
    assert without_markup(text) == expected


ANSWERED = [
    ("shipped", "<b>колко струва паркът</b>"),
    ("mountain", "<i>колко струва ремонтът на посетителския център</i>"),
    ("mountain", "how much does the chairlift renovation cost\x1b[0m"),
    ("spa", "колко струват минералните чешми <br>"),
]


@pytest.mark.parametrize(("base", "question"), ANSWERED)
def test_marked_question_answered_as_plain(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    plain = bases[base].answer(without_markup(question))
    marked = bases[base].answer(question)
    assert marked.answered and (marked.project, marked.reply) == (plain.project, plain.reply)
