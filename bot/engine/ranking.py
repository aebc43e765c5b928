"""Rank projects for the content words of a question and say how sure the ranking is."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from bot.engine.index import NAME, ProjectIndex

NEAR_TIE = 0.9
CLEAR_LEAD = 1.8  # a project this many times as sure as the next one stands clear of the others
SUBJECT_EMPHASIS = 1.6
PLAIN_UNKNOWN = 0.7  # an unknown word that does not look like a noun with its article
VERB_UNKNOWN = 0.3  # ... and one with the ending of a verb form ("получиха")
UNKNOWN_WEIGHT = 1.3  # a word the knowledge base does not know may be what the question is about
SOFT_UNKNOWN = 0.35  # ... less so when it stands before the question word ("минавам ... колко")
TOLD = 0.85  # how sure a project named whole by the context alone is
NAMED_QUALITY = 0.85  # a project named in the question: other words support it, not doubt it
SUPPORT = 0.5  # a known word of a context sentence supports a project at half weight
TYPO_TRUST = 0.8  # a word read as a typo of a known word covers that much of its weight
# Only the rarest words find projects; a word in more than NARROW times as many projects as the
# rarest one (and more than FIND_AT_LEAST) only adds to those: the cost of a question does not
# grow with the number of projects.
NARROW = 2
FIND_AT_LEAST = 200


@dataclass(frozen=True)
class Candidate:
    """A project that matches the question, with its score and confidence."""

    number: int
    score: float
    coverage: float
    confidence: float
    name_coverage: float


@dataclass(frozen=True)
class Query:
    """The words a ranking weighs: content, the soft ones among them, subjects and support."""

    content: list[str]
    subjects: Collection[str] = frozenset()
    soft: Collection[str] = frozenset()
    support: Collection[str] = ()
    guessed: Collection[str] = frozenset()
    verbs: Collection[str] = frozenset()


def _frequency(index: ProjectIndex, term: str) -> int:
    """In how many projects the word (in its likeliest spelling) is."""
    return max((len(index.postings[m.term]) for m in index.lookup(term)), default=0)


def _unknown_weight(term: str, max_idf: float) -> float:
    """How much a word the knowledge base does not know counts against every project."""
    if term.isdigit():
        return 0.5 * max_idf
    if len(term) >= 4:
        return UNKNOWN_WEIGHT * max_idf
    return 0.9 * max_idf if len(term) == 3 else 0.1


def _name_coverage(index: ProjectIndex, number: int, matched: set[str]) -> float:
    """The largest share of one of the project's names that the question mentions (matched:
    the index terms the question's words matched)."""
    if index.name_words[number].isdisjoint(matched):
        return 0.0
    return max(len(name & matched) / len(name) for name in index.name_terms[number])


class _Tally:
    """Scores and coverage per project while the query's words are weighed."""

    def __init__(self, index: ProjectIndex) -> None:
        self.index = index
        self.total = 0.0
        self.coverage: dict[int, float] = defaultdict(float)
        self.score: dict[int, float] = defaultdict(float)
        self.named: set[int] = set()

    def add(
        self,
        term: str,
        factor: float,
        trust: float = 1.0,
        counts: bool = True,
        finds: bool = True,
    ) -> bool:
        """Weigh one known word (trust < 1 when it is a guess; counts False when it may only
        help, as a word of a context sentence does; finds False when it may only add to the
        projects found already); False when the word is unknown."""
        index = self.index
        matches = index.lookup(term)
        if not matches:
            return False
        if counts:
            self.total += factor * max(index.idf[m.term] for m in matches)
        factor *= trust
        best_cov: dict[int, float] = {}
        best_score: dict[int, float] = {}
        for match in matches:
            base = factor * index.idf[match.term] * match.similarity
            naming = index.idf[match.term] >= 1.0 and match.similarity >= 0.8
            postings = index.postings[match.term]
            found: Iterable[tuple[int, float]] = postings.items()
            if not finds and self.score and len(postings) > len(self.score):
                found = [(n, postings[n]) for n in self.score if n in postings]
            if not best_cov:  # the first match is the best yet for every project it finds
                best_cov = {number: base for number, _ in found}
                best_score = {number: base * weight for number, weight in found}
                if naming:
                    self.named.update(number for number, weight in found if weight >= NAME)
                continue
            for number, weight in found:
                if best_cov.get(number, 0.0) < base:
                    best_cov[number] = base
                if best_score.get(number, 0.0) < base * weight:
                    best_score[number] = base * weight
                if weight >= NAME and naming:
                    self.named.add(number)
        for number, value in best_cov.items():
            self.coverage[number] += value
            self.score[number] += best_score[number]
        return True


def rank(index: ProjectIndex, query: Query, limit: int = 5) -> list[Candidate]:
    """The best projects for the query's words, most likely first."""
    if not (query.content or query.support) or not index.projects:
        return []
    tally = _Tally(index)
    content = dict.fromkeys(query.content)
    support = dict.fromkeys(t for t in query.support if t not in content)
    frequencies = {t: _frequency(index, t) for t in (*content, *support)}
    widest: int | None = None  # words in more projects than this only add to those found
    for term in sorted(content, key=frequencies.__getitem__):  # the rarest first
        frequency = frequencies[term]
        trust = TYPO_TRUST if term in query.guessed else 1.0
        finds = widest is None or frequency <= widest
        if tally.add(term, 1.0, trust, finds=finds):
            if widest is None and tally.score:
                widest = max(FIND_AT_LEAST, NARROW * frequency)
        else:
            emphasis = (
                SUBJECT_EMPHASIS
                if term in query.subjects
                else VERB_UNKNOWN
                if term in query.verbs
                else PLAIN_UNKNOWN
            )
            soft = SOFT_UNKNOWN if term in query.soft else 1.0
            tally.total += _unknown_weight(term, index.max_idf) * emphasis * soft
    for term in sorted(support, key=frequencies.__getitem__):
        frequency = frequencies[term]
        finds = widest is None or frequency <= widest
        if tally.add(term, SUPPORT, counts=not query.content, finds=finds) and widest is None:
            widest = max(FIND_AT_LEAST, NARROW * frequency)
    if not tally.score or tally.total <= 0:
        return []
    matched = {m.term for w in {*query.content, *query.support} for m in index.lookup(w)}
    shortlist = heapq.nlargest(limit * 3, tally.score, key=tally.score.__getitem__)
    found = []  # (number, score, coverage, confidence, name coverage): a Candidate's fields
    for number in shortlist:
        cov = min(1.0, tally.coverage[number] / tally.total)
        quality = tally.score[number] / tally.coverage[number] if tally.coverage[number] else 0.0
        if number in tally.named:
            quality = max(quality, NAMED_QUALITY)
        confidence = min(1.0, cov * (0.214 + 0.786 * quality / NAME))
        naming = _name_coverage(index, number, matched)
        found.append((number, tally.score[number], cov, confidence, naming))
    found.sort(key=lambda c: (-round(c[1] * c[2], 6), -c[4], index.ties[c[0]]))
    return [Candidate(*fields) for fields in found[:limit]]  # made only for those kept


def near_ties(candidates: list[Candidate]) -> list[Candidate]:
    """The runners-up whose score is close to the best one's."""
    if not candidates:
        return []
    best = candidates[0].score
    return [c for c in candidates[1:] if c.score >= NEAR_TIE * best]


def clear_lead(candidates: list[Candidate]) -> bool:
    """True when the best candidate is far surer than the next one ("коя е учителката по
    роботика": only one record speaks of robotics)."""
    second = candidates[1].confidence if len(candidates) > 1 else 0.0
    return bool(candidates) and candidates[0].confidence >= CLEAR_LEAD * second


def alone_named(candidates: list[Candidate]) -> bool:
    """True when the best candidate is named whole and no other one is."""
    whole = [c for c in candidates if c.name_coverage >= 0.99]
    return bool(whole) and whole[0] is candidates[0] and len(whole) == 1


def told(candidates: list[Candidate]) -> list[Candidate]:
    """The one project named whole (by the message's context, when the question names only the
    works), first and as sure as a follow-up; the candidates as they are when none or several
    are named whole."""
    whole = [c for c in candidates if c.name_coverage >= 0.99]
    if len(whole) != 1:
        return candidates
    named = whole[0]
    sure = replace(named, confidence=max(named.confidence, TOLD))
    return [sure, *(c for c in candidates if c is not named)]
