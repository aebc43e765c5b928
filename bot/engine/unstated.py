"""What a record says it does not know: asked for a field the record lacks ("колко струва"
of a project with no budget), the record's own sentence "стойността ... не са публикувани"
answers first, before the stock "not in our data"."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from bot.engine.events import COMPLETION, event_terms
from bot.engine.facts import Fact
from bot.engine.lexicon import FIELD_NAMES, STATED_ONLY, UNSTATED_NEGATIONS, UNSTATED_WORDS
from bot.engine.normalize import surface_words, terms
from bot.engine.parsed import Parsed
from bot.engine.replies import MAYORS
from bot.knowledge import Project

_NEGATIONS = frozenset(UNSTATED_NEGATIONS)
_PARTIES = frozenset({"contractors", "partners"})
_WORD = re.compile(r"[^\W_]+")
_WORDS = frozenset(UNSTATED_WORDS)
_NAMES = {
    topic: frozenset(term for word in words for term in terms(word))
    for topic, words in FIELD_NAMES.items()
}

# A bracketed aside or a sentence of its own says what it does not know apart from the rest:
# "хора в нужда, които не могат сами ... (целевите групи не са публикувани)" leaves the groups
# unstated, not a sum ("сами" folds like "сума").
_CLAUSES = re.compile(r"[()\[\];]|(?<=[.!?])\s+")

_STATED_ONLY = [
    frozenset(term for word in words for term in terms(word)) for words in STATED_ONLY.values()
]


def never_stated(parsed: Parsed, facts: Sequence[Fact]) -> bool:
    """True when the question asks a detail only a record's own words answer and no sentence of
    the record (facts) says it: a wage ("каква заплата взима докторът"), or the mayor of the
    village asked ("кой е кметът на X" of a project there whose sentences name none of it)."""
    words = set(parsed.words)
    asked = [group for group in _STATED_ONLY if not words.isdisjoint(group)]
    if any(all(group.isdisjoint(fact.terms) for fact in facts) for group in asked):
        return True
    village = {w for place in parsed.places for w in place}
    if parsed.answer != "person" or parsed.home or not village or words.isdisjoint(MAYORS):
        return False
    return not any(_names_mayor(fact) and village <= fact.terms | fact.about for fact in facts)


def _names_mayor(fact: Fact) -> bool:
    """True when a sentence names a mayor in its own language: an English "major" folds like
    "mayor", so a sentence with a Bulgarian text is read in Bulgarian only."""
    text = fact.texts.get("bg") or " ".join(fact.texts.values())
    return not MAYORS.isdisjoint(terms(text))


def says_unstated(text: str) -> bool:
    """True when a sentence says that something is not published or not known."""
    words = set(surface_words(text.lower()))
    return not words.isdisjoint(_NEGATIONS) and not words.isdisjoint(_WORDS)


def field_lacking(project: Project, topic: str, missing: bool, words: list[str]) -> bool:
    """True when the topic's field is missing; when the places are asked (a record's places may
    be coarser than the route or the streets asked); or, asked when the works end (the
    question's words), when the dates give no end of works that go on."""
    if missing or topic == "location":
        return True
    if topic != "dates" or project.status == "completed" or (project.period and project.period.end):
        return False
    return not COMPLETION.isdisjoint(event_terms(words))


def asks_field(words: Collection[str], topic: str) -> bool:
    """True when the words name the topic's field ("фирма", "изпълнител": the contractors)."""
    return not _NAMES.get(topic, frozenset()).isdisjoint(words)


def declines_lacking(
    topic: str, parsed: Parsed, details: Collection[str], lacking: bool, timed: bool
) -> bool | None:
    """Whether the field asked leaves the question unanswered when no sentence answers, so that
    the reply declines naming the project and no other fact: True (the field's own "not in our
    data") for the firm asked ("коя фирма строи пътя") of a record naming no contractor
    (lacking: the field is empty and no sentence says so); False (our data does not answer) for
    the cost of a part or a place (details: the question's words beyond the project's name;
    "колко струва фитнесът в Лозен") of a record with no budget, or for a clock time ("what time
    is the lunch delivered") of a record that states none (timed: the field or a sentence may);
    None when the field answers, as its "not in our data" answers "колко струва" the project."""
    if parsed.answer == "time" and not timed:
        return False
    if lacking and topic == "contractors" and asks_field(parsed.words, topic):
        return True
    return False if lacking and topic == "budget" and details else None


def other_party(facts: Sequence[Fact], details: Collection[str], text: str) -> bool:
    """True when the question's details (its words beyond the project's name), one written with
    a capital after the first word (text: the question), are all in a party the record names as
    a contractor or partner and in none of its contacts ("the phone number of NIKO 96"): the
    contacts it gives are not that party's ("номера на дежурния" is no name)."""
    said = set(details)
    capitals = {t for word in _WORD.findall(text)[1:] if word[0].isupper() for t in terms(word)}
    named = not capitals.isdisjoint(said) and any(
        f.source in _PARTIES and said <= f.terms for f in facts
    )
    return named and all(f.source != "contacts" or said.isdisjoint(f.terms) for f in facts)


def says_unstated_of(text: str, names: frozenset[str]) -> bool:
    """True when a clause of the sentence names a field of names and says it is not published
    or not known."""
    return any(
        says_unstated(clause) and not names.isdisjoint(terms(clause))
        for clause in _CLAUSES.split(text)
    )


def unstated(facts: Sequence[Fact], topic: str) -> list[Fact]:
    """The sentences of a record that say the topic's field is not published or known."""
    names = _NAMES.get(topic, frozenset())
    return [
        fact
        for fact in facts
        if not names.isdisjoint(fact.terms)
        and any(says_unstated_of(text, names) for text in fact.texts.values())
    ]
