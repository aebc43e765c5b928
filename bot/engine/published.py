"""Where the projects are told about: "where can I read about all projects", "къде да видя
всички проекти" ask for the general FAQ entry on where the projects are published, not the list."""

from __future__ import annotations

from bot.engine.lexicon import PROJECT_NOUNS, PROJECT_PLURALS
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.knowledge import QA, KnowledgeBase

_PROJECTS = frozenset(t for word in (*PROJECT_PLURALS, *PROJECT_NOUNS) for t in terms(word))
ASKED_WAYS = 2  # of an entry's questions, how many name the projects: it is about them all


def asks_where_told(parsed: Parsed) -> bool:
    """True when the question asks where the projects are (all of them, no filter) and says
    nothing else but verbs ("where can I read about all projects of the municipality")."""
    filtered = parsed.places or parsed.status or parsed.themes or parsed.rank
    said = set(parsed.content) - parsed.verbs - parsed.moods - parsed.unshaped
    return "list" in parsed.intents and parsed.answer == "place" and not filtered and not said


def entry_on_projects(knowledge: KnowledgeBase) -> QA | None:
    """The general FAQ entry most of whose ways of asking name the projects (two at least):
    where the municipality tells about them; None when no entry is."""
    counted = [
        (sum(not _PROJECTS.isdisjoint(terms(q)) for q in qa.questions), qa) for qa in knowledge.faq
    ]
    best = max(counted, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] >= ASKED_WAYS else None
