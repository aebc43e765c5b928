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
from collections.abc import Callable

from bot.engine.fuzzy import TypoIndex
from bot.engine.normalize import Token, clean, tokens

_WORD = re.compile(r"[^\W_]+")
CACHE = 50_000  # words remembered between questions (a running bot meets new words forever)


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

    def meant(self, spelling: str, short: bool) -> str | None:
        """The word one typo away from spelling, the likeliest first; None when none is."""
        if spelling in self.words:
            return None
        near = self.typos.near(spelling, short)
        if not near:
            return None
        best = max(near, key=lambda s: (len(s) == len(spelling), self.counts[s]))
        return self.words[best]


class Speller:
    """The written words of a knowledge base, found again from a spelling with one typo."""

    def __init__(self, counts: Counter[str]) -> None:
        """counts: every word as written in the knowledge base and the lexicon, how often."""
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
        self._cache: dict[str, str | None] = {}  # a word -> the word meant, or None

    def resembles(self, word: str) -> bool:
        """True when a Cyrillic word is one typo (at any letter) from a word of the base: it may
        be that word mistyped, so it says nothing sure about a new subject."""
        return self._cyrillic.typos.resembles(word)

    def _meant(self, word: str, token: Token) -> str | None:
        short = len(word) <= 4
        if token.cyrillic:
            return self._cyrillic.meant(word, short)
        return self._written.meant(word, short) or self._folded.meant(token.folded, short)

    def fix(self, text: str, known: Callable[[Token], bool]) -> tuple[str, set[str]]:
        """text with each unknown word that is one typo away from a known word corrected, and
        the words put in (so that what rests on a guess can count for less)."""
        corrected: set[str] = set()

        def correct(match: re.Match[str]) -> str:
            word = clean(match.group())
            if word not in self._cache:
                if len(self._cache) > CACHE:
                    self._cache.clear()
                found = tokens(word)
                unknown = len(found) == 1 and not word.isdigit() and not known(found[0])
                self._cache[word] = self._meant(word, found[0]) if unknown else None
            meant = self._cache[word]
            if meant is None:
                return match.group()
            corrected.add(meant)
            return meant

        return _WORD.sub(correct, text), corrected
