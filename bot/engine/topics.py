"""Find the topic cue phrases in a question (with typo tolerance) and what is left over."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.engine.lexicon import CUE_WEIGHTS, SUMMARY_WEIGHT, TOPIC_CUES
from bot.engine.normalize import terms

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class PhraseHit:
    """A phrase found in the question: its label, weight and the positions it covers."""

    label: str
    weight: float
    positions: tuple[int, ...]


class PhraseSpotter:
    """Finds known phrases in a list of terms, longest first, each position used once."""

    def __init__(self, phrases: Iterable[tuple[str, str, float | None]]) -> None:
        by_first: dict[str, list[tuple[Phrase, str, float]]] = defaultdict(list)
        for label, text, weight in phrases:
            phrase = tuple(terms(text))
            if phrase:
                by_first[phrase[0]].append((phrase, label, weight or float(len(phrase))))
        for entries in by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self._by_first = dict(by_first)
        self._vocabulary = sorted(
            {t for entries in by_first.values() for e in entries for t in e[0]}
        )

    def _canonical(self, term: str) -> str:
        """The lexicon's own spelling of term, allowing a typo in longer words."""
        if term in self._by_first or len(term) < 6:
            return term
        match = process.extractOne(term, self._vocabulary, scorer=fuzz.ratio, score_cutoff=80)
        return match[0] if match else term

    def find(self, query: list[str]) -> list[PhraseHit]:
        """Every phrase in query; overlapping phrases give way to longer ones."""
        canon = [self._canonical(term) for term in query]
        used: set[int] = set()
        hits: list[PhraseHit] = []
        candidates = []
        for start, term in enumerate(canon):
            for phrase, label, weight in self._by_first.get(term, ()):
                end = start + len(phrase)
                if tuple(canon[start:end]) == phrase:
                    candidates.append((len(phrase), start, label, weight))
        for length, start, label, weight in sorted(candidates, key=lambda c: (-c[0], c[1])):
            span = tuple(range(start, start + length))
            if used.isdisjoint(span):
                used.update(span)
                hits.append(PhraseHit(label, weight, span))
        return hits


def topic_spotter() -> PhraseSpotter:
    """A spotter for the topic cues of the lexicon."""
    return PhraseSpotter(
        (topic, cue, SUMMARY_WEIGHT if topic == "summary" else CUE_WEIGHTS.get(cue))
        for topic, cues in TOPIC_CUES.items()
        for cue in cues
    )


def best_topic(hits: list[PhraseHit]) -> str | None:
    """The topic with the most cue weight, or None."""
    scores: dict[str, float] = defaultdict(float)
    for hit in hits:
        scores[hit.label] += hit.weight
    if not scores:
        return None
    return max(scores.items(), key=lambda item: item[1])[0]
