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
from bot.engine.closed import CUE_WORDS, ClosedWords
from bot.engine.fuzzy import TypoIndex, neighbours
from bot.engine.lexicon import WORD_ENDINGS
from bot.engine.normalize import Token, clean, tokens
from bot.engine.swaps import unswapped

_WORD = re.compile(r"[^\W_]+")
CLEARLY = 2  # how many more of the question's words a reading must fit to beat a likelier one
MIN_STEM = 4  # the fewest letters a word cut before its ending keeps
SURE_LENGTH = 5  # a word this long one slip of the hand from one word only is that word
_FLAT_STEMMED = 5  # more letters than this: a word without its h may be found by its stem
_ENDINGS = tuple(sorted(WORD_ENDINGS, key=len, reverse=True))


def _flat(folded: str) -> str:
    """A folded word with ш, ч, ж and щ typed without their h ("sht" as "st", "zh" as "z")."""
    return folded.replace("S", "s").replace("C", "c").replace("Z", "z")


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


def _one_edit(word: str, other: str, replaced: bool = False) -> bool:
    """True when other is word with one letter put in, left out or two letters swapped, or
    (replaced) with a letter typed by the key beside it ("аащо", "колло"); any other letter
    replaced is not counted: "кола" is no mistyped "кога"."""
    if len(other) == len(word) + 1:
        return any(other[:i] + other[i + 1 :] == word for i in range(len(other)))
    if len(other) == len(word) - 1:
        return _one_edit(other, word)
    return len(other) == len(word) and (
        any(word[:i] + word[i + 1] + word[i] + word[i + 2 :] == other for i in range(len(word) - 1))
        or (replaced and neighbours(word, other))
    )


def _slip(word: str, candidates: list[str]) -> bool:
    """True when a long word is one slip of the hand from one word only: two letters swapped, a
    letter left out or typed twice ("стдаиона", "втровица"); another letter more is no slip
    ("футболния" is no mistyped "футболия"), nor another letter in the place of one, even the
    key beside it ("включваше" is no "включване", "бабите" no "баните")."""
    if len(word) < SURE_LENGTH or len(candidates) != 1:
        return False
    meant = candidates[0]
    doubled = any(
        word[at] == word[at + 1] and word[:at] + word[at + 1 :] == meant
        for at in range(len(word) - 1)
    )
    return (
        doubled
        or len(meant) == len(word) + 1
        or (len(meant) == len(word) and _one_edit(word, meant))
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

    def meant(self, word: str, token: Token, replaced: bool) -> str | None:
        """The one question word that word may be mistyped from (replaced: a letter typed by
        the key beside it counts too), or None."""
        if len(word) < 3:
            return None
        spelled = self.cyrillic if token.cyrillic else self.folded
        spelling = word if token.cyrillic else token.folded
        if spelling in spelled:
            return None
        near = {meant for other, meant in spelled.items() if _one_edit(spelling, other, replaced)}
        return near.pop() if len(near) == 1 else None


def _fitting(candidates: list[str], word: str, fits: Callable[[str], int]) -> str:
    """Of the words one typo away, the one that fits the question best among the likeliest kind
    (the same length as the word, or not), or of any kind when it fits clearly better (two more
    of the question's words, or some where the likeliest fits none); a word of the lexicon
    (fits -1: no record holds it) is kept, unless another fits two of the question's words."""
    first = candidates[0]
    scores = {c: fits(c) for c in candidates}
    if scores[first] < 0:  # unless another fits clearly ("обовяването" beside "парка")
        best = max(candidates, key=scores.__getitem__)
        return best if scores[best] >= CLEARLY else first
    alike = [c for c in candidates if (len(c) == len(word)) == (len(first) == len(word))]
    likeliest = max(alike, key=scores.__getitem__)
    best = max(candidates, key=scores.__getitem__)
    clearly = scores[best] >= scores[likeliest] + CLEARLY or scores[likeliest] < 1 <= scores[best]
    return best if clearly else likeliest


class _Stems:
    """The Cyrillic words of a knowledge base cut before each ending they end with ("площадки":
    "площадк", "площад"), so that a typo in a form no text writes is found from another form
    ("плоащдките": "площадките") of the same word (the form's term is the word's)."""

    def __init__(self) -> None:
        self.typos = TypoIndex()
        self.terms: dict[str, set[str]] = {}

    def add(self, word: str, term: str) -> None:
        for ending in ("", *_ENDINGS):
            stem = word[: len(word) - len(ending)]
            if word.endswith(ending) and len(stem) >= MIN_STEM:
                self.typos.add(stem)
                self.terms.setdefault(stem, set()).add(term)

    def meant(self, word: str) -> list[str]:
        """The words one typo away from word in its stem (as in a short word: the first letter
        right, a letter replaced by its neighbour), with word's own ending."""
        found: list[str] = []
        for ending in _ENDINGS:
            stem = word[: len(word) - len(ending)]
            if not word.endswith(ending) or len(stem) < MIN_STEM:
                continue
            near = self.typos.near(stem, short=True, initial=True)
            found += [self._form(other, ending) for other in near]
        return [w for w in dict.fromkeys(found) if w]

    def _form(self, stem: str, ending: str) -> str:
        """stem with ending, when that is a form of a word the stem was cut from ("" if not)."""
        form = stem + ending
        found = tokens(form)
        return form if len(found) == 1 and found[0].term in self.terms[stem] else ""


class Speller:
    """The written words of a knowledge base, found again from a spelling with one typo."""

    def __init__(
        self, counts: Counter[str], asked: Iterable[str] = (), closed: Iterable[str] = CUE_WORDS
    ) -> None:
        """counts: every word as written in the knowledge base and the lexicon, how often;
        asked: the question words, which a word never written anywhere may be mistyped from;
        closed: the lexicon's cue and question words, which a word that stems like a known
        one may be mistyped from."""
        self._cyrillic, self._written, self._folded = _Words(), _Words(), _Words()
        self._stems = _Stems()
        # a folded word without the h of its sh, ch, zh, sht ("obstina", "ucilisteto") -> words
        self._flat: dict[str, Counter[str]] = {}
        for word, count in counts.items():
            found = tokens(word)
            if len(word) < 3 or word.isdigit() or len(found) != 1:
                continue
            if found[0].cyrillic:
                self._cyrillic.add(word, word, count)
                self._stems.add(word, found[0].term)
            else:
                self._written.add(word, word, count)
            self._folded.add(found[0].folded, word, count)
            for folded in {found[0].folded, found[0].term}:  # the word, and its stem
                if folded != (flat := _flat(folded)):
                    self._flat.setdefault(flat, Counter())[word] += count
        self._asked = _Asked(asked)
        self._closed = ClosedWords(closed)
        # a word as typed -> the words it may mean, likeliest first, and whether the reading is sure
        self._cache: Bounded[str, tuple[list[str], bool]] = Bounded(WORDS)
        self._fixed: Bounded[tuple[str, object, object], tuple[str, frozenset[str]]]
        self._fixed = Bounded(TEXTS, CHARACTERS)

    def forget(self) -> None:
        """Forget the messages corrected (their words' readings stay)."""
        self._fixed.clear()

    def resembles(self, word: str) -> bool:
        """True when a Cyrillic word is one typo (at any letter) from a word of the base: it may
        be that word mistyped, so it says nothing sure about a new subject."""
        return self._cyrillic.typos.resembles(word)

    def _unflattened(self, word: str, token: Token) -> list[str]:
        """The words of the base a Latin word typed without the h of its sh, ch, zh, sht
        stands for ("starkelowo": щъркелово), likeliest first; sure readings, not guesses."""
        if token.cyrillic:
            return []
        flat = self._flat.get(token.folded) if len(word) >= MIN_STEM else None
        if not flat and len(word) > _FLAT_STEMMED and token.term != token.folded:
            flat = self._flat.get(token.term)  # "kastite": a form no text writes ("cake" no чака)
        if flat and token.folded == _flat(token.folded):  # only an h left out: likelier than a
            # typo ("kastite" is къщите, written "къщи", not "касите")
            return [w for w, _ in flat.most_common()]
        return []

    def _meant(self, word: str, token: Token) -> list[str]:
        short = len(word) <= 4
        if token.cyrillic:
            return self._cyrillic.meant(word, short)
        return self._written.meant(word, short) or self._folded.meant(token.folded, short)

    def _written_somewhere(self, word: str, token: Token) -> bool:
        return word in (self._cyrillic if token.cyrillic else self._written).words or (
            not token.cyrillic and token.folded in self._folded.words
        )

    def _formed(self, form: str) -> bool:
        """True when form is written somewhere (in Latin letters, as they are written), or is
        a written stem with a word ending."""
        found = tokens(form)
        if len(found) != 1:
            return False
        if not found[0].cyrillic:  # as written: the fold makes "smyata" "сумата"
            return form in self._written.words
        return form in self._cyrillic.words or any(
            form.endswith(end) and form[: -len(end)] in self._stems.terms for end in _ENDINGS
        )

    def _undoubled(self, word: str, token: Token) -> str | None:
        """The word written somewhere that word is with one doubled letter made single
        ("прооекти", "проектитее": the fold makes both "known", yet neither is written)."""
        for at in range(len(word) - 1):
            single = word[:at] + word[at + 1 :]
            if word[at] == word[at + 1] and self._written_somewhere(single, token):
                return single
        return None

    def _candidates(self, word: str, known: Callable[[Token], bool]) -> tuple[list[str], bool]:
        """The words word may mean, likeliest first, and whether the reading is sure (a doubled
        letter made single changes no word into another)."""
        found = tokens(word)
        if len(found) != 1 or word.isdigit() or self._written_somewhere(word, found[0]):
            return [], False
        token = found[0]
        asked = self._asked.meant(word, token, replaced=not known(token))
        if asked is not None:  # "коло струва", "олко", "kade": a question word, not a stem's
            return [asked], False
        single = self._undoubled(word, token)
        if single is not None:
            return [single], True
        if known(token):  # "фира", "стува": no text writes them, their stems are known
            closed = self._closed.meant(word, token)
            return ([closed], False) if closed else ([], False)
        flat = self._unflattened(word, token)
        if flat:  # sure when all its readings are one word's forms
            return flat, len({tokens(w)[0].term for w in flat}) == 1
        meant = self._meant(word, token)
        if token.cyrillic:  # "плоащдките": a typo in a form no text writes
            meant += [w for w in self._stems.meant(word) if w not in meant]
        if not meant:  # "номеърт": a slip in a form no text writes, of a known stem
            form = unswapped(word, self._formed)
            meant = [form] if form else []
        return meant, False

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
        cache = self._cache
        if all((found := cache.get(w)) is not None and not found[0] for w in _WORD.findall(text)):
            return text, corrected  # every word read before, none a typo: most messages

        def correct(match: re.Match[str]) -> str:
            written = match.group()
            found = self._cache.get(written)  # by the word as typed: most are known, kept as typed
            if found is None:
                found = self._cache.keep(written, self._candidates(clean(written), known))
            candidates, sure = found
            if not candidates:
                return written
            word = clean(written)
            meant = candidates[0]
            if fits is not None and len(candidates) > 1:  # "иното": "виното" where wine is asked
                meant = _fitting(candidates, word, lambda c: fits(c, text))
            if not (sure or _slip(word, candidates)):
                corrected.add(meant)
            return meant

        return _WORD.sub(correct, text), corrected
