"""Editions of one programme ("Грижа в дома 2019", "Грижа в дома 2"): the number in the question
decides between projects whose names it says."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.engine.index import project_names
from bot.engine.ranking import Candidate
from bot.knowledge import Project

_NUMBER = re.compile(r"\d+")
_WRITTEN = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?!\w|[.,]\d)")  # "2,8" whole; no "6" of "6te"
SAID_BONUS = 0.2  # a sentence that says the number the question names ("маршрут 2")
HOLDS = 1.5  # a project whose name holds the number asked
OTHER = 0.6  # a project whose name holds other numbers, but not the one asked


def name_numbers(project: Project) -> frozenset[str]:
    """The numbers of a project's title, short title and aliases ("2019–2020", "– 2")."""
    return frozenset(n for name in project_names(project) for n in _NUMBER.findall(name))


class NameNumbers(dict[int, frozenset[str]]):
    """The numbers of each project's names, by project number, worked out when first asked (no
    work at index time that grows with the number of projects)."""

    def __init__(self, projects: Sequence[Project]) -> None:
        super().__init__()
        self.projects = projects

    def __missing__(self, number: int) -> frozenset[str]:
        found = self[number] = name_numbers(self.projects[number])
        return found


class Editions:
    """The numbers each project's names hold (a year, an edition: "– 2", "2019–2020")."""

    def __init__(self, numbers: NameNumbers) -> None:
        """numbers: those of the projects' titles, short titles and aliases."""
        self.numbers = numbers

    def weigh(self, question: str, ranked: list[Candidate]) -> list[Candidate]:
        """The candidates named in words reweighed by the number the question says: the one whose
        name holds it counts more, one whose name holds only other numbers less."""
        asked = numbers_said(question)
        if not asked:
            return ranked
        named = [c for c in ranked if c.name_coverage > 0 and self.numbers[c.number]]
        if not any(asked & self.numbers[c.number] for c in named):
            return ranked
        factors = {c.number: HOLDS if asked & self.numbers[c.number] else OTHER for c in named}
        return [
            replace(
                c,
                score=c.score * factors[c.number],
                confidence=min(1.0, c.confidence * factors[c.number]),
            )
            if c.number in factors
            else c
            for c in ranked
        ]


def numbers_said(text: str) -> frozenset[str]:
    """The numbers a text says, each whole ("2,8" is no "2")."""
    return frozenset(_WRITTEN.findall(text))


def says_number(asked: frozenset[str], texts: dict[str, str]) -> bool:
    """True when a sentence says one of the numbers the question names ("маршрут 2: ... 31 км")."""
    return any(not asked.isdisjoint(numbers_said(text)) for text in texts.values())
