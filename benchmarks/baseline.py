"""The naive baseline: rapidfuzz's best match (WRatio) over every text of the knowledge base."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.engine import Answer, Conversation
from bot.engine.reply import ReplyBuilder
from bot.knowledge import KnowledgeBase, Text

FIELDS = (
    "title", "short_title", "summary", "programme", "funding", "goals", "results", "locations",
    "target_groups", "contractors", "partners",
)  # fmt: skip


class NaiveBaseline:
    """rapidfuzz process.extractOne with WRatio over every knowledge text; the text is the reply."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.choices: list[str] = []
        self.projects: list[str] = []
        for project in knowledge.projects:
            for field in FIELDS:
                value = getattr(project, field)
                for item in value if isinstance(value, tuple) else (value,):
                    if isinstance(item, Text):
                        for _, text in item.values():
                            self.choices.append(text)
                            self.projects.append(project.id)

    def __call__(self, question: str, conversation: Conversation) -> Answer:
        match = process.extractOne(question, self.choices, scorer=fuzz.WRatio)
        if match is None or match[1] < 60:
            return Answer(question, "bg", False, ReplyBuilder().line("?").build(), kind="fallback")
        reply = ReplyBuilder().line(match[0]).build()
        return Answer(question, "bg", True, reply, self.projects[match[2]], None, match[1] / 100)
