"""What the engine remembers between questions gives the same as working it out again, is the
caller's to change, and stays bounded."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.engine import language
from bot.engine.language import LanguageDetector
from bot.engine.normalize import terms
from bot.engine.spelling import Speller
from bot.engine.topics import PhraseSpotter

PHRASES = [("budget", "колко струва", None), ("dates", "кога", None), ("now", "now", None)]


@pytest.mark.parametrize(
    "text", ["колко струва паркът", "кога кога колко струва", "now", "нищо", "колко"]
)
def test_a_spotter_that_remembers_finds_what_one_that_does_not(text: str) -> None:
    words = terms(text)
    script = [True] * len(words)
    remembering = PhraseSpotter(PHRASES, remember=True)
    plain = PhraseSpotter(PHRASES)
    first = remembering.find(words, cyrillic=script)
    first.clear()  # the caller's own list
    assert remembering.find(words, cyrillic=script) == plain.find(words, cyrillic=script)


def test_a_message_corrected_again_is_corrected_alike() -> None:
    speller = Speller(Counter({"обяд": 3, "струва": 2, "паркът": 1}))
    known = {"колко", "и"}.__contains__
    fixed, corrected = speller.fix("колко струа паркът и обдя", lambda t: known(t.written))
    corrected.add("нещо")  # the caller's own set
    again = speller.fix("колко струа паркът и обдя", lambda t: known(t.written))
    assert fixed == again[0] == "колко струва паркът и обяд"
    assert again[1] == {"обяд"}  # "струва" is a slip, no guess


def test_a_message_that_tells_no_language_keeps_each_callers_default() -> None:
    detector = LanguageDetector.build(["Ремонт на улица"], ["Street repair"])
    assert [detector.detect("123 ?!", default) for default in ("bg", "en", "bg")] == [
        "bg",
        "en",
        "bg",
    ]
    assert detector.detect("Колко струва ремонтът?", "en") == "bg"


def test_the_languages_told_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "TEXTS", 3)
    detector = LanguageDetector.build(["Ремонт на улица"], ["Street repair"])
    told = [detector.detect(f"street repair {n}", "bg") for n in range(10)]
    assert told == ["en"] * 10 and len(detector._told) <= 4


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Колко струва ремонтът?", "bg"),
        ("How much does it cost?", "en"),
        ("kolko struva remontat", "bg"),
        ("Колко² струва½ Ⅻ the park_2 ремонт", "bg"),
        ("площ 120 м² of the new park", "en"),
        ("١٢٣ ٤٥ park", None),  # Arabic digits are no letters
        # signs that are word characters (or Cyrillic) but no letters count for neither side:
        # half the letters Cyrillic, or fewer
        ("parking ҂҂ ремонт", None),
        ("parks²²²²² ремон", "bg"),
        ("the parks ремон", "en"),
        ("", None),
        ("?!", None),
    ],
)
def test_a_language_is_told_by_the_letters_alone(text: str, told: str | None) -> None:
    detector = LanguageDetector.build(["Ремонт на улица"], ["Street repair"])
    assert detector._tell(text) == told


@pytest.mark.parametrize("typed", ["обдя", "Обдя", "ОБДЯ"])
def test_a_word_is_corrected_alike_however_it_is_typed(typed: str) -> None:
    speller = Speller(Counter({"обяд": 3, "струва": 2}))
    known = {"колко"}.__contains__
    for _ in range(2):  # worked out, then remembered
        fixed, corrected = speller.fix(f"колко струва {typed}", lambda t: known(t.written))
        assert fixed == "колко струва обяд" and corrected == {"обяд"}
