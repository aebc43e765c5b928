"""What the engine answers to one question, and its JSON for `munibot ask --json`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.engine.reply import Reply


@dataclass(frozen=True)
class Answer:
    """The engine's answer to one question."""

    question: str
    lang: str
    answered: bool
    reply: Reply
    project: str | None = None
    topic: str | None = None
    confidence: float = 0.0
    suggestions: tuple[str, ...] = ()
    kind: str = "project"
    missing: bool = False
    source_url: str | None = None  # the page of the news item a quoted sentence comes from

    def to_json(self) -> dict[str, Any]:
        """The object of `ask --json` (exactly the contract's fields)."""
        return {
            "question": self.question,
            "lang": self.lang,
            "answered": self.answered,
            "reply": self.reply.plain(),
            "project": self.project,
            "topic": self.topic,
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
        }
