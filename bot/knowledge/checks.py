"""Checks of values that passed validation: translations, quotes, and facts that disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bot.knowledge import agreement
from bot.knowledge.agreement import budget_finding, phone_finding, status_findings
from bot.knowledge.model import Project
from bot.knowledge.problems import Problem, Severity
from bot.knowledge.values import Text, text_findings
from bot.knowledge.yamlsource import CHECKED
from bot.knowledge.yamltree import DataPath, Positions

_LANG_NAMES = {"bg": "Bulgarian", "en": "English"}


def _text_warnings(text: Text, path: DataPath, positions: Positions) -> list[tuple[Any, str]]:
    """(position, message) for a Text that lacks a language, has another one, or curly quotes."""
    found: list[tuple[Any, str]] = []
    for finding, lang in text_findings(text):
        if finding == "missing":
            found.append(
                (
                    positions.of_value(path),
                    f"no {_LANG_NAMES[lang]} text: add '{lang}: ...' here "
                    "(until then the other language is shown)",
                )
            )
        elif finding == "unshown":
            found.append(
                (
                    positions.of_key((*path, lang)),
                    f"the bot speaks only bg and en: the '{lang}' text is never shown",
                )
            )
        elif finding == "alone":
            found.append(
                (
                    positions.of_key((*path, lang)),
                    f"no 'bg:' or 'en:' text here: the bot shows the '{lang}' text to everyone "
                    "until you add them",
                )
            )
        else:
            version = dict(text.values())[lang]
            found.append(
                (
                    positions.of_value((*path, lang) if lang != "*" else path),
                    f"the text is wrapped in typographic quotes {version[0]}{version[-1]}, which "
                    "the bot shows as part of it; if you meant YAML quotes, type straight "
                    'double quotes "…"',
                )
            )
    return found


def value_warnings(value: Any, path: DataPath, file: str, positions: Positions) -> list[Problem]:
    """A warning for every Text (anywhere below value) that staff should look at again."""
    found: list[Problem] = []
    if isinstance(value, Text):
        for (line, column), message in _text_warnings(value, path, positions):
            found.append(Problem(file, line, column, message, Severity.WARNING))
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if info.alias and info.alias.startswith("__"):
                continue
            if name == "phones":
                found += _phone_warnings(getattr(value, name), (*path, name), file, positions)
            found += value_warnings(getattr(value, name), (*path, name), file, positions)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            found += value_warnings(item, (*path, index), file, positions)
    return found


def _phone_warnings(
    phones: tuple[str, ...], path: DataPath, file: str, positions: Positions
) -> list[Problem]:
    """A warning for every item of a phones list that holds more than one number."""
    found = []
    for index, phone in enumerate(phones):
        message = phone_finding(phone)
        if message is not None:
            line, column = positions.of_value((*path, index))
            found.append(Problem(file, line, column, message, Severity.WARNING))
    return found


def doubtful_phones(value: Any) -> bool:
    """True when a phone of value (a project or the municipality) or of its contacts holds
    more than one number."""
    contacts = getattr(value, "contacts", ())
    phones = [*getattr(value, "phones", ()), *(p for c in contacts for p in c.phones)]
    return any(phone_finding(phone) is not None for phone in phones)


def _months_between(start: dt.date, end: dt.date) -> float:
    """Calendar months from start to end (13.11.2013 to 13.11.2014 is 12)."""
    return (end.year - start.year) * 12 + end.month - start.month + (end.day - start.day) / 30


def project_checks(
    project: Project, file: str, positions: Positions, today: dt.date | None = None
) -> list[Problem]:
    """Facts that need more than one field: dates in order, months, grant within total, the
    three amounts adding up, a status the dates (and today) contradict."""
    found = []
    period, budget = project.period, project.budget

    def add(path: DataPath, message: str, severity: Severity = Severity.ERROR) -> None:
        found.append(Problem(file, *positions.of_value(path), message, severity))

    if period and period.start and period.end:
        if period.end < period.start:
            add(
                ("period", "end"),
                f"the end date {period.end} is before the start "
                f"date {period.start}: check both dates",
            )
        elif period.months and abs(_months_between(period.start, period.end) - period.months) >= 1:
            spans = round(_months_between(period.start, period.end))
            add(
                ("period", "months"),
                f"months: {period.months} does not match {period.start} to {period.end} "
                f"(about {spans} months); check the source: correct the dates or the months, "
                "or, if the source really says so, add '# checked' at the end of this line",
                Severity.WARNING,
            )
    first_given: dict[str, int] = {}
    for index, item in enumerate(project.news):
        if item.id is None:
            continue
        if item.id in first_given:
            line = positions.of_value(("news", first_given[item.id], "id"))[0]
            add(
                ("news", index, "id"),
                f"the news id '{item.id}' is already given on line {line}: each news item "
                "needs an id of its own (its announcement is sent once per id)",
            )
        else:
            first_given[item.id] = index
    for name in ("total", "grant", "own_contribution") if budget else ():
        amount = getattr(budget, name)
        if amount is not None and amount.as_tuple().exponent == -3:  # no price has 3 decimals
            meant = f"{amount * 1000:.0f}"
            add(
                ("budget", name),
                f"the amount {amount} has three digits after the dot, which no price has; if "
                f"you meant {meant}, write {meant} (no dot between thousands)",
                Severity.WARNING,
            )
    total, grant = (budget.total, budget.grant) if budget else (None, None)
    if total is not None and grant is not None and grant > total:
        add(
            ("budget", "grant"),
            f"the grant {grant} is larger than the total {total}: check both amounts",
        )
    elif (added := budget_finding(budget)) is not None:
        add(("budget", "total"), added, Severity.WARNING)
    today = today or agreement.today()
    if today and not (period and period.start and period.end and period.end < period.start):
        for message in status_findings(project.status, period, today):
            add(("status",), message, Severity.WARNING)
    return found


def _alias_place(file: str, alias: str) -> tuple[int, int, bool]:
    """The line and column where a project file writes an alias (1, 1 when it cannot be read),
    and whether staff marked that line '# checked'."""
    try:
        lines = Path(file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1, 1, False
    start = next((n for n, line in enumerate(lines) if line.lstrip().startswith("aliases")), 0)
    for number, line in enumerate(lines[start:], start=start + 1):
        if alias in line:
            return number, line.index(alias) + 1, bool(CHECKED.search(line))
    return 1, 1, False


def alias_problems(projects: Sequence[Project]) -> tuple[list[Problem], list[Problem]]:
    """A warning for an alias given to two projects (a question with it cannot tell them apart),
    and those set aside on a line marked '# checked'."""
    first: dict[str, Project] = {}
    problems: list[Problem] = []
    checked: list[Problem] = []
    for project in projects:
        for alias in project.aliases:
            other = first.setdefault(" ".join(alias.casefold().split()), project)
            if other is project:
                continue
            line, column, marked = _alias_place(project.origin.file, alias)
            message = (
                f"the alias '{alias}' is also one of the project '{other.id}': a question with "
                "it cannot tell the two apart; keep it in one of them, or, if both really go by "
                "it, add '# checked' at the end of this line"
            )
            found = Problem(project.origin.file, line, column, message, Severity.WARNING)
            (checked if marked else problems).append(found)
    return problems, checked
