"""Load and validate the knowledge/ folder into a KnowledgeBase, reporting every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.knowledge.checks import project_checks, value_warnings
from bot.knowledge.errors import translate
from bot.knowledge.files import display_path, find_root_file, id_of, project_files, root_problems
from bot.knowledge.model import QA, KnowledgeBase, Municipality, Project
from bot.knowledge.problems import KnowledgeError, Problem
from bot.knowledge.yamlsource import YamlDocument, read_yaml
from bot.knowledge.yamltree import Positions


@dataclass
class LoadResult:
    """The knowledge base (None if any error) and every problem found."""

    knowledge: KnowledgeBase | None
    problems: list[Problem] = field(default_factory=list)
    checked: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """Only the warnings."""
        return [p for p in self.problems if not p.is_error]


class _Reader:
    """Reads every file of one knowledge folder, collecting problems."""

    def __init__(self, root: Path, drafts: bool) -> None:
        self.root = root
        self.drafts = drafts
        self.problems: list[Problem] = []
        self.checked: list[Problem] = []

    def _report(self, found: list[Problem], document: YamlDocument) -> None:
        """Keep found, setting aside the warnings on lines that staff marked '# checked'."""
        for problem in found:
            if not problem.is_error and problem.line in document.checked_lines:
                self.checked.append(problem)
            else:
                self.problems.append(problem)

    def validate(
        self, file: Path, model: type[BaseModel], extra: dict[str, Any] | None = None
    ) -> Any:
        """The validated content of one file, or None (its problems are recorded)."""
        name = display_path(file)
        document = read_yaml(file, name)
        self.problems += document.problems
        data, positions = document.data, document.positions
        if data is None:
            return None
        base: tuple[str, ...] = ()
        if model is QA and isinstance(data, dict) and set(data) - {"__origin__"} == {"faq"}:
            data, base = data["faq"], ("faq",)
        expected = list if model is QA else dict
        if not isinstance(data, expected):
            message = (
                "faq.yaml must be a list of questions: each item starts with '- questions:'"
                if model is QA
                else "the file must be a set of fields ('title: ...', 'status: ...'), "
                "not a list or a text"
            )
            self.problems.append(Problem(name, 1, 1, message))
            return None
        value: Any
        if isinstance(data, list):
            value = self._faq_items(data, name, positions, base)
        else:
            try:
                value = model.model_validate({**data, **(extra or {})})
            except ValidationError as exc:
                self.problems += translate(model, exc, name, positions)
                return None
        if value is None:
            return None
        found = value_warnings(value, base, name, positions)
        if isinstance(value, Project):
            found += project_checks(value, name, positions)
        self._report(found, document)
        return value

    def _faq_items(
        self, data: list[Any], name: str, positions: Positions, base: tuple[str, ...]
    ) -> tuple[QA, ...] | None:
        """Every question of a faq list, or None when any is invalid (all are reported)."""
        items, ok = [], True
        for index, entry in enumerate(data):
            try:
                items.append(QA.model_validate(entry))
            except ValidationError as exc:
                ok = False
                self.problems += translate(QA, exc, name, positions, (*base, index))
        return tuple(items) if ok else None

    def projects(self) -> list[Project]:
        files, problems = project_files(self.root, self.drafts)
        self.problems += problems
        seen: dict[str, str] = {}
        projects = []
        for file in files:
            name, project_id = display_path(file), id_of(file)
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
            project = self.validate(file, Project, {"__id__": project_id})
            if project is not None:
                projects.append(project)
        return projects


def load_knowledge(root: Path, drafts: bool = False) -> LoadResult:
    """Load the knowledge folder (drafts too, if asked, as if they were published); the result
    holds no knowledge base if there is any error."""
    reader = _Reader(root, drafts)
    if not root.is_dir():
        message = "the knowledge folder does not exist: create it or point --knowledge at it"
        return LoadResult(None, [Problem(display_path(root), 1, 1, message)])
    reader.problems += root_problems(root)
    municipality_file = find_root_file(root, "municipality")
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
        municipality = reader.validate(municipality_file, Municipality)
    faq_file = find_root_file(root, "faq")
    faq = (reader.validate(faq_file, QA) if faq_file else None) or ()
    projects = reader.projects()
    problems = sorted(reader.problems, key=lambda p: (p.file, p.line, p.column))
    if municipality is None or any(p.is_error for p in problems):
        return LoadResult(None, problems, reader.checked)
    knowledge = KnowledgeBase(municipality, tuple(projects), faq)
    return LoadResult(knowledge, problems, reader.checked)


def load_or_raise(root: Path) -> KnowledgeBase:
    """Load the knowledge folder or raise KnowledgeError with every problem."""
    result = load_knowledge(root)
    if result.knowledge is None:
        raise KnowledgeError(result.problems)
    return result.knowledge
