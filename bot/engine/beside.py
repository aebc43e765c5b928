"""The number stated beside the thing asked: of the sentences that state a number of the kind
asked, those whose clause stating it holds the question's rarest noun measure that thing; a
sentence that names the thing but states its number in another clause measures something else
("ски влек с дължина 420 м ... 2 „килимчета“ за деца", asked how long the "килимчета" are)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.engine.facts import Fact
from bot.engine.lexicon import UNITS
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.subject import WORK_TERMS

Nouns = list[tuple[frozenset[str], float]]  # the terms each noun matches, and its weight
# a unit the question names ("колко квадрата", "how many hectares") asks that measure alone: a
# count of people is no area
_UNIT_TERMS = {kind: frozenset(t for w in words for t in terms(w)) for kind, words in UNITS.items()}
# the measures of a thing's extent (detail.WHOLE_MEASURES): "квадратни метра" is a unit of length
# in an area
_MEASURES = ("length", "size", "weight")


@dataclass(frozen=True)
class Beside:
    """The question's nouns, the kinds of numbers that measure them, and the weight of the rarest
    noun a sentence of the record states such a number beside (0.0 for none)."""

    kinds: frozenset[str]
    nouns: Nouns
    best: float

    @classmethod
    def of(
        cls,
        parsed: Parsed,
        details: Sequence[str],
        matches: Sequence[tuple[dict[str, float], float]],
        facts: Sequence[Fact],
        kinds: frozenset[str],
    ) -> Beside:
        """The nouns among the details (not verbs, the works, nor places: they say how and
        where, not what), each with its matches and weight, when a measure is asked."""
        places = {w for place in parsed.places for w in place}
        nouns = [
            (frozenset(found), weight)
            for word, (found, weight) in zip(details, matches, strict=True)
            if found and word not in parsed.verbs and word not in WORK_TERMS | places
        ]
        if not kinds or not nouns:
            return cls(kinds, [], 0.0)
        return cls(kinds, nouns, max(measured(f, kinds, nouns) for f in facts))

    def other(self, fact: Fact) -> bool:
        """True when the fact names a noun of the question but states its number of the kind
        asked beside none as rare as another sentence does: it measures another thing."""
        if self.best <= 0 or all(fact.terms.isdisjoint(terms) for terms, _ in self.nouns):
            return False
        return measured(fact, self.kinds, self.nouns) < self.best


def measured(fact: Fact, kinds: frozenset[str], nouns: Nouns) -> float:
    """The weight of the rarest noun beside which (in one clause) the fact states a number of the
    kinds, 0.0 for none."""
    if kinds.isdisjoint(fact.kinds):
        return 0.0
    clauses = fact.clauses or ((fact.kinds, fact.terms),)
    return max(
        (
            weight
            for terms, weight in nouns
            for stated, said in clauses
            if not kinds.isdisjoint(stated) and not said.isdisjoint(terms)
        ),
        default=0.0,
    )


def names_unit_of(words: Iterable[str], kind: str) -> bool:
    """True when the words name a unit of the kind of measure ("квадрата" of an area)."""
    return not _UNIT_TERMS.get(kind, frozenset()).isdisjoint(words)


def names_unit(word: str, answer: str | None) -> bool:
    """True when a length, area or weight is asked and the word is a unit of one ("колко
    квадратни метра е игрището": "метра" says how it is measured, not what)."""
    return answer in _MEASURES and any(word in _UNIT_TERMS[k] for k in _MEASURES)
