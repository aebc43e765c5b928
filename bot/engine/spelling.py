"""Correct one typo in a word of a message, against the words the knowledge base and the
lexicon are written in.

A Cyrillic word is compared as written ("обдя" is "обяд" with two letters swapped: one typo in
Cyrillic, three in its transliteration). A Latin word is compared as written (English words)
and in its folded form, so that every way of typing Bulgarian in Latin letters meets the same
spelling. A word already known, or a number, is never changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from bot.engine.bounded import CHARACTERS, TEXTS, WORDS, Bounded
from bot.engine.fuzzy import TypoIndex
from bot.engine.normalize import Token, clean, tokens

_WORD = re.compile(r"[^\W_]+")
CLEARLY = 2  # how many more of the question's words a reading must fit to beat a likelier one


class _Words:
    """Spellings (as written, or folded) and the word each stands for, with typo look-up."""

    def __init__(self) -> None:
        self.words: dict[str, str] = {}
        self.counts: Counter[str] = Counter()
        self.typos = TypoIndex()

    def add(self, spelling: str, word: str, count: int) -> None:
        self.words.setdefault(spelling, word)
        self.counts[spelling] += count
        self.typos.add(spelling)

    def meant(self, spelling: str, short: bool) -> list[str]:
        """The words one typo away from spelling, the likeliest first (none when it is known)."""
        if spelling in self.words:
            return []
        near = sorted(
            self.typos.near(spelling, short, initial=True),
            key=lambda s: (len(s) == len(spelling), self.counts[s]),
            reverse=True,
        )
        return [self.words[s] for s in near]


def _one_edit(word: str, other: str) -> bool:
    """True when other is word with one letter put in, left out or two letters swapped (a letter
    replaced is not counted: "кола" is no mistyped "кога")."""
    if len(other) == len(word) + 1:
        return any(other[:i] + other[i + 1 :] == word for i in range(len(other)))
    if len(other) == len(word) - 1:
        return _one_edit(other, word)
    return len(other) == len(word) and any(
        word[:i] + word[i + 1] + word[i] + word[i + 2 :] == other for i in range(len(word) - 1)
    )


class _Asked:
    """The question words of four letters or more ("колко", "къде", "what"), found again from a
    spelling one letter off at any place, the first one too ("олко", "ade" for "kade")."""

    def __init__(self, words: Iterable[str]) -> None:
        self.cyrillic: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        for word in words:
            found = tokens(word)
            if len(found) == 1 and len(word) >= 4:
                (self.cyrillic if found[0].cyrillic else self.folded)[word] = word
                self.folded.setdefault(found[0].folded, word)

    def meant(self, word: str, token: Token) -> str | None:
        """The one question word that word may be mistyped from, or None."""
        if len(word) < 3:
            return None
        spelled = self.cyrillic if token.cyrillic else self.folded
        spelling = word if token.cyrillic else token.folded
        if spelling in spelled:
            return None
        near = {meant for other, meant in spelled.items() if _one_edit(spelling, other)}
        return near.pop() if len(near) == 1 else None


def _fitting(candidates: list[str], word: str, fits: Callable[[str], int]) -> str:
    """Of the words one typo away, the one that fits the question best among the likeliest kind
    (the same length as the word, or not), or of any kind when it fits clearly better (two more
    of the question's words, or some where the likeliest fits none); a word of the lexicon
    (fits -1: no record holds it) is kept."""
    first = candidates[0]
    scores = {c: fits(c) for c in candidates}
    if scores[first] < 0:
        return first
    alike = [c for c in candidates if (len(c) == len(word)) == (len(first) == len(word))]
    likeliest = max(alike, key=scores.__getitem__)
    best = max(candidates, key=scores.__getitem__)
    clearly = scores[best] >= scores[likeliest] + CLEARLY or scores[likeliest] < 1 <= scores[best]
    return best if clearly else likeliest


class Speller:
    """The written words of a knowledge base, found again from a spelling with one typo."""

    def __init__(self, counts: Counter[str], asked: Iterable[str] = ()) -> None:
        """counts: every word as written in the knowledge base and the lexicon, how often;
        asked: the question words, which a word never written anywhere may be mistyped from."""
        self._cyrillic, self._written, self._folded = _Words(), _Words(), _Words()
        for word, count in counts.items():
            found = tokens(word)
            if len(word) < 3 or word.isdigit() or len(found) != 1:
                continue
            if found[0].cyrillic:
                self._cyrillic.add(word, word, count)
            else:
                self._written.add(word, word, count)
            self._folded.add(found[0].folded, word, count)
        self._asked = _Asked(asked)
        # a word -> the words it may mean, likeliest first
        self._cache: Bounded[str, list[str]] = Bounded(WORDS)
        self._fixed: Bounded[tuple[str, object, object], tuple[str, frozenset[str]]]
        self._fixed = Bounded(TEXTS, CHARACTERS)

    def forget(self) -> None:
        """Forget the messages corrected (their words' readings stay)."""
        self._fixed.clear()

    def resembles(self, word: str) -> bool:
        """True when a Cyrillic word is one typo (at any letter) from a word of the base: it may
        be that word mistyped, so it says nothing sure about a new subject."""
        return self._cyrillic.typos.resembles(word)

    def _meant(self, word: str, token: Token) -> list[str]:
        short = len(word) <= 4
        if token.cyrillic:
            return self._cyrillic.meant(word, short)
        return self._written.meant(word, short) or self._folded.meant(token.folded, short)

    def _written_somewhere(self, word: str, token: Token) -> bool:
        return word in (self._cyrillic if token.cyrillic else self._written).words or (
            not token.cyrillic and token.folded in self._folded.words
        )

    def _candidates(self, word: str, known: Callable[[Token], bool]) -> list[str]:
        found = tokens(word)
        if len(found) != 1 or word.isdigit():
            return []
        asked = self._asked.meant(word, found[0])
        if asked is not None and not self._written_somewhere(word, found[0]):
            return [asked]  # "коло струва", "олко", "kade": a question word, not a stem's match
        return [] if known(found[0]) else self._meant(word, found[0])

    def fix(
        self,
        text: str,
        known: Callable[[Token], bool],
        fits: Callable[[str, str], int] | None = None,
    ) -> tuple[str, set[str]]:
        """text with each unknown word that is one typo away from a known word corrected, and
        the words put in (so that what rests on a guess can count for less). When several words
        are one typo away, the one that fits the rest of the question best is meant (fits: how
        well a word fits the text)."""
        asked = (text, known, fits)
        done = self._fixed.get(asked)
        if done is None:  # a message asked again is corrected once
            fixed, corrected = self._fix(text, known, fits)
            done = self._fixed.keep(asked, (fixed, frozenset(corrected)))
        return done[0], set(done[1])

    def _fix(
        self, text: str, known: Callable[[Token], bool], fits: Callable[[str, str], int] | None
    ) -> tuple[str, set[str]]:
        corrected: set[str] = set()

        def correct(match: re.Match[str]) -> str:
            word = clean(match.group())
            candidates = self._cache.get(word)
            if candidates is None:
                candidates = self._cache.keep(word, self._candidates(word, known))
            if not candidates:
                return match.group()
            meant = candidates[0]
            if fits is not None and len(candidates) > 1:  # "иното": "виното" where wine is asked
                meant = _fitting(candidates, word, lambda c: fits(c, text))
            corrected.add(meant)
            return meant

        return _WORD.sub(correct, text), corrected
