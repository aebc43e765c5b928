"""A clause's first words: each length of the lexicon's phrases looked up once."""

from __future__ import annotations

import pytest

from bot.engine.message import _by_length, _starts
from bot.engine.normalize import terms

PHRASES = ["защото", "тъй като", "as long as"]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("защото съседите казаха", True),
        ("тъй като е далеч", True),
        ("тъй", False),  # shorter than the phrase it begins
        ("като тъй", False),
        ("as long as it works", True),
        ("as long", False),
        ("казаха, защото", False),  # not at the start
        ("", False),
    ],
)
def test_a_clause_starts_with_a_phrase_of_any_length(text: str, starts: bool) -> None:
    assert _starts(terms(text), _by_length(PHRASES)) is starts


def test_an_empty_phrase_starts_every_clause() -> None:
    assert _starts(terms("кога"), _by_length(["", "защото"]))
