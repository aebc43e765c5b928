"""What building an engine found in each project, kept for the next build of the same projects.

A project is known by its object: a file that did not change gives the very same object again
(bot.knowledge.filecache), a changed one a new object, analysed again. So a rebuild after a few
files changed, in this process or (the findings pickled with the file cache) after a restart,
analyses only the projects of those files.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

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

    def __getstate__(self) -> dict[str, Any]:
        return {"key": self.key, "held": list(self._held.values())}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Read back from disk: the projects are the objects pickled with it, under new ids."""
        self.key = state["key"]
        self._held = {id(project): (project, value) for project, value in state["held"]}


def _found(held: dict[int, tuple[Project, Found]], project: Project) -> Found | None:
    hit = held.get(id(project))
    return hit[1] if hit is not None and hit[0] is project else None


@dataclass
class Prepared:
    """The per-project findings of the index and of the places."""

    terms: Memo[ProjectTerms] = field(default_factory=Memo)
    places: Memo[ProjectPlaces] = field(default_factory=Memo)
