"""A word typed without its first letter ("ълга" for "дълга", "ark" for "park") is read as the
word meant when the message's word is short; a stem of three letters never is ("една" is "edn",
no "bedn"), and of several words that fit none is chosen."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.fuzzy import TypoIndex


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("mountain", "колко ълга е пистата за начинаещи", "drag-lift-detska-polyana", "420 м"),
        ("danube", "колко ълга е дигата при върбак", "diga-varbak", None),
        ("shipped", "кога ще е отов паркът в квартал 66", "park-block-66", None),
        ("shipped", "when will the oad to Lesichovo be ready", "vinogradets-lesichovo-road", None),
        ("shipped", "колко ари дава общината за парка", "park-block-66", None),
        ("vine", "в колко зби може да се опита вино по маршрута", "wine-tourism-route", "7 изби"),
        ("spa", "колко ари струва мостът над топлица", "toplitsa-footbridge", "612\u00a0000"),
    ],
)
def test_first_letter_left_out(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str | None
) -> None:
    """The question is answered as it would be with the word written whole."""
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    if fact is not None:
        assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("words", "typed", "meant"),
    [
        (["park"], "ark", ["park"]),  # three letters: the only word that fits
        (["park", "mark"], "ark", []),  # two fit: none is meant
        (["dalga"], "alga", ["dalga"]),  # four letters
        (["dalga", "salga"], "alga", ["dalga", "salga"]),  # four letters: the speller chooses
        (["water"], "eather", []),  # two letters apart: "weather" is no "water"
    ],
)
def test_whole_words_as_typed(words: list[str], typed: str, meant: list[str]) -> None:
    """A word as typed may lack its first letter."""
    assert TypoIndex(words).near(typed, initial=True) == meant


@pytest.mark.parametrize(("words", "stem"), [(["bedn"], "edn"), (["park"], "ark")])
def test_stems_keep_their_first_letter(words: list[str], stem: str) -> None:
    """A stem's letters are another word's tail as often as not: no first letter is added."""
    assert TypoIndex(words).near(stem) == []


def test_a_stem_is_not_another_word(bases: dict[str, Engine]) -> None:
    """The word "една" (stem "edn") is not read as "бедни" ("bedn")."""
    terms = {m.term for m in bases["shipped"].index.lookup("edn")}
    assert "bedn" not in terms


@pytest.mark.parametrize(
    ("base", "question", "answer"),
    [
        ("steppe", "базата в хамбарци колко тона побира", "weight"),  # not "тома"
        ("spa", "колко тона тежи мостът над топлица", "weight"),
        ("vine", "колко декара лозя има по маршрута", None),
        ("mountain", "how many tonnes does the tower weigh", "weight"),
        ("danube", "колко килограма риба", None),
    ],
)
def test_units_are_no_typos(
    bases: dict[str, Engine], base: str, question: str, answer: str | None
) -> None:
    """A unit of measure (`units` in lexicon.yaml) is a known word, never read as a typo of a
    word of the base."""
    parsed = bases[base].reader.read(question)
    assert not parsed.guessed
    if answer is not None:
        assert parsed.answer == answer
