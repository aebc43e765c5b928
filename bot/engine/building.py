"""The index and the places of a large base built on two processors with one fork: a forked copy
finds the terms and places of the last projects, merges its own postings, and hands back one
pickle (per-project findings cost more to pickle, and to merge here, than their merged postings).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.index import Analyses, IndexPart, ProjectIndex, ProjectTerms
from bot.engine.places import Places, ProjectPlaces
from bot.engine.prepared import Prepared
from bot.knowledge import KnowledgeBase, Project, parallel
from bot.knowledge.parallel import COPY_SHARE, can_fork, in_two

Found = tuple[IndexPart, list[ProjectPlaces]]


def index_and_places(
    knowledge: KnowledgeBase, prepared: Prepared | None = None
) -> tuple[ProjectIndex, Places]:
    """The index and the places of the base (prepared: what an earlier build found in
    projects, reused and brought up to date)."""
    if prepared is not None:
        index = ProjectIndex.build(knowledge.projects, prepared.terms)
        return index, Places(knowledge, prepared.places)
    return built_in_two(knowledge) or (ProjectIndex.build(knowledge.projects), Places(knowledge))


def built_in_two(knowledge: KnowledgeBase) -> tuple[ProjectIndex, Places] | None:
    """The index and the places, the last COPY_SHARE of the projects found by a forked copy;
    None where that does not pay (a small base) or no copy can work beside this process."""
    projects = knowledge.projects
    if len(projects) < parallel.MIN_ITEMS or not can_fork():
        return None
    places = Places(knowledge, settle=False)
    split = int(len(projects) * (1 - COPY_SHARE))
    (mine, my_places), (theirs, their_places) = in_two(
        lambda: _found(projects[:split], 0, places),
        lambda: _found(projects[split:], split, places),
    )
    mine.absorb(theirs)
    places.settle(my_places + their_places)
    return ProjectIndex.assemble(list(projects), mine), places


def _found(projects: Sequence[Project], first: int, places: Places) -> Found:
    """What indexing and the places find in a run of projects, numbered from first."""
    analyses = Analyses()
    part = IndexPart()
    found = []
    for number, project in enumerate(projects, first):
        part.add(number, ProjectTerms(project, analyses))
        found.append(places.found_in(project))
    return part, found
