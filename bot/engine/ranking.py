"""Rank projects for the content words of a question and say how sure the ranking is."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.engine.index import NAME, ProjectIndex

NEAR_TIE = 0.9
SUBJECT_EMPHASIS = 1.6
UNKNOWN_WEIGHT = 1.3  # a word the knowledge base does not know may be what the question is about
NAMED_QUALITY = 0.85  # a project named in the question: other words support it, not doubt it


@dataclass(frozen=True)
class Candidate:
    """A project that matches the question, with its score and confidence."""

    number: int
    score: float
    coverage: float
    confidence: float
    name_coverage: float


def _unknown_weight(term: str, max_idf: float) -> float:
    """How much a word the knowledge base does not know counts against every project."""
    if term.isdigit():
        return 0.5 * max_idf
    if len(term) >= 4:
        return UNKNOWN_WEIGHT * max_idf
    return 0.9 * max_idf if len(term) == 3 else 0.1


def _name_coverage(index: ProjectIndex, number: int, query: set[str]) -> float:
    """The largest share of one of the project's names that the question mentions."""
    best = 0.0
    for name in index.name_terms[number]:
        if not name:
            continue
        hit = sum(
            1
            for term in name
            if term in query or any(len(term) >= 5 and fuzz.ratio(term, q) >= 85 for q in query)
        )
        best = max(best, hit / len(name))
    return best


def rank(
    index: ProjectIndex, content: list[str], subjects: frozenset[str] = frozenset(), limit: int = 5
) -> list[Candidate]:
    """The best projects for the content words, most likely first.

    subjects are words that look like the noun the question is about; unknown, they weigh more.
    """
    if not content or not index.projects:
        return []
    total_weight = 0.0
    coverage: dict[int, float] = defaultdict(float)
    named: set[int] = set()
    score: dict[int, float] = defaultdict(float)
    for term in content:
        matches = index.lookup(term)
        if not matches:
            emphasis = SUBJECT_EMPHASIS if term in subjects else 1.0
            total_weight += _unknown_weight(term, index.max_idf) * emphasis
            continue
        total_weight += max(index.idf[m.term] * m.similarity for m in matches)
        best_cov: dict[int, float] = {}
        best_score: dict[int, float] = {}
        for match in matches:
            base = index.idf[match.term] * match.similarity
            for number, weight in index.postings[match.term].items():
                best_cov[number] = max(best_cov.get(number, 0.0), base)
                best_score[number] = max(best_score.get(number, 0.0), base * weight)
                if weight >= NAME and index.idf[match.term] >= 1.0 and match.similarity >= 0.8:
                    named.add(number)
        for number, value in best_cov.items():
            coverage[number] += value
            score[number] += best_score[number]
    if not score or total_weight <= 0:
        return []
    query = set(content)
    shortlist = sorted(score, key=lambda n: -score[n])[: limit * 3]
    candidates = []
    for number in shortlist:
        cov = coverage[number] / total_weight
        field_quality = score[number] / coverage[number] if coverage[number] else 0.0
        if number in named:
            field_quality = max(field_quality, NAMED_QUALITY)
        confidence = min(1.0, cov * (0.214 + 0.786 * field_quality / NAME))
        candidates.append(
            Candidate(number, score[number], cov, confidence, _name_coverage(index, number, query))
        )
    candidates.sort(
        key=lambda c: (
            -round(c.score, 6),
            -c.name_coverage,
            index.status_rank(c.number),
            -_start_ordinal(index, c.number),
        )
    )
    return candidates[:limit]


def near_ties(candidates: list[Candidate]) -> list[Candidate]:
    """The runners-up whose score is close to the best one's."""
    if not candidates:
        return []
    best = candidates[0].score
    return [c for c in candidates[1:] if c.score >= NEAR_TIE * best]


def _start_ordinal(index: ProjectIndex, number: int) -> int:
    """The project's start as a day number (0 when unknown), newer first on ties."""
    start = index.projects[number].first_date
    return start.toordinal() if start else 0
