"""Projects ranked by their budgets ("кои проекти са най-скъпи") or by the first dates their
records give ("кои са най-новите проекти"), and how many a question asks for."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable

from bot.engine.compose import first_dated, in_leva
from bot.engine.lexicon import (
    DATE_RANK_BARE,
    LIST_VERBS,
    NEWS_NOUNS,
    NUMERALS,
    PROJECT_PLURALS,
    STATUS_WORDS,
    WHICH_WORDS,
)
from bot.engine.normalize import surface_words, terms
from bot.engine.parsed import Parsed
from bot.knowledge import Project

RANKED = 5  # projects shown in a ranking (unless the question asks for another number)
BY_DATE = frozenset({"newest", "oldest"})
_HOW_MANY = re.compile(r"(?<![\d.,])(\d{1,2})(?:-?(?:те|та|а))?(?![\d.,])")
_PLURALS = frozenset(PROJECT_PLURALS)
_LISTING = frozenset(LIST_VERBS)
_NEWS = frozenset(NEWS_NOUNS)
_WHICH = frozenset(WHICH_WORDS) - {"what"}  # "what is done" may ask of the project
_PLURAL_ENDINGS = ("ите", "ite")  # "най-евтините", "nai-skapite": the plural superlative
BARE_TERMS = frozenset(  # "стари" of "двата най-стари": the ranking, no subject
    t for phrases in DATE_RANK_BARE.values() for p in phrases for t in terms(p)
)
_BARE_STEMS = frozenset(  # "най", "new", "old": a text without one asks no bare ranking
    p[:3] for phrases in DATE_RANK_BARE.values() for p in phrases
)
_BARE = {
    rank: tuple(tuple(surface_words(p)) for p in phrases)
    for rank, phrases in DATE_RANK_BARE.items()
}


def how_many(text: str) -> int | None:
    """The number of projects a ranking asks for, in figures or in words ("3-те", "двата")."""
    figures = _HOW_MANY.search(text)
    if figures:
        return int(figures.group(1))
    for word in surface_words(text.lower()):
        bare = word[:-2] if word[-2:] in ("та", "те") and word[:-2] in NUMERALS else word
        if bare in NUMERALS and NUMERALS[bare] > 1:  # "един" is no number of projects
            return NUMERALS[bare]
    return None


def shown(text: str) -> int:
    """How many projects a ranking shows: the number asked (up to twice RANKED), else RANKED."""
    many = how_many(text)
    return many if many and 0 < many <= RANKED * 2 else RANKED


def several(rank: str | None, text: str) -> bool:
    """True for a ranking of several projects ("кои са 3-те най-скъпи проекта", "най-новите
    проекти"): a question about no one project, not even the one talked about."""
    if not rank:  # asked of every question: most rank nothing
        return False
    words = surface_words(text.lower())
    plural = any(  # "най-евтините" is written as two words, "най" and "евтините"
        most in ("най", "nai") and word.endswith(_PLURAL_ENDINGS)
        for most, word in itertools.pairwise(words)
    )
    return plural or not _PLURALS.isdisjoint(words) or how_many(text) is not None


def bare_date_rank(text: str) -> str | None:
    """ "newest" or "oldest" for a ranking by date asked without the noun ("2-та най-нови",
    "покажи двата най-стари"): with a number of projects or a verb of listing, and no news."""
    lowered = text.lower()
    if not any(stem in lowered for stem in _BARE_STEMS):  # asked of every question: most rank
        return None  # nothing
    words = surface_words(lowered)
    if not _NEWS.isdisjoint(words) or (how_many(text) is None and _LISTING.isdisjoint(words)):
        return None
    for rank, phrases in _BARE.items():
        if any(_holds(words, phrase) for phrase in phrases):
            return rank
    return None


def _holds(words: list[str], phrase: tuple[str, ...]) -> bool:
    """True when the words hold the phrase's words one after another."""
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def listed_anew(parsed: Parsed) -> bool:
    """True for projects asked by status with the plural "which" ("кои са завършени", "which
    are completed"): a list, never the project talked about ("завършен ли е" is)."""
    if not (parsed.status and parsed.filters_only):
        return False
    words = surface_words(parsed.text.lower())
    return bool(words) and words[0] in _WHICH


def ranked(projects: Iterable[Project], rank: str) -> list[Project]:
    """The projects that state what rank orders them by, in its order (the newest: planned ones
    with no date yet first)."""
    if rank in BY_DATE:
        upcoming = rank == "newest"
        dated = [p for p in projects if first_dated(p) or (upcoming and p.status == "planned")]
        order = sorted(dated, key=_first_date)
    else:
        order = sorted((p for p in projects if p.budget and p.budget.total), key=in_leva)
    return order[::-1] if rank in ("newest", "most") else order


def _first_date(project: Project) -> dt.date:
    """The first date a project's record gives, for ranking projects by it (none: the latest)."""
    dated = first_dated(project)
    return dated[1] if dated else dt.date.max


_STATUS_TERMS = frozenset(t for words in STATUS_WORDS.values() for w in words for t in terms(w))


def by_status(parsed: Parsed) -> bool:
    """True when a list question's own words are its status alone ("кои проекти са в
    изпълнение"): no general FAQ entry answers it by the status's words."""
    asked = {w for i, w in enumerate(parsed.words) if i not in parsed.quiet}
    return bool(asked) and asked <= _STATUS_TERMS


def entry_set_aside(project: str | None, parsed: Parsed, told_whole: bool) -> bool:
    """Whether a FAQ entry found gives way: to the project named whole ("The Botev school yard -
    when was it opened?" is no general "when are you open"), and to a list asked ("кои проекти
    са за деца": not one project's entry; "кои проекти са в изпълнение": not a general entry
    found by the filter's words)."""
    if project is None and told_whole:
        return True
    return "list" in parsed.intents and bool(project or by_status(parsed) or parsed.filters_only)
