"""Find the sentence of a project's record that answers a detail: the number, date or name asked."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.engine.beside import Beside, names_unit_of
from bot.engine.editions import SAID_BONUS, NameNumbers, numbers_said, says_number
from bot.engine.events import event_terms
from bot.engine.facts import LINK_ABOUT, Fact, FactBook
from bot.engine.fuzzy import RELATED, Vocabulary
from bot.engine.glossary import GLOSSARY
from bot.engine.index import LOCATION, ProjectIndex, indexed_terms
from bot.engine.measures import counted_measures
from bot.engine.normalize import stem
from bot.engine.parsed import Parsed
from bot.engine.reply import Reply
from bot.engine.subject import WORK_TERMS

# The kinds of things a fact must state to answer each kind of question.
ANSWER_KINDS = {
    "amount": {"money"},
    "count": {"count", "number"},
    "length": {"length"},
    "size": {"size", "count"},
    "duration": {"duration"},
    "weight": {"weight"},
    "percent": {"percent"},
    "date": {"date"},
    "time": {"time"},
    "person": {"who"},  # a firm, a titled person, a name with its role; any name counts less
    "place": {"person"},
    "language": {"language"},
    "frequency": {"frequency"},
}
# Any name stands in for a person when a field of names is empty (a firm's, a title's).
NAMES = {"person": {"person"}}
# The kinds of answers each topic's own field gives.
FIELD_ANSWERS = {
    "budget": {"amount"},
    "dates": {"date", "duration"},
    "contract": {"date"},
    "programme": {"person"},
    "contractors": {"person"},
    "partners": {"person"},
    "contacts": {"person"},
    "location": {"place"},
    "goals": {"reason"},
    "target_groups": {"person"},
    "news": {"date"},
    "results": {"count"},
}
WHOLE_MEASURES = frozenset({"length", "size", "weight"})
NUMBERS = frozenset({"count", "length", "size", "duration", "weight", "percent"})  # not money
# The kinds of numbers that measure the thing asked beside it: how big, by an area, a count or a
# length too (a diameter: "кръгово кръстовище с диаметър 36 м")
MEASURE_KINDS = {
    answer: frozenset(kinds | ({"length"} if answer == "size" else set()))
    for answer, kinds in ANSWER_KINDS.items()
    if answer in NUMBERS
}
_FEMININE = ("ic", "k")  # the terms of "-ица", "-ка": a woman's title made from a man's
FOUND = 0.5  # the share of the detail's weight a fact must hold
UNKNOWN = 0.6  # the weight of a detail word the knowledge base does not know, against the rarest
NAMED_BONUS = 0.1  # a fact that also names what the question names is a little likelier
KIND_BONUS = 0.3
COUNTED_BONUS = 0.3
CUE_BONUS = 0.15
HEADED = 0.95  # the share of a detail's weight a fact holds by its heading's words
ASKED_BONUS = 0.15  # an FAQ answer to a yes-or-no question asked with the question's words
VERB_TIE = 0.5  # what a verb the sentence holds beyond the nouns adds: it only breaks ties


@dataclass(frozen=True)
class Found:
    """A fact, its score, and how much of what the question names it holds (its words, the
    thing counted, the cue words): at least FOUND to be the answer."""

    fact: Fact
    score: float
    support: float
    counted: bool = False  # it counts the very thing the question asks how many of


class DetailFinder:
    """Scores the facts of one project against what a question asks beyond the project's name."""

    def __init__(self, index: ProjectIndex, book: FactBook) -> None:
        self.index = index
        self.book = book
        self.numbers = NameNumbers(index.projects)  # "Грижа в дома 2": no sentence's "2"

    def naming(self, number: int, words: list[str]) -> set[str]:
        """The words of the question that name the project (its names and places)."""
        named = set()
        for word in words:
            for match in self.index.lookup(word):
                if self.index.postings[match.term].get(number, 0.0) >= LOCATION:
                    named.add(word)
        return named

    def parts(self, number: int, naming: Iterable[str], answer: str | None) -> list[str]:
        """The words naming the project that neither its short title, its places nor its summary
        say (which describe the whole), beside one that does, when a sentence stating the number
        asked holds them all: a long title lists the works' parts ("довеждащ водопровод" of
        "Водопровод и нов резервоар"), and such a word says which."""
        project = self.index.projects[number]
        if project.short_title is None or answer not in NUMBERS:
            return []
        facts, _ = self.book.of(number)
        said = {t for _, text in project.short_title.values() for t in indexed_terms(text)}
        said |= {t for f in facts if f.source in ("locations", "summary") for t in f.terms}
        found = {w: {m.term for m in self.index.lookup(w)} for w in naming}
        parts = {w: terms for w, terms in found.items() if said.isdisjoint(terms)}
        if len(parts) == len(found):  # nothing names the project by its short name
            return []
        stating = [f for f in facts if ANSWER_KINDS[answer] & f.kinds and f.source != "title"]
        held = any(all(not f.terms.isdisjoint(t) for t in parts.values()) for f in stating)
        return list(parts) if held else []

    def one_of_places(self, number: int, parsed: Parsed) -> set[str]:
        """The words of a place the question names that is one of several of the project's and
        not in its title ("чешмата в Букак" of a network of fountains): they choose the sentence
        about that place, as a detail does; so do those of the one place asked of a title that
        lists them all ("осветление в с. Ветровица, с. Тихо поле и с. Пчеларци")."""
        facts, _ = self.book.of(number)
        located = [f.terms for f in facts if f.source == "locations"]
        if len(located) < 2:
            return set()
        title = next((f.terms for f in facts if f.source == "title"), frozenset())
        found: set[str] = set()
        listed: dict[str, set[str]] = {}
        for word in {w for place in parsed.places for w in place}:
            forms = {m.term for m in self.index.lookup(word)}
            if title.isdisjoint(forms):
                found.add(word)
            elif lists_places(title, forms, located):
                listed[word] = forms
        hit = {i for forms in listed.values() for i, t in enumerate(located) if forms & t}
        return found | set(listed) if len(hit) == 1 else found  # "between A and B": the whole

    def describes(self, number: int, word: str) -> bool:
        """True when the project's title or summary holds the word: it describes the project."""
        terms = {m.term for m in self.index.lookup(word)}
        facts, _ = self.book.of(number)
        return any(
            f.source in ("title", "summary") and not f.terms.isdisjoint(terms) for f in facts
        )

    def role_asked(self, number: int, word: str) -> bool:
        """True when a contact of the project holds the word, or the man's form of a woman's
        title ("библиотекарката": "библиотекар"): asked who, it names the role asked, not the
        project ("а библиотекарката как се казва" of the library van)."""
        forms = {word, *masculine(word)}
        facts, _ = self.book.of(number)
        return any(f.source == "contacts" and not f.terms.isdisjoint(forms) for f in facts)

    def lacking(self, cues: list[str], field: Reply) -> frozenset[str]:
        """The terms of the cue words that a topic's field does not say ("квартал" when the field
        names only the town): a sentence that says them adds what the question asks."""
        said = frozenset(indexed_terms(field.plain()))
        found: set[str] = set()
        for cue in cues:
            forms = {m.term for m in self.index.lookup(cue)} | set(GLOSSARY.translate([cue]))
            if forms and forms.isdisjoint(said):
                found |= forms
        return frozenset(found)

    def _weight(self, matches: dict[str, float], frequency: Counter[str], facts: int) -> float:
        if not matches:  # a word no record holds: a colloquial verb as often as a missing detail
            return UNKNOWN * self.index.max_idf
        term = max(matches, key=matches.__getitem__)
        idf = self.index.idf.get(term, self.index.max_idf / 2)
        return idf + math.log(1 + facts / max(frequency[term], 1))

    def search(
        self, number: int, parsed: Parsed, details: list[str], named: Iterable[str] = ()
    ) -> list[Found]:
        """The facts of the project, best first, for the question's details and answer type
        (named: the question's words that name the project, which only break ties)."""
        facts, frequency = self.book.of(number)
        own = self.numbers[number]  # the numbers of the project's names
        return self.rank(facts, frequency, parsed, details, self.index.vocabulary, named, own)

    def rank(
        self,
        facts: list[Fact],
        frequency: Counter[str],
        parsed: Parsed,
        details: list[str],
        words: Vocabulary,
        named: Iterable[str] = (),
        own: frozenset[str] = frozenset(),
    ) -> list[Found]:
        """Facts, best first, for the question's details and answer type (frequency: how many
        facts hold each term; words: the terms' vocabulary, for other endings and typos)."""

        def matched(word: str) -> dict[str, float]:
            found = {m.term: m.similarity for m in words.lookup(word)}
            # a synonym of the glossary holds the detail too ("човека": "жители"), and another
            # form of an event ("готови": "завършени")
            same = [*words.related(word), *GLOSSARY.translate([word]), *event_terms([word])]
            # asked who, a woman's title is the very word of the role ("библиотекарката":
            # "библиотекар"); asked anything else, "сметка" is no woman's "смет"
            roles = masculine(word) if parsed.answer == "person" else []
            return {**dict.fromkeys(same, RELATED), **found, **dict.fromkeys(roles, 1.0)}

        detail = [(m, self._weight(m, frequency, len(facts))) for m in map(matched, details)]
        # a verb says how, the nouns say what: when the question has a noun, a sentence that
        # holds it holds the detail, whether or not it uses the question's verb ("колко големи
        # кораби ще акостират" ~ "понтон за кораби с дължина до 135 метра")
        exacts = [  # the very words, and every form of an event named
            {word, *event_terms([word]), *(t for t, s in m.items() if s == 1.0)}
            for word, (m, _) in zip(details, detail, strict=True)
        ]
        nouns = [  # ... and the works ("преди ремонта") are the project's, no detail of it
            weight
            for w, (_, weight) in zip(details, detail, strict=True)
            if w not in parsed.verbs and w not in WORK_TERMS
        ]
        total = sum(nouns) if nouns else sum(weight for _, weight in detail)
        cues = [matched(c) for c in parsed.cues]
        # the thing counted is the same word, not one of its stem ("населението", "населени места")
        # (or, when no sentence counts the very word, a synonym: "колко деца": "47 ученици")
        counted = [{t: v for t, v in matched(c).items() if v == 1.0} for c in parsed.counted]
        if counted and not any(not f.counted.isdisjoint(m) for f in facts for m in counted):
            counted = [{**_synonyms(c), **m} for c, m in zip(parsed.counted, counted, strict=True)]
        # ... or, when none counts those either, a number of the measure a word of it names
        # ("how many people": "three librarians and two volunteers")
        people = counted_measures(parsed.counted, facts, counted)
        # the nouns asked beside the thing counted ("колко души ... на срещите"): a sentence
        # counting them ("шест срещи") and not the thing asked states another number
        beside_counted = frozenset(
            t
            for w, (m, _) in zip(details, detail, strict=True)
            if w not in parsed.verbs and w not in parsed.counted
            for t in m
        ) - frozenset(t for m in counted for t in m)
        naming = [matched(w) for w in named]
        wanted = ANSWER_KINDS.get(parsed.answer or "", set())
        every = frozenset().union(*(m for m, _ in detail))  # a fact with none of these holds none
        # a number of the kind asked is stated beside the thing asked ("2 ленти „магически
        # килим“ (по 60 м)"), not in another clause of a sentence that names it
        beside = Beside.of(parsed, details, detail, facts, measure_kinds(parsed))
        found = []
        linked = not LINK_ABOUT.isdisjoint(parsed.words)  # "сайт", "снимки", "map": a link
        asked = numbers_said(parsed.text) - own  # own: the numbers of the project's names
        for fact in facts:
            if fact.source == "links" and not linked:
                continue
            terms = fact.terms
            held = (
                sum(
                    w * max(s for t, s in m.items() if t in terms)
                    for m, w in detail
                    if not terms.isdisjoint(m)
                )
                if not terms.isdisjoint(every)
                else 0
            )
            if fact.about:  # a word only its heading says, the very word or another form of
                # the event it names ("откриването" under "Открихме екопътеката"): the fact's too
                held += HEADED * sum(
                    w
                    for word, (m, w), exact in zip(details, detail, exacts, strict=True)
                    if terms.isdisjoint(m) and not exact.isdisjoint(fact.about)
                )
            holds = held / total if total else 0.0  # above 1 when the verb is held too
            support = min(1.0, holds)
            if cues and (parsed.answer not in NUMBERS or wanted & fact.kinds):  # "колко голям":
                support += CUE_BONUS * min(2, sum(1 for m in cues if not terms.isdisjoint(m)))
            if parsed.yes_no and fact.source == "faq" and not fact.about.isdisjoint(every):
                support += ASKED_BONUS  # "може ли с малки деца": the staff's "Може ли с деца?"
            counts = bool(counted) and (
                any(not fact.counted.isdisjoint(m) for m in counted)
                or not people.isdisjoint(fact.measures)
            )
            support += COUNTED_BONUS if counts else 0.0
            # its number of the kind asked is another thing's (counting the thing asked, it is not)
            other = not counts and (
                beside.other(fact)
                or (bool(counted) and not beside_counted.isdisjoint(fact.counted))
            )
            score = support + min(VERB_TIE, holds - min(1.0, holds))
            score += SAID_BONUS if asked and says_number(asked, fact.texts) else 0.0
            if naming:
                share = sum(1 for m in naming if not terms.isdisjoint(m)) / len(naming)
                score += NAMED_BONUS * share
            if wanted & fact.kinds and not other:
                score += KIND_BONUS
            elif other:  # as good as a sentence stating no number of the kind asked
                score *= 0.5
            elif wanted and parsed.answer in NUMBERS and _other_number(fact):
                score += KIND_BONUS / 3
            elif parsed.answer == "person" and "person" in fact.kinds:
                score += KIND_BONUS / 6  # a capitalised word: a name, or a place's or a title's
            elif wanted:
                score *= 0.5
            if score > 0:
                found.append(Found(fact, score, support, counts))
        # of two as good, the sentence under a heading says more than the heading itself; a
        # measure of nothing beyond the project's name is the summary's, of the whole project
        # ("колко е дълга екопътеката": the trail's 9,6 км, not a bridge's 220 м)
        whole = not details and parsed.answer in WHOLE_MEASURES
        found.sort(
            key=lambda f: (
                -round(f.score, 6),
                whole and f.fact.source != "summary",
                _heading(f.fact),
                len(f.fact.text("bg")),
            )
        )
        return found

    @staticmethod
    def answers(fact: Fact, answer: str | None) -> bool:
        """True when the fact states the kind of thing asked (or nothing in particular is asked):
        a number of another unit may answer a question for a number ("112 л.м." how long)."""
        wanted = ANSWER_KINDS.get(answer or "")
        return (
            not wanted
            or bool(wanted & fact.kinds)
            or (answer in NUMBERS and _other_number(fact))
            or (answer == "person" and "person" in fact.kinds)
            or (answer == "place" and fact.source == "links")  # "къде да видя снимки": a page
        )


def measure_kinds(parsed: Parsed) -> frozenset[str]:
    """The kinds of numbers that answer the measure asked: its unit's alone when the question
    names the unit ("колко квадрата": "160 кв.м", not "8 доброволци")."""
    kinds = MEASURE_KINDS.get(parsed.answer or "", frozenset())
    named = parsed.answer in kinds and names_unit_of(parsed.words, parsed.answer or "")
    return frozenset({parsed.answer or ""}) if named else kinds


def lists_places(title: frozenset[str], forms: set[str], located: list[frozenset[str]]) -> bool:
    """True when a title lists every one of three or more places of the project, each by a word
    of its own ("в с. Ветровица, с. Тихо поле и с. Пчеларци"), and the place asked is one of
    them: the title names the whole, the place says which of the like works is asked about (two
    places are more often a road's or a pipe's two ends, which name the one work)."""
    if len(located) < 3 or sum(1 for terms in located if not terms.isdisjoint(forms)) != 1:
        return False
    for i, terms in enumerate(located):
        others = frozenset().union(*(t for j, t in enumerate(located) if j != i))
        if title.isdisjoint(terms - others):
            return False
    return True


def masculine(term: str) -> list[str]:
    """The term of the man's form of a woman's title or trade ("библиотекарка", "учителката",
    "кметицата": "библиотекар", "учител", "кмет"), which the record's roles use; [] for a
    term that is none."""
    for ending in _FEMININE:
        if term.endswith(ending) and len(term) - len(ending) >= 4:
            return [stem(term[: -len(ending)])]
    return []


def _synonyms(word: str) -> dict[str, float]:
    """The glossary's synonyms of a word in its language, as matches of a related word."""
    return dict.fromkeys(GLOSSARY.synonyms(word), RELATED)


def _heading(fact: Fact) -> bool:
    """True when the fact is an activity's title itself, not a sentence under it."""
    return (
        fact.source == "activities"
        and fact.heading is not None
        and fact.texts == dict(fact.heading.values())
    )


def _other_number(fact: Fact) -> bool:
    """True when the fact states a number that is no sum of money: of another unit, it may still
    answer how long or how many ("112 л.м.", "до 23:00"); an amount answers none of those."""
    return not fact.kinds.isdisjoint({"number", "time"}) and "money" not in fact.kinds


def states_field(fact: Fact, topic: str) -> bool:
    """True when the fact states what the topic's own field would (a date for the dates), or
    the topic's field gives no kind of thing in particular."""
    kinds = {
        kind
        for answer in FIELD_ANSWERS.get(topic, ())
        for kind in ANSWER_KINDS.get(answer, set()) | NAMES.get(answer, set())
    }
    return not kinds or not kinds.isdisjoint(fact.kinds)


def field_answers(topic: str | None, answer: str | None) -> bool:
    """True when a topic's own field gives the kind of answer asked."""
    return answer is None or answer in FIELD_ANSWERS.get(topic or "", set())
