"""How a message is read before any project is looked for: typos, the question, the parts."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.engine.fuzzy import TypoIndex
from bot.engine.message import split_message
from bot.engine.spelling import Speller

WORDS = TypoIndex(["water", "koga", "park", "struva", "obYad"])


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("watre", "water"), ("wter", "water"), ("kga", "koga"), ("prak", "park"), ("strva", "struva")],
)
def test_one_typo_finds_the_word(typo: str, meant: str) -> None:
    assert WORDS.near(typo) == [meant]


@pytest.mark.parametrize("other", ["veather", "weather", "parn", "kgo", "xark"])
def test_two_letters_apart_or_a_wrong_first_letter_never_match(other: str) -> None:
    assert WORDS.near(other) == []


def test_the_speller_corrects_only_unknown_words() -> None:
    speller = Speller(Counter({"обяд": 3, "струва": 2, "паркът": 1, "часът": 1}))
    fixed, corrected = speller.fix(
        "колко струа паркът и обдя", lambda token: token.written in {"колко", "и"}
    )
    # "струа": a letter left out of a word of five letters is a slip, no guess; "обдя" is one
    assert fixed == "колко струва паркът и обяд" and corrected == {"обяд"}


FLAT = [  # ш, ч, ж, щ typed without their h: the word of the base they stand for
    ("starkelowo", "щъркелово"),
    ("ucilisteto", "училището"),
    ("obstinata", "общината"),
    ("kustite", "къщите"),
    ("zeleznicata", "железницата"),
]
STEMMED = [("kastite", "къщи"), ("plostadkite", "площадка")]  # a form no text writes


@pytest.mark.parametrize(("typed", "meant"), FLAT)
def test_a_digraph_typed_without_its_h_finds_the_word(typed: str, meant: str) -> None:
    speller = Speller(Counter({meant: 2, "старата": 1, "касите": 1}))
    assert speller.fix(typed, lambda token: False)[0] == meant


@pytest.mark.parametrize(("typed", "meant"), STEMMED)
def test_a_flattened_form_no_text_writes_finds_its_stem(typed: str, meant: str) -> None:
    speller = Speller(Counter({meant: 2, "касите": 1}))
    assert speller.fix(typed, lambda token: False)[0] == meant


@pytest.mark.parametrize(
    ("message", "question", "kinds"),
    [
        (
            "Здравейте! Живея във Ветрен. Кога ще свърши ремонтът?",
            "Кога ще свърши ремонтът?",
            {"greeting"},
        ),
        ("мерси много", "", {"thanks"}),
        ("ok bye", "", {"thanks", "goodbye"}),
        (
            "не знам дали питам на правилното място, но кога започва ремонтът?",
            "но кога започва ремонтът?",
            set(),
        ),
        ("паркът в кв. 66 кога свърши", "паркът в кв. 66 кога свърши", set()),
    ],
)
def test_the_question_of_a_message(message: str, question: str, kinds: set[str]) -> None:
    found = split_message(message)
    assert found.question == question and found.small_talk == kinds


@pytest.mark.parametrize(
    "message",
    ["кога ремонтират църквата Св. Иван Рилски в Тръстеник", "кога ремонтират бл. 5 на ул. Шипка"],
)
def test_an_abbreviation_ends_no_sentence(message: str) -> None:
    assert split_message(message).question == message


@pytest.mark.parametrize("message", ["най-новите новини", "топъл обяд", "kolko struva parka"])
def test_a_message_no_clause_of_which_asks_is_all_question_and_no_context(message: str) -> None:
    split = split_message(message)
    assert split.question == message and split.context == ""
