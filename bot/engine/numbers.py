"""Numbers as a record writes them in words: as one phrase ("двайсет и
три", "хиляда и двеста", "one hundred and eighty", "three and a half", "седем милиона
осемстотин хиляди"), or before a noun in one word ("четириетажен", "двулентов", "шестметров").
Facts use them to find the noun after a number: what it counts or the unit it measures."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.engine.lexicon import (
    HALF_WORDS,
    MAGNITUDES,
    NUMBER_JOINS,
    NUMBER_RANGES,
    NUMERAL_LOOKALIKES,
    NUMERAL_PREFIXES,
    NUMERALS,
)
from bot.engine.normalize import terms

NUMERAL_TERMS = frozenset(t for word in NUMERALS for t in terms(word))  # folded, every form
_HALVES = frozenset(HALF_WORDS)
_JOINS = frozenset(NUMBER_JOINS)
_RANGES = frozenset(NUMBER_RANGES)
MAGNITUDE_WORDS = frozenset(w.lower() for w in MAGNITUDES)  # "хиляди", "хил."
_LOOKALIKES = frozenset(NUMERAL_LOOKALIKES)
# "четириетажен": a numeral's prefix, then an adjective of four letters or more made from a noun
_COMPOUND = re.compile(
    "^(?:"
    + "|".join(sorted(map(re.escape, NUMERAL_PREFIXES), key=len, reverse=True))
    + r")([а-я]{2,}(?:ен|на|но|ни|ов|ова|ово|ови|ия|ият|ната|ното|ните))$"
)


def numeral(word: str) -> bool:
    """True when a word (as written, lower case) is a number in words ("двайсет", "трима",
    "twelve")."""
    folded = terms(word)
    return bool(folded) and folded[0] in NUMERAL_TERMS


def starts_number(words: Sequence[str], at: int) -> bool:
    """True when a number starts at position at: in digits or in words (a half is only ever
    read joined to the number before it: "три и половина")."""
    word = words[at]
    return word.isdigit() or (word not in _HALVES and numeral(word))


def _half_after(words: Sequence[str], at: int) -> int:
    """The number of words of a half said at position at ("половина", "a half"), 0 for none."""
    for size in (2, 1):
        if " ".join(words[at : at + size]) in _HALVES:
            return size
    return 0


def numeral_end(words: Sequence[str], start: int) -> int:
    """The position after the number in words that starts at start: the numerals joined to it
    ("двайсет и три", "two thousand four hundred"), a magnitude between numerals ("седем
    милиона осемстотин"), a half joined to it ("три и половина")."""
    at = start + 1
    while at < len(words):
        word = words[at]
        following = words[at + 1] if at + 1 < len(words) else ""
        if numeral(word) or (word in MAGNITUDE_WORDS and numeral(following)):
            at += 1
        elif word in _JOINS:
            half = _half_after(words, at + 1)
            if not (half or numeral(following)):
                break
            at += 1 + half
        else:
            break
    return at


def compound(word: str) -> str | None:
    """The noun part of a word that starts with a numeral ("четириетажен": "етажен",
    "шестметров": "метров"), None for any other word (a numeral itself is none)."""
    if numeral(word) or word in _LOOKALIKES:
        return None
    found = _COMPOUND.match(word)
    return found.group(1) if found else None


def range_start(words: Sequence[str], at: int) -> bool:
    """True when the words from at go on to the other end of a range ("до дванайсет години",
    "or 4 days"): the unit after that number is this one's too."""
    return at + 1 < len(words) and words[at] in _RANGES and starts_number(words, at + 1)
