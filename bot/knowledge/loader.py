"""Load and validate the knowledge/ folder into a KnowledgeBase, reporting every problem."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bot.knowledge.checks import alias_problems
from bot.knowledge.filecache import CachedReads, FileCache, Job
from bot.knowledge.files import (
    PROJECT_ID,
    display_path,
    display_paths,
    find_root_file,
    id_of,
    project_files,
    root_problems,
    suggested_id,
)
from bot.knowledge.model import QA, KnowledgeBase, Municipality, Project
from bot.knowledge.problems import KnowledgeError, Problem
from bot.knowledge.reading import FileResult, read_file


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

    def __init__(self, root: Path, drafts: bool, cache: FileCache | None) -> None:
        self.root = root
        self.drafts = drafts
        self.reads = CachedReads(cache)
        self.problems: list[Problem] = []
        self.checked: list[Problem] = []

    def validate(self, file: Path, model: type[BaseModel]) -> Any:
        """The validated content of one file, or None (its problems are recorded)."""
        [value] = self._read([_job(file, display_path(file), model)])
        return value

    def _read(self, jobs: list[Job]) -> list[Any]:
        """The validated content of each file (None where invalid); problems are recorded."""
        values = []
        for result in self.reads.results(jobs):
            self.problems += result.problems
            self.checked += result.checked
            values.append(result.value)
        return values

    def projects(self) -> list[Project]:
        files, problems = project_files(self.root, self.drafts)
        self.problems += problems
        seen: dict[str, str] = {}
        jobs = []
        for file, name in zip(files, display_paths(files), strict=True):
            project_id = id_of(file)
            if not PROJECT_ID.match(project_id):  # 'new_park.yaml', told: read as its new name
                project_id = suggested_id(project_id)
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
            jobs.append(_job(file, name, Project, {"__id__": project_id}))
        return [project for project in self._read(jobs) if project is not None]


def _job(file: Path, name: str, model: type[BaseModel], extra: dict[str, Any] | None = None) -> Job:
    """Reading file (shown as name) as model, with extra fields."""
    fields = extra or {}

    def read(raw: bytes, size: int) -> FileResult:
        return read_file(raw, size, name, model, fields)

    return Job(file, (name, model, *fields.items()), read)


def load_knowledge(root: Path, drafts: bool = False, cache: FileCache | None = None) -> LoadResult:
    """Load the knowledge folder (drafts too, if asked, as if they were published); the result
    holds no knowledge base if there is any error. A cache keeps what unchanged files gave."""
    with collector_paused():
        return _load(root, drafts, cache)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector off while loading (or indexing), back on after, with what the
    pause made already in its oldest generation."""
    # a load makes only objects that live on, without cycles: looking for garbage among them
    # again and again (about 15 % of the time at 10,000 projects, a third of the index's) finds
    # none. Switched back on, the collector would first pass over every one of them as young
    # (a cold start passes twice: over all that loading made, then all that indexing made):
    # freeze() then unfreeze() moves them all to the oldest generation without looking, where
    # only a full collection, as for any object that lives on, looks at them again
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _load(root: Path, drafts: bool, cache: FileCache | None) -> LoadResult:
    reader = _Reader(root, drafts, cache)
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
    reader.reads.finish()
    aliased, marked = alias_problems(projects)
    reader.problems += aliased
    reader.checked += marked
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
