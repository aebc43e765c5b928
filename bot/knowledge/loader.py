"""Load and validate the knowledge/ folder into a KnowledgeBase, reporting every problem."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.knowledge.errors import translate
from bot.knowledge.model import QA, KnowledgeBase, Municipality, Project
from bot.knowledge.problems import KnowledgeError, Problem, Severity
from bot.knowledge.values import LANGUAGES, Text
from bot.knowledge.yamlsource import DataPath, Positions, read_yaml

PROJECT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YAML_SUFFIXES = (".yaml", ".yml")
_LANG_NAMES = {"bg": "Bulgarian", "en": "English"}


@dataclass
class LoadResult:
    """The knowledge base (None if any error) and every problem found."""

    knowledge: KnowledgeBase | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """Only the warnings."""
        return [p for p in self.problems if not p.is_error]


def display_path(path: Path) -> str:
    """The path as staff would type it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)


def _is_draft(path: Path, root: Path) -> bool:
    return any(part.startswith(("_", ".")) for part in path.relative_to(root).parts)


def _find(root: Path, stem: str) -> Path | None:
    for suffix in YAML_SUFFIXES:
        if (root / f"{stem}{suffix}").is_file():
            return root / f"{stem}{suffix}"
    return None


def _translation_warnings(
    value: Any, path: DataPath, file: str, positions: Positions
) -> list[Problem]:
    """A warning for every Text that lacks one of the bot's languages."""
    found: list[Problem] = []
    if isinstance(value, Text):
        for lang in LANGUAGES:
            if not value.has(lang):
                line, column = positions.of_value(path)
                found.append(
                    Problem(
                        file,
                        line,
                        column,
                        f"no {_LANG_NAMES[lang]} text: add '{lang}: ...' here "
                        "(until then the other language is shown)",
                        Severity.WARNING,
                    )
                )
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            key = info.alias if info.alias and not info.alias.startswith("__") else name
            found += _translation_warnings(getattr(value, name), (*path, key), file, positions)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            found += _translation_warnings(item, (*path, index), file, positions)
    return found


def _project_checks(project: Project, file: str, positions: Positions) -> list[Problem]:
    """Checks that need more than one field: dates in order, grant within total."""
    found = []
    period, budget = project.period, project.budget
    if period and period.start and period.end and period.end < period.start:
        line, column = positions.of_value(("period", "end"))
        found.append(
            Problem(
                file,
                line,
                column,
                f"the end date {period.end} is before the start "
                f"date {period.start}: check both dates",
            )
        )
    if (
        budget
        and budget.total is not None
        and budget.grant is not None
        and (budget.grant > budget.total)
    ):
        line, column = positions.of_value(("budget", "grant"))
        found.append(
            Problem(
                file,
                line,
                column,
                f"the grant {budget.grant} is larger than the "
                f"total {budget.total}: check both amounts",
            )
        )
    return found


class _Reader:
    """Reads every file of one knowledge folder, collecting problems."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def validate(
        self, file: Path, model: type[BaseModel], extra: dict[str, Any] | None = None
    ) -> tuple[Any, str, Positions] | None:
        name = display_path(file)
        document = read_yaml(file, name)
        self.problems += document.problems
        if document.data is None:
            return None
        data = document.data
        if model is QA:
            return self._validate_faq(data, name, document.positions)
        if not isinstance(data, dict):
            self.problems.append(
                Problem(
                    name,
                    1,
                    1,
                    "the file must be a set of fields "
                    "('title: ...', 'status: ...'), not a list or a text",
                )
            )
            return None
        try:
            value = model.model_validate({**data, **(extra or {})})
        except ValidationError as exc:
            self.problems += translate(model, exc, name, document.positions)
            return None
        self.problems += _translation_warnings(value, (), name, document.positions)
        return value, name, document.positions

    def _validate_faq(
        self, data: Any, name: str, positions: Positions
    ) -> tuple[Any, str, Positions] | None:
        base: tuple[str, ...]
        if isinstance(data, dict) and set(data) - {"__origin__"} == {"faq"}:
            data, base = data["faq"], ("faq",)
        else:
            base = ()
        if not isinstance(data, list):
            self.problems.append(
                Problem(
                    name,
                    1,
                    1,
                    "faq.yaml must be a list of questions: each item starts with '- questions:'",
                )
            )
            return None
        items, ok = [], True
        for index, entry in enumerate(data):
            try:
                items.append(QA.model_validate(entry))
            except ValidationError as exc:
                ok = False
                self.problems += translate(QA, exc, name, positions, (*base, index))
        if not ok:
            return None
        faq = tuple(items)
        self.problems += _translation_warnings(faq, base, name, positions)
        return faq, name, positions

    def projects(self) -> list[Project]:
        folder = self.root / "projects"
        if not folder.is_dir():
            return []
        seen: dict[str, str] = {}
        projects = []
        files = sorted(p for p in folder.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())
        for file in files:
            if _is_draft(file, folder):
                continue
            name, project_id = display_path(file), file.stem
            if not PROJECT_ID.match(project_id):
                suggestion = re.sub(r"[^a-z0-9]+", "-", project_id.lower()).strip("-") or "project"
                self.problems.append(
                    Problem(
                        name,
                        1,
                        1,
                        f"the file name '{file.name}' is not a "
                        "valid project id: use lowercase a-z, 0-9 and '-', "
                        f"e.g. rename it to {suggestion}.yaml",
                    )
                )
                continue
            if project_id in seen:
                self.problems.append(
                    Problem(
                        name,
                        1,
                        1,
                        f"the project id '{project_id}' is used "
                        f"twice (also {seen[project_id]}): rename one file",
                    )
                )
                continue
            seen[project_id] = name
            result = self.validate(file, Project, {"__id__": project_id})
            if result:
                project, name, positions = result
                self.problems += _project_checks(project, name, positions)
                projects.append(project)
        return projects


def load_knowledge(root: Path) -> LoadResult:
    """Load the knowledge folder; the result holds no knowledge base if there is any error."""
    reader = _Reader(root)
    if not root.is_dir():
        message = "the knowledge folder does not exist: create it or point --knowledge at it"
        return LoadResult(None, [Problem(display_path(root), 1, 1, message)])
    municipality_file = _find(root, "municipality")
    municipality = None
    if municipality_file is None:
        reader.problems.append(
            Problem(
                display_path(root / "municipality.yaml"),
                1,
                1,
                "the file is missing: create it with at least 'name' and 'website'",
            )
        )
    else:
        result = reader.validate(municipality_file, Municipality)
        municipality = result[0] if result else None
    faq: tuple[QA, ...] = ()
    faq_file = _find(root, "faq")
    if faq_file is not None:
        result = reader.validate(faq_file, QA)
        faq = result[0] if result else ()
    projects = reader.projects()
    problems = sorted(reader.problems, key=lambda p: (p.file, p.line, p.column))
    if municipality is None or any(p.is_error for p in problems):
        return LoadResult(None, problems)
    return LoadResult(KnowledgeBase(municipality, tuple(projects), faq), problems)


def load_or_raise(root: Path) -> KnowledgeBase:
    """Load the knowledge folder or raise KnowledgeError with every problem."""
    result = load_knowledge(root)
    if result.knowledge is None:
        raise KnowledgeError(result.problems)
    return result.knowledge
