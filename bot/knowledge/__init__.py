"""Loading, validating and modelling the knowledge base that municipal staff keep."""

from bot.knowledge.filecache import FileCache
from bot.knowledge.loader import LoadResult, collector_paused, load_knowledge, load_or_raise
from bot.knowledge.model import (
    QA,
    Activity,
    Budget,
    Contact,
    KnowledgeBase,
    Link,
    Municipality,
    NewsItem,
    Project,
)
from bot.knowledge.problems import KnowledgeError, Problem, Severity
from bot.knowledge.values import Text

__all__ = [
    "QA",
    "Activity",
    "Budget",
    "Contact",
    "FileCache",
    "KnowledgeBase",
    "KnowledgeError",
    "Link",
    "LoadResult",
    "Municipality",
    "NewsItem",
    "Problem",
    "Project",
    "Severity",
    "Text",
    "collector_paused",
    "load_knowledge",
    "load_or_raise",
]
