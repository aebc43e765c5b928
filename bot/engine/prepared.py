"""What building an engine found in each project, kept for the next build of the same projects.

A project is known by its object: a file that did not change gives the very same object again
(bot.knowledge.filecache), a changed one a new object, analysed again. So a rebuild after a few
files changed, in this process or (the findings kept on disk beside each file's entry,
bot.services.knowledge_cache) after a restart, analyses only the projects of those files.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from bot.knowledge import Project
from bot.knowledge.parallel import map_forked

if TYPE_CHECKING:
    from bot.engine.index import ProjectTerms
    from bot.engine.places import ProjectPlaces

Found = TypeVar("Found")


class Memo(Generic[Found]):
    """One kind of finding per project, by project object, made under one key (what else the
    findings depend on)."""

    def __init__(self) -> None:
        self.key: Hashable = None
        self._held: dict[int, tuple[Project, Found]] = {}

    def computed(
        self, projects: Sequence[Project], work: Callable[[Project], Found], key: Hashable = None
    ) -> list[Found]:
        """work(project) for each project, made only for those not held under the same key (on
        two processors when many); afterwards exactly these projects' findings are held."""
        held = self._held if key == self.key else {}
        missing = [p for p in projects if _found(held, p) is None]
        fresh = iter(map_forked(work, missing))
        kept: dict[int, tuple[Project, Found]] = {}
        values = []
        for project in projects:
            value = _found(held, project)
            if value is None:
                value = next(fresh)
            kept[id(project)] = (project, value)
            values.append(value)
        self.key, self._held = key, kept
        return values

    def found(self, project: Project) -> Found | None:
        """What this memo holds for that very project object, if anything."""
        return _found(self._held, project)

    def hold(self, project: Project, value: Found) -> None:
        """Hold value as found in project (read back from disk, under the memo's key)."""
        self._held[id(project)] = (project, value)


def _found(held: dict[int, tuple[Project, Found]], project: Project) -> Found | None:
    hit = held.get(id(project))
    return hit[1] if hit is not None and hit[0] is project else None


@dataclass
class Prepared:
    """The per-project findings of the index and of the places."""

    terms: Memo[ProjectTerms] = field(default_factory=Memo)
    places: Memo[ProjectPlaces] = field(default_factory=Memo)

    def snapshot(self) -> Prepared:
        """What is held now, kept as it is: a later build replaces a memo's findings, never
        changes them in place."""
        return Prepared(copy.copy(self.terms), copy.copy(self.places))
