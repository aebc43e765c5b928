"""A thing asked that a project's record never names: its sentences cannot answer the question."""

from __future__ import annotations

from collections.abc import Collection

from bot.engine.beside import names_unit
from bot.engine.detail import DetailFinder
from bot.engine.lexicon import PROJECT_NOUNS, SEASONS, STAFF_ROLES, WEEKDAYS
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.progress import asks_hours
from bot.engine.subject import WORK_TERMS

_TIMES = frozenset(t for word in (*WEEKDAYS, *SEASONS) for t in terms(word))  # when, no thing
_STAFF = {
    t: frozenset(t for w in words for t in terms(w))
    for words in STAFF_ROLES.values()
    for w in words
    for t in terms(w)
}
_PROJECT = frozenset(t for word in PROJECT_NOUNS for t in terms(word))
_ROLES = frozenset(_STAFF.values())
THING_LENGTH = 6  # a stem this long names a thing; shorter ones are "нов", "дни", "главен"


def names_absent(parsed: Parsed, details: DetailFinder, number: int, lang: str) -> bool:
    """True when the question names project number and one thing more, a word some other record
    holds as it is but this one's never does ("водопровод" asked of the canal at the village
    named, "часовник" of the fortress): none of the project's sentences speaks of the thing
    asked. Not when the hours it states are asked ("is the cave open in winter"), nor of an
    English question (a record's English words are fewer than its Bulgarian ones)."""
    if lang != "bg" or parsed.answer not in ("date", "length"):
        return False  # "може ли с количката": a yes or no may be inferred
    naming = details.naming(number, parsed.content)
    skip = parsed.verbs | parsed.guessed | WORK_TERMS | _TIMES
    rest = [w for w in parsed.content if w not in skip and not w.isdigit() and w not in naming]
    if (
        len(rest) != 1
        or len(rest[0]) < THING_LENGTH
        or not naming
        or names_unit(rest[0], parsed.answer)
        or rest[0] in {*parsed.counted, *parsed.priced}
    ):
        return False
    matches = details.index.lookup(rest[0])
    if not any(m.term == rest[0] for m in matches):  # no other word's form, nor a typo of it
        return False
    if any(number in details.index.postings[m.term] for m in matches):
        return False
    return not asks_hours(parsed, details.book.of(number)[0])


def staff_absent(parsed: Parsed, details: DetailFinder, number: int) -> bool:
    """True when who is asked by a role of a place's staff (lexicon staff_roles) that project
    number's record never names in any of the role's words ("кой е шофьорът на училищния
    автобус" of a school project, "who is the director of the cement plant" of a bypass): its
    names and contacts are other people's. Not of the project's own people ("ръководителят на
    проекта")."""
    if not (parsed.who or parsed.answer == "person") or not _PROJECT.isdisjoint(parsed.words):
        return False
    roles = [_STAFF[w] for w in parsed.words if w in _STAFF]
    postings = details.index.postings  # the very word: "director" is no "directly"
    return bool(roles) and not any(number in postings.get(t, ()) for r in roles for t in r)


def unwritten_roles(known: Collection[str]) -> frozenset[str]:
    """The terms of the staff roles (lexicon staff_roles) of which the base (known) writes no
    form: asked, such a word is the role, never a typo of a base word ("лекар" is no "лека")."""
    return frozenset(t for role in _ROLES if role.isdisjoint(known) for t in role)


def unsaid(parsed: Parsed, details: DetailFinder, number: int, lang: str) -> bool:
    """True when the question asks of project number what its record never speaks of: a thing
    it never names, a role of a place's staff."""
    return names_absent(parsed, details, number, lang) or staff_absent(parsed, details, number)
