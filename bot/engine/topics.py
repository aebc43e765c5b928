"""Find the topic cue phrases in a question (with typo tolerance) and what is left over."""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from bot.engine.bounded import CHARACTERS, TEXTS, WORDS, Bounded
from bot.engine.fuzzy import TypoIndex
from bot.engine.lexicon import CUE_WEIGHTS, SUMMARY_WEIGHT, TOPIC_CUES
from bot.engine.normalize import is_cyrillic_letter, terms, tokens

Phrase = tuple[str, ...]
Entry = tuple[str, float, bool]  # a phrase's label, weight, and whether it is English


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A phrase found in the question: its label, weight and the positions it covers."""

    label: str
    weight: float
    positions: tuple[int, ...]


_NEW_HIT = object.__new__
_SET_LABEL, _SET_WEIGHT, _SET_POSITIONS = (
    getattr(PhraseHit, name).__set__ for name in ("label", "weight", "positions")
)


def _hit(label: str, weight: float, positions: tuple[int, ...]) -> PhraseHit:
    """PhraseHit(label, weight, positions) without the frozen dataclass's slow __init__."""
    made = _NEW_HIT(PhraseHit)
    _SET_LABEL(made, label)
    _SET_WEIGHT(made, weight)
    _SET_POSITIONS(made, positions)
    return made


class PhraseSpotter:
    """Finds known phrases in a list of terms, longest first, each position used once."""

    def __init__(
        self, phrases: Iterable[tuple[str, str, float | None]], remember: bool = False
    ) -> None:
        """remember: keep what was found for the words last looked for (a question's spotters;
        not those that read every project at index time)."""
        # first word -> phrase length -> phrase -> (label, weight, latin) in the order given
        by_first: dict[str, dict[int, dict[Phrase, list[Entry]]]] = defaultdict(dict)
        for label, text, weight in phrases:
            phrase = tuple(terms(text))
            latin = not any(is_cyrillic_letter(char) for char in text)  # English: never Cyrillic
            if phrase:
                same = by_first[phrase[0]].setdefault(len(phrase), {})
                same.setdefault(phrase, []).append((label, weight or float(len(phrase)), latin))
        self._by_first = {
            first: sorted(lengths.items(), reverse=True) for first, lengths in by_first.items()
        }
        self._firsts = frozenset(self._by_first)  # a query with none of them holds no phrase
        self._vocabulary = TypoIndex(
            t for lengths in by_first.values() for same in lengths.values() for p in same for t in p
        )
        self._canon: Bounded[str, str] = Bounded(WORDS)
        self._found: Bounded[tuple[Phrase, tuple[bool, ...]], tuple[PhraseHit, ...]]
        self._found = Bounded(2 * TEXTS, CHARACTERS)
        self._remember = remember
        if remember:
            _REMEMBERING.add(self)

    @property
    def words(self) -> set[str]:
        """Every word of every phrase."""
        return set(self._vocabulary.terms)

    def canonical(self, term: str) -> str:
        """The phrases' own spelling of term, allowing one typo in a word of four letters."""
        found = self._canon.get(term)
        if found is None:
            found = self._canon.keep(term, self._vocabulary.best(term) or term)
        return found

    def find(
        self,
        query: list[str],
        known: Container[str] | None = None,
        cyrillic: Sequence[bool] = (),
    ) -> list[PhraseHit]:
        """Every phrase in query; overlapping phrases give way to longer ones.

        With known (the vocabulary of the knowledge base), a word of the query that is not in
        it is read as the phrase word it is one typo away from; without it, words match exactly.
        cyrillic tells which words were written in Cyrillic: an English phrase matches none of
        them ("нова" folds like "now" but does not mean it).
        """
        canon = (
            query
            if known is None
            else [term if term in known else self.canonical(term) for term in query]
        )
        if not self._remember:
            return self._hits(canon, cyrillic)
        if self._firsts.isdisjoint(canon):  # most questions hold no phrase of a spotter
            return []
        asked = (tuple(canon), tuple(cyrillic))
        found = self._found.get(asked)
        if found is None:  # the same words are looked for again: in a clause, the next question
            cost = sum(map(len, canon)) + len(asked[1])  # characters(asked), without its walk
            found = self._found.keep(asked, tuple(self._hits(canon, cyrillic)), cost)
        return list(found)

    def _hits(self, canon: list[str], cyrillic: Sequence[bool]) -> list[PhraseHit]:
        by_first = self._by_first
        candidates = []
        for start, term in enumerate(canon):
            lengths = by_first.get(term)
            if lengths is None:
                continue
            for length, same in lengths:
                end = start + length
                entries = same.get((term,) if length == 1 else tuple(canon[start:end]))
                for label, weight, latin in entries or ():
                    if not (latin and any(cyrillic[start:end])):
                        candidates.append((length, start, label, weight))
        if len(candidates) > 1:  # longest first; of the same length, in order (a stable sort)
            candidates.sort(key=itemgetter(0), reverse=True)
        used: set[int] = set()
        labels: dict[int, str] = {}  # the label of the phrase each used word is part of
        hits: list[PhraseHit] = []
        for length, start, label, weight in candidates:
            if length == 1:  # most phrases are one word
                if start in used:
                    continue
                used.add(start)
                labels[start] = label
                hits.append(_hit(label, weight, (start,)))
                continue
            span = tuple(range(start, start + length))
            if not used.isdisjoint(span) and not _joins(span, label, used, labels):
                continue
            used.update(span)
            for i in span:
                labels[i] = label
            hits.append(_hit(label, weight, span))
        return hits


def _joins(span: tuple[int, ...], label: str, used: set[int], labels: dict[int, str]) -> bool:
    """True when a phrase overlaps only phrases of its own label and adds words to them
    ("собственото участие на общината": "собствено участие" and "участие на общината")."""
    shared = [i for i in span if i in used]
    return len(shared) < len(span) and all(labels.get(i) == label for i in shared)


def topic_spotter() -> PhraseSpotter:
    """A spotter for the topic cues of the lexicon."""
    return PhraseSpotter(
        (
            (topic, cue, SUMMARY_WEIGHT if topic == "summary" else CUE_WEIGHTS.get(cue))
            for topic, cues in TOPIC_CUES.items()
            for cue in cues
        ),
        remember=True,
    )


_CUE_FORMS = frozenset(
    t.folded for cues in TOPIC_CUES.values() for cue in cues for t in tokens(cue)
)


def spoken_cues(
    hits: list[PhraseHit], folded: Sequence[str], quiet: Container[int]
) -> list[PhraseHit]:
    """The hits, less a stop word's that only folds like a cue ("само" like "сума")."""
    return [
        h
        for h in hits
        if len(h.positions) > 1
        or h.positions[0] not in quiet
        or folded[h.positions[0]] in _CUE_FORMS
    ]


def best_topic(hits: list[PhraseHit]) -> str | None:
    """The topic with the most cue weight, or None."""
    scores: dict[str, float] = defaultdict(float)
    for hit in hits:
        scores[hit.label] += hit.weight
    if not scores:
        return None
    return max(scores.items(), key=lambda item: item[1])[0]


_REMEMBERING: weakref.WeakSet[PhraseSpotter] = weakref.WeakSet()


def forget_phrases() -> None:
    """Empty every spotter's memory of the words it was asked about."""
    for spotter in list(_REMEMBERING):
        spotter._found.clear()
