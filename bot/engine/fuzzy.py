"""Typo-tolerant look-up of folded terms: one typo in a word of four letters or more.

A typo is a letter dropped, added, replaced, or two neighbours swapped (Damerau distance 1).
Every vocabulary term is stored under each of its one-letter deletions, so a look-up costs a
handful of dictionary probes whatever the size of the vocabulary. Words that differ by two
letters ("weather" and "water") never match.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.bounded import WORDS, Bounded

MIN_TYPO_LENGTH = 4
TYPO_SIMILARITY = 0.8
SHARED_STEM = 0.85  # "санираха" and "саниране": the same stem with another ending
MIN_STEM = 5
RELATED = 0.75  # a word derived from another: "ръководи" and "ръководител"
DERIVED = 5  # ... at most this many letters longer
# The folded endings of an imperfective verb (-ява, -ава, -ува, -ива): without them, the stem its
# nouns are made from ("отоплява": "отопление", "осветяват": "осветление").
VERB_SUFFIXES = ("Yav", "av", "uv", "iv")
VERBAL_NOUN = ("en", "n")  # the folded -ене / -не of the noun of an action ("търсене")
NEGATION = "bez"  # the folded "без-" of "безплатен", "безопасен"
# A verb borrowed with -ира- ("паркирам", "асфалтираха", "финансира") and its noun in -иране,
# as folded and stemmed: without -ир- and its ending, the noun it is made from ("паркинг").
_BORROWED_NOUNS = ("ac", "kc")  # the folded -ация, -кция of the noun of its action
_BORROWED_VERB = re.compile(r"(.{4,}?)ir(?:am|ah|aS|ahm|n|al|ali)?")


# Keyboard rows: QWERTY, and the Bulgarian phonetic layout (its letters sit where Latin has them).
_KEYBOARDS = (("qwertyuiop", "asdfghjkl", "zxcvbnm"), ("явертъуиопшщ", "асдфгхйкл", "зьцжбнм"))
_NEIGHBOURS = {
    char: {
        rows[r][j]
        for r in (n - 1, n, n + 1)
        if 0 <= r < len(rows)
        for j in (i - 1, i, i + 1)
        if 0 <= j < len(rows[r]) and rows[r][j] != char
    }
    for rows in _KEYBOARDS
    for n, row in enumerate(rows)
    for i, char in enumerate(row)
}


def neighbours(typed: str, meant: str) -> bool:
    """True when typed is meant with one letter replaced by a keyboard neighbour of it."""
    if len(typed) != len(meant):
        return False
    changed = [(a, b) for a, b in zip(meant, typed, strict=True) if a != b]
    return len(changed) == 1 and changed[0][1] in _NEIGHBOURS.get(changed[0][0], set())


def _short_typo(term: str, other: str, initial: bool = False) -> bool:
    """In a four-letter word the first letter is right (or, when initial, left out: "ълга" for
    "дълга"), and a replaced letter is a keyboard neighbour of the right one (the Bulgarian
    phonetic layout puts letters where Latin has them)."""
    if term[0] != other[0]:  # the first two swapped, or (initial) the first left out
        swapped = term[:2] == other[1::-1] and term[2:] == other[2:]
        return swapped or (initial and other[1:] == term)
    if len(term) != len(other):
        return True
    changed = sum(a != b for a, b in zip(term, other, strict=True))
    return changed != 1 or neighbours(other, term)


def _first_letter_typo(term: str, other: str) -> bool:
    """A first letter replaced is a keyboard neighbour of the right one: people rarely miss the
    first key of a word ("оградата" is no "сградата")."""
    return (
        len(term) != len(other)
        or term[0] == other[0]
        or term[1:] != other[1:]
        or other[0] in _NEIGHBOURS.get(term[0], set())
    )


def _deletions(term: str) -> set[str]:
    return {term[:i] + term[i + 1 :] for i in range(len(term))}


class TypoIndex:
    """The terms of a vocabulary, found again from a spelling with one typo."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        self._terms: set[str] = set()
        self._by_deletion: dict[str, list[str]] = defaultdict(list)
        for term in terms:
            self.add(term)

    def add(self, term: str) -> None:
        """Add one term (terms under four letters and numbers are kept exact only)."""
        if term in self._terms:
            return
        self._terms.add(term)
        if len(term) >= MIN_TYPO_LENGTH - 1 and not term.isdigit():
            self._by_deletion[term].append(term)
            for deleted in _deletions(term):
                self._by_deletion[deleted].append(term)

    def __contains__(self, term: object) -> bool:
        return term in self._terms

    @property
    def terms(self) -> frozenset[str]:
        """Every term."""
        return frozenset(self._terms)

    def resembles(self, term: str) -> bool:
        """True when some term is one typo from term at any letter, the first one included."""
        found = {t for probe in (term, *_deletions(term)) for t in self._by_deletion.get(probe, ())}
        return any(
            DamerauLevenshtein.distance(term, other, score_cutoff=1) <= 1
            for other in found
            if other != term
        )

    def near(self, term: str, short: bool | None = None, initial: bool = False) -> list[str]:
        """Terms one typo away from term (never term itself), closest spelling first.

        In a short word (four letters or fewer; by default judged by term) the first letter is
        right and a replaced letter is a keyboard neighbour; a word of three letters is only a
        four-letter term with a letter dropped ("кга" for "кога"), and only when one term fits.
        initial: a whole word as typed, whose first letter may be left out ("ясък", "ark"); never
        a stem, whose three letters are another's tail ("една": "edn", not "bedn").
        """
        short = len(term) <= MIN_TYPO_LENGTH if short is None else short
        if len(term) < MIN_TYPO_LENGTH - 1 or term.isdigit():
            return []
        if len(term) == MIN_TYPO_LENGTH - 1:
            dropped = [t for t in self._by_deletion.get(term, ()) if len(t) == MIN_TYPO_LENGTH]
            fits = [
                t
                for t in dropped
                if (t[0] == term[0] or (initial and t[1:] == term)) and t[-1] == term[-1]
            ]
            return fits if len(fits) == 1 else []
        found: set[str] = set()
        for probe in (term, *_deletions(term)):
            found.update(self._by_deletion.get(probe, ()))
        found.discard(term)
        close = [
            other
            for other in found
            if len(other) >= MIN_TYPO_LENGTH
            and len(term) >= MIN_TYPO_LENGTH - 1
            and DamerauLevenshtein.distance(term, other, score_cutoff=1) <= 1
            and (_short_typo(term, other, initial) if short else _first_letter_typo(term, other))
        ]
        return sorted(close, key=lambda other: (abs(len(other) - len(term)), other))

    def best(self, term: str) -> str | None:
        """term itself when known, else the single closest term one typo away, else None."""
        if term in self._terms:
            return term
        near = self.near(term)
        return near[0] if near else None


@dataclass(frozen=True)
class Match:
    """A word matched to a vocabulary term with a similarity from 0 to 1."""

    term: str
    similarity: float


class Vocabulary:
    """Terms found again exactly, with another ending, or with one typo."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = frozenset(terms)
        self.sorted = sorted(self.terms)
        self.typos = TypoIndex(self.sorted)
        self._cache: Bounded[str, tuple[Match, ...]] = Bounded(WORDS)
        self._related: Bounded[str, tuple[str, ...]] = Bounded(WORDS)

    def __contains__(self, term: object) -> bool:
        return term in self.terms

    def lookup(self, term: str) -> tuple[Match, ...]:
        """The terms that match term, best first (at most four)."""
        cached = self._cache.get(term)
        return self._cache.keep(term, self._lookup(term)) if cached is None else cached

    def _lookup(self, term: str) -> tuple[Match, ...]:
        found = {term: 1.0} if term in self.terms else {}
        if term.isdigit():
            return tuple(Match(t, s) for t, s in found.items())
        if not found:
            found.update((t, TYPO_SIMILARITY) for t in self.typos.near(term)[:3])
        for other in [*self.same_stem(term), *self.borrowed_stem(term)]:
            found[other] = max(found.get(other, 0.0), SHARED_STEM)
        ranked = sorted(found.items(), key=lambda kv: -kv[1])[:4]
        return tuple(Match(t, s) for t, s in ranked)

    def same_stem(self, term: str) -> list[str]:
        """Terms with the same stem and another ending: they share all of term but its last two
        letters (at least five), or term starts with them (фитнес-ът and фитн-ес share "фитн")."""
        if len(term) < MIN_STEM:
            return []
        found = [
            term[:cut]
            for cut in range(len(term) - 1, max(3, len(term) - 4), -1)
            if term[:cut] in self
        ][:1]
        shared = max(MIN_STEM, len(term) - 2)
        prefix = term[:shared]
        start = bisect.bisect_left(self.sorted, prefix)
        for other in self.sorted[start : start + 8]:
            if not other.startswith(prefix):
                break
            if other != term and len(other) <= len(term) + 3 and other not in found:
                found.append(other)
        return found

    def borrowed_stem(self, term: str) -> list[str]:
        """The noun a verb borrowed with -ира- is made from, or the noun of its action in -ация
        / -кция, when the vocabulary holds it and not the verb itself ("parkiram": "park" of
        "паркинг", "рекултивираното": "рекултивация", "реконструирана": "реконструкция")."""
        found = _BORROWED_VERB.fullmatch(term) if term not in self else None
        if not found:
            return []
        stem = found.group(1)
        return [t for t in (stem, *(stem + end for end in _BORROWED_NOUNS)) if t in self][:1]

    def related(self, term: str) -> list[str]:
        """Terms derived from term or that term derives from: one starts with the other, the
        shorter of at least five letters ("rakovod" and "rakovoditel")."""
        cached = self._related.get(term)
        if cached is None:
            cached = self._related.keep(term, tuple(self._derived(term)))
        return list(cached)

    def _derived(self, term: str) -> list[str]:
        if len(term) < MIN_STEM:
            return self.verbal_nouns(term)
        found = [term[:cut] for cut in range(MIN_STEM, len(term)) if term[:cut] in self]
        found += self._starting_with(term, len(term) + DERIVED, term)
        more = [*self.verb_nouns(term), *self.verbal_nouns(term), *self.negated(term)]
        more += self.borrowed_stem(term)
        return found + [other for other in more if other not in found]

    def negated(self, term: str) -> list[str]:
        """The word with "без-" ("-less") before it, or without it: a sentence that says the
        opposite answers a yes-or-no question ("платен ли е": "безплатни")."""
        other = term[len(NEGATION) :] if term.startswith(NEGATION) else NEGATION + term
        if len(other) < MIN_STEM:
            return []
        return ([other] if other in self else []) + self.same_stem(other)

    def verbal_nouns(self, term: str) -> list[str]:
        """The noun of the action of a verb with a short stem, and back ("търси": "търсене",
        "мерят": "мерене"): the stem and -ене / -не, five letters at least."""
        found = [term + end for end in VERBAL_NOUN if len(term) + len(end) >= MIN_STEM]
        found += [term[: -len(end)] for end in VERBAL_NOUN if term.endswith(end)]
        return [t for t in found if len(t) >= MIN_STEM - 1 and t != term and t in self]

    def verb_nouns(self, term: str) -> list[str]:
        """Terms made from the stem of an imperfective verb ("otoplYav": "otopleni"), at most
        four letters longer than the stem."""
        stem = next((term[: -len(s)] for s in VERB_SUFFIXES if term.endswith(s)), "")
        if len(stem) < MIN_STEM:
            return []
        return self._starting_with(stem, len(stem) + 4, term)

    def _starting_with(self, prefix: str, longest: int, other_than: str) -> list[str]:
        """The terms that start with prefix, of at most longest letters, but other_than (of the
        twelve that follow prefix in order)."""
        start = bisect.bisect_left(self.sorted, prefix)
        found = []
        for other in self.sorted[start : start + 12]:
            if not other.startswith(prefix):
                break
            if other != other_than and len(other) <= longest:
                found.append(other)
        return found
