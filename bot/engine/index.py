"""An inverted index over the knowledge base, with typo-tolerant term look-up."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from bot.engine.fuzzy import Match, Vocabulary
from bot.engine.glossary import GLOSSARY
from bot.engine.normalize import surface_words, terms, to_latin, tokens
from bot.engine.prepared import Memo
from bot.engine.stopwords import content_terms, is_stop
from bot.knowledge import KnowledgeBase, Project, Text
from bot.knowledge.parallel import COPY_SHARE, map_forked

NAME, LOCATION, DETAIL = 1.0, 0.6, 0.3
DESCRIPTION = 0.31  # summary, goals, target groups: a detail for ranking, but marked apart
_CYRILLIC_TEXT = re.compile("[а-яА-Я]")
TRANSLATED = 0.9  # a word added from the glossary counts a little less than the staff's own
_STATUS_RANK = {"ongoing": 0, "planned": 1, "completed": 2}
# a run of an identifier's characters; those with a digit are identifiers (a pattern that requires
# the digit inside it backtracks quadratically over a long word without one)
_IDENTIFIER_RUN = re.compile(r"[\w/.\-–]+")
_DIGIT = re.compile(r"\d")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def texts_of(value: Text | None) -> list[str]:
    """Every language's text of a value."""
    return [text for _, text in value.values()] if value else []


def _many(values: Iterable[Text]) -> list[str]:
    return [text for value in values for text in texts_of(value)]


def compact(text: str) -> str:
    """Letters and digits only, Latin, lowercase: how identifiers are compared."""
    return _NOT_ALNUM.sub("", to_latin(text))


def project_names(project: Project) -> list[str]:
    """The title, short title and aliases of a project."""
    return [*texts_of(project.title), *texts_of(project.short_title), *project.aliases]


def project_fields(project: Project) -> list[tuple[float, list[str]]]:
    """The texts of a project, grouped by how strongly they name it."""
    description = [
        *texts_of(project.summary),
        *_many(project.goals),
        *_many(project.target_groups),
    ]
    details = [
        *texts_of(project.programme),
        *texts_of(project.funding),
        *texts_of(project.beneficiary),
        *_many(project.contractors),
        *_many(project.partners or ()),
        *_many(project.results),
    ]
    for activity in project.activities:
        details += _many([activity.title, *activity.results])
        details += texts_of(activity.summary)
    for item in project.news:
        details += [*texts_of(item.title), *texts_of(item.summary)]
    for contact in project.contacts:
        details += [*texts_of(contact.name), *texts_of(contact.role)]
    details += [question for qa in project.faq for question in qa.questions]
    details += [text for qa in project.faq for text in texts_of(qa.answer)]
    return [
        (NAME, project_names(project)),
        (LOCATION, _many(project.locations)),
        (DESCRIPTION, description),
        (DETAIL, details),
    ]


def indexed_terms(text: str) -> list[str]:
    """The terms a text is found by: its own (without stop words), and their translations."""
    words = terms(text)
    return [*content_terms(text), *GLOSSARY.translate(words)]


def town_texts(knowledge: KnowledgeBase) -> Iterator[str]:
    """The texts of the municipality and of the general FAQ."""
    town = knowledge.municipality
    for value in (town.name, town.summary, town.address, town.hours):
        yield from texts_of(value)
    for contact in town.contacts:
        yield from [*texts_of(contact.name), *texts_of(contact.role)]
    for qa in knowledge.faq:
        yield from [*qa.questions, *texts_of(qa.answer)]


# a written word's terms it is found by (none for a stop word), all its terms, each term's script
# (a glossary phrase matches its own only), and whether any term may start a glossary phrase
Analysed = tuple[tuple[str, ...], tuple[str, ...], tuple[bool, ...], bool]
# a text's words as written, the terms it is found by, and the terms of the other-language
# phrases of the glossary it holds (None when no glossary phrase can start in it)
TextTerms = tuple[list[str], tuple[str, ...], list[str] | None]


def _analysed(word: str) -> Analysed:
    """What indexing needs of one written word, worked out once per word."""
    found = tokens(word)
    every = tuple(t.term for t in found)
    own = tuple(t.term for t in found if not is_stop(t) and len(t.term) >= 2)
    scripts = (_CYRILLIC_TEXT.search(word) is not None,) * len(every)
    return own, every, scripts, any(GLOSSARY.begins(term) for term in every)


class Analyses:
    """What indexing worked out of each written word, and of each text met more than once (many
    projects repeat a programme's, a firm's, a village's name; most longer texts are met once,
    and keeping what they gave would only take memory)."""

    def __init__(self) -> None:
        self.words: dict[str, Analysed] = {}  # by word as written
        self.texts: dict[str, TextTerms] = {}
        self.met: set[str] = set()

    def text(self, text: str) -> TextTerms:
        """The written words, terms and glossary translations of one text."""
        found = self.texts.get(text)
        if found is None:
            found = self._text(text)
            if text in self.met:
                self.texts[text] = found
            else:
                self.met.add(text)
        return found

    def _text(self, text: str) -> TextTerms:
        words = surface_words(text)
        analysed = self.words
        found = [analysed.get(w) or analysed.setdefault(w, _analysed(w)) for w in words]
        terms = tuple(t for f in found for t in f[0])
        if not any(f[3] for f in found):  # no glossary phrase can start in this text
            return words, terms, None
        every = [t for f in found for t in f[1]]
        scripts = [s for f in found for s in f[2]]
        return words, terms, GLOSSARY.translate(every, scripts)


class ProjectTerms:
    """What indexing one project finds: each term's weight (the strongest field that holds it),
    its words as written, the terms of its names, and the terms its own texts hold (not only
    translations of its English text)."""

    def __init__(self, project: Project, analyses: Analyses) -> None:
        self.best: dict[str, float] = {}
        self.names: list[frozenset[str]] = []
        self.own: set[str] = set()
        self.written: list[str] = []  # in order, counted once merged (a list counts in C)
        written = self.written
        for weight, texts in project_fields(project):
            held: set[str] = set()
            translated: set[str] = set()
            for text in texts:
                words, terms, synonyms = analyses.text(text)
                written += words
                if weight == NAME:
                    self.names.append(frozenset(terms))
                held.update(terms)
                if synonyms is None:
                    continue
                translated.update(synonyms)
                if synonyms and _CYRILLIC_TEXT.search(text):  # of the staff's own Bulgarian
                    self.own.update(synonyms)
            self.own |= held
            self._weigh(translated - held, weight * TRANSLATED)
            self._weigh(held, weight)

    def _weigh(self, terms: set[str], weight: float) -> None:
        best = self.best
        for term in terms:
            if best.get(term, 0.0) < weight:
                best[term] = weight


class IndexPart:
    """What indexing found in a run of projects, merged in their order: postings, the terms
    their own texts hold, their words as written, their names' terms."""

    def __init__(self) -> None:
        self.postings: dict[str, dict[int, float]] = {}
        self.own: set[str] = set()
        self.written: Counter[str] = Counter()
        self.name_terms: list[list[frozenset[str]]] = []  # each name's, once
        self.name_words: list[frozenset[str]] = []  # all names' terms together

    def add(self, number: int, terms: ProjectTerms) -> None:
        """Merge project number's findings (the next project's)."""
        postings = self.postings
        for term, weight in terms.best.items():
            hits = postings.get(term)
            if hits is None:
                postings[term] = {number: weight}
            else:
                hits[number] = weight
        self.own |= terms.own
        self.written.update(terms.written)
        self.name_terms.append([name for name in dict.fromkeys(terms.names) if name])
        self.name_words.append(frozenset().union(*terms.names))

    def absorb(self, later: IndexPart) -> None:
        """Merge what was found in the projects right after these."""
        postings = self.postings
        for term, found in later.postings.items():
            hits = postings.get(term)
            if hits is None:
                postings[term] = found
            else:
                hits.update(found)
        self.own |= later.own
        self.written.update(later.written)
        self.name_terms += later.name_terms
        self.name_words += later.name_words


@dataclass
class ProjectIndex:
    """Term -> project postings with field weights, idf and the vocabulary for fuzzy look-up."""

    projects: list[Project]
    postings: dict[str, dict[int, float]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    name_terms: list[list[frozenset[str]]] = field(default_factory=list)  # each name's, once
    name_words: list[frozenset[str]] = field(default_factory=list)  # all names' terms together
    identifiers: dict[str, int] = field(default_factory=dict)
    max_idf: float = 1.0
    vocabulary: Vocabulary = field(default_factory=lambda: Vocabulary(()))
    written: Counter[str] = field(default_factory=Counter)  # every word as written, for spelling
    translated: frozenset[str] = frozenset()  # terms only translations of English text hold
    naming: frozenset[str] = frozenset()  # terms some project's name holds
    ties: list[tuple[int, int]] = field(default_factory=list)  # each project's tie-break
    _lengths: list[int] = field(default_factory=list)

    @classmethod
    def build(
        cls, projects: Iterable[Project], memo: Memo[ProjectTerms] | None = None
    ) -> ProjectIndex:
        """Index every project once (a large base on two processors): each distinct word is
        analysed once by each process; the projects the memo holds are not analysed again."""
        listed = list(projects)
        analyses = Analyses()

        def work(project: Project) -> ProjectTerms:
            return ProjectTerms(project, analyses)

        found = (
            map_forked(work, listed, COPY_SHARE) if memo is None else memo.computed(listed, work)
        )
        part = IndexPart()
        found.reverse()
        for number in range(len(listed)):
            part.add(number, found.pop())  # each project's findings are let go once used
        return cls.assemble(listed, part)

    @classmethod
    def assemble(cls, projects: list[Project], part: IndexPart) -> ProjectIndex:
        """The index of every project from what indexing found in all of them, in order."""
        index = cls(projects)
        index.postings = part.postings
        index.written = part.written
        index.name_terms = part.name_terms
        index.name_words = part.name_words
        for number, project in enumerate(projects):
            for ident in (
                project.contract.number if project.contract else None,
                project.programme_code,
            ):
                if ident and len(compact(ident)) >= 5:
                    index.identifiers.setdefault(compact(ident), number)
        index.translated = frozenset(index.postings.keys() - part.own)
        count = max(len(index.projects), 1)
        for term, hits in index.postings.items():
            df = len(hits)
            index.idf[term] = math.log((count - df + 0.5) / (df + 0.5) + 1.0)
        index.max_idf = max(index.idf.values(), default=1.0)
        index.naming = frozenset(t for t, hits in index.postings.items() if NAME in hits.values())
        index.ties = [_tie(project) for project in index.projects]
        index.vocabulary = Vocabulary(index.postings)
        index._lengths = sorted({len(ident) for ident in index.identifiers}, reverse=True)
        return index

    def identified(self, question: str) -> int | None:
        """The project whose contract number or programme code the question quotes."""
        if _DIGIT.search(question) is None:  # most questions quote no number at all
            return None
        for token in _IDENTIFIER_RUN.findall(question):
            if _DIGIT.search(token) is None:
                continue
            flat = compact(token)
            for size in self._lengths:
                if size <= len(flat) and flat[:size] in self.identifiers:
                    return self.identifiers[flat[:size]]
        return None

    def lookup(self, term: str) -> tuple[Match, ...]:
        """Index terms that match term: exactly, with another ending, or with one typo."""
        return self.vocabulary.lookup(term)

    def holds(self, number: int, word: str) -> bool:
        """True when project number's record holds a form of the word."""
        return any(number in self.postings[m.term] for m in self.lookup(word))

    def names(self, number: int, word: str) -> bool:
        """True when a form of the word is part of project number's name."""
        return any(self.postings[m.term].get(number, 0) >= NAME for m in self.lookup(word))

    def names_project(self, term: str) -> bool:
        """True when a distinctive term is part of some project's name (not only a cue word)."""
        return term in self.naming and self.idf[term] >= 1.0

    def described(self, word: str) -> set[int]:
        """The projects whose names, places, summary, goals or target groups hold the word."""
        return {
            number
            for m in self.lookup(word)
            if m.similarity >= 0.85
            for number, weight in self.postings[m.term].items()
            if weight >= DESCRIPTION
        }


def _tie(project: Project) -> tuple[int, int]:
    """Of two projects as likely, ongoing before planned before completed, then the newer start
    (its day number; 0 when unknown) first."""
    start = project.first_date
    return _STATUS_RANK.get(project.status, 3), -(start.toordinal() if start else 0)
