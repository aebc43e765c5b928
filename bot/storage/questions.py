"""The question log: what citizens asked and how the bot answered."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from bot.storage.base import StorageBase, now
from bot.storage.users import QUICK


@dataclass(frozen=True)
class QuestionRecord:
    """One logged question."""

    user_id: int | None
    text: str
    lang: str
    answered: bool
    project: str | None
    topic: str | None
    confidence: float


def logged(record: QuestionRecord) -> Callable[[sqlite3.Connection], int]:
    """The write that stores one question and how it was answered; its result is the row id."""

    def work(db: sqlite3.Connection) -> int:
        cursor = db.execute(
            "INSERT INTO questions (asked_at, user_id, text, lang, answered, project, topic, "
            "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now(),
                record.user_id,
                record.text[:500],
                record.lang,
                int(record.answered),
                record.project,
                record.topic,
                record.confidence,
            ),
        )
        return int(cursor.lastrowid or 0)

    return work


class QuestionStore(StorageBase):
    """The questions table."""

    async def log_question(self, record: QuestionRecord) -> int:
        """Store one question and how it was answered; returns its id."""
        return await self.atomically(logged(record))

    async def count_questions(self) -> int:
        """How many questions are logged."""
        return int(await self.scalar("SELECT COUNT(*) FROM questions") or 0)

    async def set_feedback(self, question_id: int, user_id: int, value: int) -> bool:
        """Store 👍 (1) or 👎 (-1) for a question the same user asked (waiting at most QUICK
        seconds for another process's lock)."""
        changed = await self.atomically(
            lambda db: (
                db.execute(
                    "UPDATE questions SET feedback = ? WHERE id = ? AND user_id = ?",
                    (value, question_id, user_id),
                ).rowcount
            ),
            busy=QUICK,
        )
        return int(changed) > 0

    async def prune(self, older_than: str) -> int:
        """Delete questions asked before a time; returns how many."""
        return await self.execute("DELETE FROM questions WHERE asked_at < ?", (older_than,))

    async def question_stats(self, since: str) -> dict[str, list[tuple[str, int, int]]]:
        """Per day (answered, not answered); top projects, topics and languages; feedback."""
        days = await self.fetch_all(
            "SELECT substr(asked_at, 1, 10), SUM(answered), SUM(1 - answered) FROM questions "
            "WHERE asked_at >= ? GROUP BY 1 ORDER BY 1",
            (since,),
        )
        result: dict[str, list[tuple[str, int, int]]] = {
            "days": [(str(r[0]), int(r[1]), int(r[2])) for r in days]
        }
        for column in ("project", "topic", "lang"):
            rows = await self.fetch_all(
                f"SELECT {column}, COUNT(*), SUM(answered) FROM questions WHERE asked_at >= ? "
                f"AND {column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
                (since,),
            )
            result[column] = [(str(r[0]), int(r[1]), int(r[2])) for r in rows]
        feedback = await self.fetch_one(
            "SELECT SUM(feedback > 0), SUM(feedback < 0) FROM questions WHERE asked_at >= ?",
            (since,),
        )
        result["feedback"] = [
            (
                "feedback",
                int(feedback[0] or 0) if feedback else 0,
                int(feedback[1] or 0) if feedback else 0,
            )
        ]
        return result

    async def unanswered(self, since: str, unsure_below: float) -> list[tuple[str, str]]:
        """(text, lang) of questions not answered, answered unsurely, or given 👎."""
        rows = await self.fetch_all(
            "SELECT text, lang FROM questions WHERE asked_at >= ? AND (answered = 0 OR "
            "confidence < ? OR feedback < 0) ORDER BY asked_at DESC",
            (since, unsure_below),
        )
        return [(str(row[0]), str(row[1])) for row in rows]
