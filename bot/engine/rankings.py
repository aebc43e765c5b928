"""Projects ranked by their budgets ("кои проекти са най-скъпи") or by the first dates their
records give ("кои са най-новите проекти"), and how many a question asks for."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from bot.engine.compose import first_dated, in_leva
from bot.engine.lexicon import NUMERALS, PROJECT_PLURALS
from bot.engine.normalize import surface_words
from bot.knowledge import Project

RANKED = 5  # projects shown in a ranking (unless the question asks for another number)
BY_DATE = frozenset({"newest", "oldest"})
_HOW_MANY = re.compile(r"(?<![\d.,])(\d{1,2})(?:-?(?:те|та|а))?(?![\d.,])")
_PLURALS = frozenset(PROJECT_PLURALS)


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
    return not _PLURALS.isdisjoint(surface_words(text)) or how_many(text) is not None


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
