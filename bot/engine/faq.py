"""Match a question against the ways people ask the staff-written FAQ entries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.engine.glossary import GLOSSARY
from bot.engine.normalize import tokens
from bot.engine.stopwords import content_terms, is_quiet
from bot.knowledge import QA, KnowledgeBase, Text

FAQ_THRESHOLD = 0.75


@dataclass(frozen=True)
class FaqEntry:
    """One FAQ entry, its project (None for general ones) and each variant as a term set."""

    qa: QA
    project: str | None
    variants: tuple[frozenset[str], ...]
    keys: tuple[frozenset[str], ...]
    every_key: frozenset[str]  # the keys of all its variants together


def meaningful_terms(text: str) -> frozenset[str]:
    """The terms of text without stop words."""
    return frozenset(content_terms(text))


def asked_terms(question: str) -> frozenset[str]:
    """The terms of an entry's question as the reader keeps a citizen's: without stop words
    and filler ("имам оплакване" is "оплакване"), unless nothing else is left."""
    found = tokens(question)
    kept = frozenset(t.term for t in found if not is_quiet(t) and len(t.term) >= 2)
    return kept or meaningful_terms(question)


def _names(text: Text) -> frozenset[str]:
    return frozenset(t for _, value in text.values() for t in meaningful_terms(value))


STEM = 5  # words that share their first five letters count as the same word


def stem_keys(terms: frozenset[str]) -> frozenset[str]:
    """Each term, and its first five letters when it is longer (another ending, same word)."""
    return terms | {t[:STEM] for t in terms if len(t) > STEM}


def with_synonyms(terms: frozenset[str]) -> frozenset[str]:
    """The terms and their one-word synonyms of the glossary ("запиша": "кандидатствам")."""
    return terms.union(*(GLOSSARY.synonyms(t) for t in terms))


def held(term: str, keys: frozenset[str]) -> bool:
    """True when keys (made by stem_keys) hold the term, or a word of the same first letters."""
    return term in keys or (len(term) > STEM and term[:STEM] in keys)


def overlap(
    query: frozenset[str], variant: frozenset[str], keys: frozenset[str], stems: frozenset[str]
) -> float:
    """The smaller of precision and recall of the common words (keys: the variant's keys;
    stems: the first five letters of the query's longer words)."""
    if not query or not variant:
        return 0.0
    common = len(query & keys)
    if not stems.isdisjoint(keys):  # and the longer words whose first five letters a key is
        common += sum(1 for q in query - keys if held(q, keys))
    return min(common / len(query), common / len(variant))


MIN_TOLD_VARIANT = 2  # the fewest words of an entry's question a story may hold whole


def told_score(query: frozenset[str], asked: frozenset[str], entry: FaqEntry) -> float:
    """How well a message that tells a story before its question ("we are building a house at
    the end of the street, which has no light: how do we ask for lamps?") asks a project's entry:
    the share of an entry question's words the message holds, when the question itself (asked)
    shares a word with the entry; the story's other words do not count against it."""
    if not any(held(a, entry.every_key) for a in asked):
        return 0.0
    return max(
        (_recall(query, variant) for variant in entry.variants if len(variant) >= MIN_TOLD_VARIANT),
        default=0.0,
    )


def _recall(query: frozenset[str], variant: frozenset[str]) -> float:
    """The share of variant's words (or their synonyms) that query holds."""
    found = 0
    for word in variant:
        keys = _word_keys(word)
        found += not query.isdisjoint(keys) or any(held(q, keys) for q in query)
    return found / len(variant)


@cache
def _word_keys(word: str) -> frozenset[str]:
    """The keys of one word of an entry's question, with its synonyms' (the same for any
    message: kept)."""
    return stem_keys(with_synonyms(frozenset([word])))


class FaqMatcher:
    """Every FAQ entry of the knowledge base, ready to compare."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.entries: list[FaqEntry] = []
        self.by_project: dict[str | None, list[FaqEntry]] = {}
        self.names: dict[str | None, frozenset[str]] = {None: _names(knowledge.municipality.name)}
        for project in knowledge.projects:
            if not project.faq:  # only a project's own entries are compared without its names
                continue
            names = [project.title, project.short_title, *(Text.plain(a) for a in project.aliases)]
            self.names[project.id] = frozenset().union(*(_names(n) for n in names if n))
        for project_id, items in [
            (None, knowledge.faq),
            *[(p.id, p.faq) for p in knowledge.projects if p.faq],
        ]:
            ignore = self.names[project_id]
            for qa in items:
                variants = tuple(asked_terms(q) - ignore for q in qa.questions)
                keys = tuple(stem_keys(with_synonyms(v)) for v in variants)
                entry = FaqEntry(qa, project_id, variants, keys, frozenset().union(*keys))
                self.entries.append(entry)
                self.by_project.setdefault(project_id, []).append(entry)

    def best(
        self, query: frozenset[str], projects: list[str], asked: frozenset[str] | None = None
    ) -> tuple[FaqEntry | None, float]:
        """The closest entry among the general ones and those of the given projects (asked: the
        question's own words when query holds its story too: see told_score, for the first
        project's entries only)."""
        best: tuple[FaqEntry | None, float] = (None, 0.0)
        for project in dict.fromkeys([None, *projects]):
            entries = self.by_project.get(project)
            if not entries:
                continue
            own = query - self.names.get(project, frozenset())
            stems = frozenset(q[:STEM] for q in own if len(q) > STEM)
            probe = own | stems  # an entry with none of these as a key has nothing in common
            for entry in entries:
                if probe.isdisjoint(entry.every_key):
                    continue
                score = max(
                    overlap(own, variant, keys, stems)
                    for variant, keys in zip(entry.variants, entry.keys, strict=True)
                )
                if asked is not None and project is not None and project == projects[0]:
                    score = max(score, told_score(own, asked, entry))
                if score > best[1]:
                    best = (entry, score)
        return best
