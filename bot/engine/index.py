"""An inverted index over the knowledge base, with typo-tolerant term look-up."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.engine.glossary import GLOSSARY
from bot.engine.lexicon import STOPWORDS
from bot.engine.normalize import terms, to_latin
from bot.knowledge import Project, Text

NAME, LOCATION, DETAIL = 1.0, 0.6, 0.3
TRANSLATED = 0.9  # a word added from the glossary counts a little less than the staff's own
STOP_TERMS = frozenset(t for word in STOPWORDS for t in terms(word))
_STATUS_RANK = {"ongoing": 0, "planned": 1, "completed": 2}


def _texts(value: Text | None) -> list[str]:
    return [text for _, text in value.values()] if value else []


def _many(values: Iterable[Text]) -> list[str]:
    return [text for value in values for text in _texts(value)]


def compact(text: str) -> str:
    """Letters and digits only, Latin, lowercase: how identifiers are compared."""
    return re.sub(r"[^a-z0-9]", "", to_latin(text))


def project_fields(project: Project) -> list[tuple[float, list[str]]]:
    """The texts of a project, grouped by how strongly they name it."""
    names = [*_texts(project.title), *_texts(project.short_title), *project.aliases]
    locations = _many(project.locations)
    details = [
        *_texts(project.summary),
        *_texts(project.programme),
        *_texts(project.funding),
        *_texts(project.beneficiary),
        *_many(project.contractors),
        *_many(project.partners or ()),
        *_many(project.goals),
        *_many(project.target_groups),
        *_many(project.results),
    ]
    details += [text for a in project.activities for text in _texts(a.title)]
    details += [text for n in project.news for text in _texts(n.title)]
    details += [question for qa in project.faq for question in qa.questions]
    return [(NAME, names), (LOCATION, locations), (DETAIL, details)]


@dataclass
class Match:
    """A query term matched to an index term with a similarity from 0 to 1."""

    term: str
    similarity: float


@dataclass
class ProjectIndex:
    """Term -> project postings with field weights, idf and the vocabulary for fuzzy look-up."""

    projects: list[Project]
    postings: dict[str, dict[int, float]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    name_terms: list[list[frozenset[str]]] = field(default_factory=list)
    identifiers: list[set[str]] = field(default_factory=list)
    max_idf: float = 1.0
    _vocabulary: list[str] = field(default_factory=list)
    _buckets: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    _cache: dict[str, tuple[Match, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, projects: Iterable[Project]) -> ProjectIndex:
        """Index every project once."""
        index = cls(list(projects))
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        for number, project in enumerate(index.projects):
            for weight, texts in project_fields(project):
                for text in texts:
                    words = terms(text)
                    found = [(t, weight) for t in words]
                    found += [(t, weight * TRANSLATED) for t in GLOSSARY.translate(words)]
                    for term, value in found:
                        if len(term) < 2 or term in STOP_TERMS:
                            continue
                        if postings[term].get(number, 0.0) < value:
                            postings[term][number] = value
            names = [*_texts(project.title), *_texts(project.short_title), *project.aliases]
            index.name_terms.append([frozenset(terms(name)) - STOP_TERMS for name in names])
            idents = [
                project.contract.number if project.contract else None,
                project.programme_code,
            ]
            index.identifiers.append({compact(i) for i in idents if i and len(compact(i)) >= 5})
        index.postings = dict(postings)
        count = max(len(index.projects), 1)
        for term, hits in index.postings.items():
            df = len(hits)
            index.idf[term] = math.log((count - df + 0.5) / (df + 0.5) + 1.0)
        index.max_idf = max(index.idf.values(), default=1.0)
        index._vocabulary = sorted(index.postings)
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for term in index._vocabulary:
            buckets[(term[0], len(term))].append(term)
        index._buckets = dict(buckets)
        return index

    def lookup(self, term: str) -> tuple[Match, ...]:
        """Index terms that match term: exactly, as a prefix, or with a typo."""
        cached = self._cache.get(term)
        if cached is None:
            if len(self._cache) > 50_000:
                self._cache.clear()
            cached = self._cache[term] = self._lookup(term)
        return cached

    def _lookup(self, term: str) -> tuple[Match, ...]:
        if term in self.postings:
            return (Match(term, 1.0),)
        if len(term) < 5 or term.isdigit():
            return ()
        found: dict[str, float] = {}
        start = bisect.bisect_left(self._vocabulary, term)
        for candidate in self._vocabulary[start : start + 8]:
            if candidate.startswith(term) and len(candidate) - len(term) <= 3:
                found[candidate] = 0.85
        for cut in range(len(term) - 1, 4, -1):
            if term[:cut] in self.postings and len(term) - cut <= 2:
                found.setdefault(term[:cut], 0.85)
                break
        cutoff = 80 if len(term) >= 6 else 90
        pool = [
            t
            for size in range(len(term) - 2, len(term) + 3)
            for t in self._buckets.get((term[0], size), ())
        ]
        for candidate, score, _ in process.extract(
            term, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=4
        ):
            found[candidate] = max(found.get(candidate, 0.0), score / 100.0 * 0.95)
        return tuple(Match(t, s) for t, s in sorted(found.items(), key=lambda kv: -kv[1])[:4])

    def names_project(self, term: str) -> bool:
        """True when a distinctive term is part of some project's name (not only a cue word)."""
        hits = self.postings.get(term, {})
        return NAME in hits.values() and self.idf[term] >= 1.0

    def status_rank(self, number: int) -> int:
        """Ongoing before planned before completed, for tie-breaking."""
        return _STATUS_RANK.get(self.projects[number].status, 3)
