"""Since when a thing is as it is: "от коя година е сградата", "от коя година са изсипвали
боклука там", "since when does the yard work". The project's own dates say when the works were
done; a sentence that says "от 1972 г." / "since 1976" beside a thing the question names (not
the works) says since when that thing is, and answers first. Until what year ("до коя година ще го
има"), when the project states no end date: a sentence that gives a year as an end ("до 2027 г.",
"(2021–2027)") answers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.engine.detail import Found
from bot.engine.facts import Fact
from bot.engine.lexicon import SINCE_ASKED, SINCE_WORDS, UNTIL_ASKED, UNTIL_WORDS
from bot.engine.normalize import to_latin
from bot.knowledge import Project

_ASKED = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in SINCE_ASKED) + r")\b")
# "от 1972 г.", "от 2 април 2024 г.", "since 1976", "from 1976"
_SINCE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in SINCE_WORDS) + r")\s+(?:\d{1,2}\s+\w+\s+)?"
    r"(?:19|20)\d\d\b",
    re.IGNORECASE,
)


_UNTIL_ASKED = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in UNTIL_ASKED) + r")\b")
# "до 2027 г.", "until 2027", and the end of a span of years: "(2021–2027)", "2021-2027 г."
_UNTIL = re.compile(
    r"(?:(?<!\w)(?:" + "|".join(re.escape(w) for w in UNTIL_WORDS) + r")\s+|"
    r"\b(?:19|20)\d\d\s?[–—-]\s?)(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def asks_since(text: str) -> bool:
    """True when a question asks since when ("от коя година", "since when")."""
    return bool(_ASKED.search(to_latin(text)))


def states_since(fact: Fact) -> bool:
    """True when a sentence says since when, by a year ("от 1972 г.", "since 1976")."""
    return any(_SINCE.search(text) for text in fact.texts.values())


def since_dated(found: list[Found], things: Iterable[frozenset[str]]) -> list[Found]:
    """The sentences found that say since when and hold one of the things asked (each the
    terms a question's noun matches)."""
    asked = [forms for forms in things if forms]
    return [
        item
        for item in found
        if states_since(item.fact) and any(not item.fact.terms.isdisjoint(f) for f in asked)
    ]


def asks_until(text: str) -> bool:
    """True when a question asks until what year ("до коя година", "until what year")."""
    return bool(_UNTIL_ASKED.search(to_latin(text)))


def until_dated(facts: Iterable[Fact]) -> list[Found]:
    """The sentences that give a year as an end ("до 2027 г.", "(2021–2027)"), in order."""
    return [Found(fact, 1.0, 1.0) for fact in facts if any(map(_UNTIL.search, fact.texts.values()))]


def ended(project: Project) -> bool:
    """True when the project states its end date."""
    return bool(project.period and project.period.end)
