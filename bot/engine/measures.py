"""The measures a question asks ("колко квадрата", "на каква кота", "how much energy") and those a
sentence states by the unit after its numbers ("53 480 кв.м", "148 л/кв.м"): measures.yaml."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from bot.engine.normalize import clean, terms
from bot.engine.parsed import Parsed

_DATA: dict[str, Any] = yaml.safe_load(
    Path(__file__).with_name("measures.yaml").read_text(encoding="utf-8")
)
_TABLE: dict[str, dict[str, Any]] = _DATA["measures"]
# a quantity asked: the word after one of these is the thing measured ("колко гора", "how much
# energy")
_QUANTITY = frozenset(t for word in _DATA["quantity_words"] for t in terms(str(word)))
# what a measure is not asked by: a date, a time, a name, a place, a reason, a language
_NOT_MEASURED = frozenset({"date", "time", "person", "place", "reason", "language", "duration"})
OPEN = frozenset(name for name, measure in _TABLE.items() if measure.get("open"))
BY_NAME = frozenset(name for name, measure in _TABLE.items() if measure.get("by_name"))
# "бр." says a number of pieces: the noun after it is the thing counted
COUNT_MARKS = frozenset(str(w) for w in _DATA["count_marks"])


def written(unit: str) -> tuple[str, ...]:
    """The words of a unit as the facts see them after a number ("л/кв.м": л, кв, м)."""
    return tuple(clean(unit).replace("/", " ").replace(".", " ").replace("-", " ").split())


def _units() -> dict[tuple[str, ...], frozenset[str]]:
    found: dict[tuple[str, ...], set[str]] = {}
    for name, measure in _TABLE.items():
        for unit in measure["units"]:
            found.setdefault(written(str(unit)), set()).add(name)
    return {unit: frozenset(names) for unit, names in found.items() if unit}


def _asked(key: str) -> dict[tuple[str, ...], frozenset[str]]:
    found: dict[tuple[str, ...], set[str]] = {}
    for name, measure in _TABLE.items():
        for word in measure.get(key, ()):
            found.setdefault(tuple(terms(str(word))), set()).add(name)
    return {words: frozenset(names) for words, names in found.items() if words}


_UNITS = _units()
# every word of a measure's question: none is a typo of a record's word ("кара" is no "карта")
WORDS = frozenset(
    word
    for measure in _TABLE.values()
    for key in ("asked", "of")
    for w in measure.get(key, ())
    for word in str(w).split()
)
LONGEST = max(len(unit) for unit in _UNITS)
_ASKED = _asked("asked")
_OF = _asked("of")


def _longest(following: Sequence[str], open_only: bool = False) -> frozenset[str]:
    """The measures of the longest unit the words begin with (of the open measures only)."""
    for size in range(min(LONGEST, len(following)), 0, -1):
        found = _UNITS.get(tuple(following[:size]), frozenset())
        if found and (not open_only or found <= OPEN):
            return found
    return frozenset()


def unit_measures(following: Sequence[str]) -> frozenset[str]:
    """The measures of the longest unit the words after a number begin with ("кв", "м": an
    area; "л", "кв", "м": rainfall), or of a noun of an open measure after one word ("27
    възрастни жители": people); none for words that are no unit."""
    return _longest(following) or _longest(following[1:], open_only=True)


def _by_first(
    phrases: dict[tuple[str, ...], frozenset[str]],
) -> dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]:
    """The phrases and their measures by their first word."""
    found: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for phrase, names in phrases.items():
        found.setdefault(phrase[0], []).append((phrase, names))
    return found


_ASKED_FIRST = _by_first(_ASKED)
_OF_FIRST = _by_first(_OF)


def _at(
    words: Sequence[str], by_first: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]
) -> list[tuple[set[int], frozenset[str]]]:
    """The phrases the words hold side by side: the positions of each, and its measures."""
    found: dict[tuple[str, ...], tuple[set[int], frozenset[str]]] = {}
    for i, word in enumerate(words):
        for phrase, names in by_first.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.setdefault(phrase, (set(), names))[0].add(i)
    return list(found.values())


def asked_measures(parsed: Parsed) -> frozenset[str]:
    """The measures the question asks: by a word of the measure anywhere ("на каква кота е"), or
    right after "колко" / "how much" by a thing measured ("колко нафта гореше") or by a word of
    a measure the records also say in words of their own ("колко души"); asked a sum, only
    money; asked a date, a name or a place, only the thing measured after "колко"."""
    places = {w for place in parsed.places for w in place}  # "Високо Било" asks no height
    words = ["" if w in places else w for w in parsed.words]
    after = {i + 1 for i, w in enumerate(words) if w in _QUANTITY}
    after |= {i for i, w in enumerate(words) if w in parsed.counted}
    found: set[str] = set()
    if parsed.answer not in _NOT_MEASURED:
        for at, names in _at(words, _ASKED_FIRST):
            found |= names - OPEN if after.isdisjoint(at) else names
    for at, names in _at(words, _OF_FIRST):  # "колко дъжд падна, когато ...": asked all the same
        if not after.isdisjoint(at):
            found |= names
    if parsed.answer == "amount":
        found &= {"money"}
    return frozenset(found)


# the words that name each measure its units do not tell apart ("3,4 м" a height, "2,8 км" a
# length): a sentence naming it ("височина") states it
_NAMED = {
    name: frozenset(t for w in measure.get("asked", ()) for t in terms(str(w)))
    for name, measure in _TABLE.items()
    if measure.get("named")
}


def names_measure(texts: Iterable[str], measures: frozenset[str]) -> bool:
    """True when a sentence's own words (not their synonyms) name one of the measures
    ("височина до 3,4 м" a height; "високите води" does not)."""
    named = {t for name in measures for t in _NAMED.get(name, ())}
    return bool(named) and any(not named.isdisjoint(terms(text)) for text in texts)


def quantity(parsed: Parsed) -> bool:
    """True when the question asks how much or how many ("колко", "how much")."""
    return not _QUANTITY.isdisjoint(parsed.words) or parsed.answer is not None


# the words that name a measure the records also say in their own words ("души", "people"):
# asked how many of them, a number of any of its units counts them ("трима библиотекари")
_NAMING = {
    term: name
    for name, measure in _TABLE.items()
    if measure.get("open")
    for word in measure.get("asked", ())
    if len(terms(str(word))) == 1
    for term in terms(str(word))
}


def counted_measures(
    counted: Iterable[str], facts: Iterable[Any], found: Iterable[dict[str, float]]
) -> frozenset[str]:
    """The measures the words counted name ("колко души": people), when no fact counts the
    words themselves (found: their matches); none otherwise."""
    said = [m for m in found if m]
    if any(not f.counted.isdisjoint(m) for f in facts for m in said):
        return frozenset()
    return frozenset(_NAMING[w] for w in counted if w in _NAMING)
