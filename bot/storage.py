"""The SQLite database (aiosqlite, WAL): users, the question log, follows and broadcasts.

The schema is versioned with PRAGMA user_version; each migration below runs once, in order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite

MIGRATIONS: tuple[str, ...] = (
    # 1: users and the question log
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        language TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        blocked INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        asked_at TEXT NOT NULL,
        user_id INTEGER,
        text TEXT NOT NULL,
        lang TEXT NOT NULL,
        answered INTEGER NOT NULL,
        project TEXT,
        topic TEXT,
        confidence REAL NOT NULL,
        feedback INTEGER
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE INDEX questions_user ON questions (user_id);
    """,
    # 2: subscriptions, follows, broadcasts with one delivery row per recipient, announced news
    """
    ALTER TABLE users ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE follows (
        user_id INTEGER NOT NULL,
        project TEXT NOT NULL,
        since TEXT NOT NULL,
        PRIMARY KEY (user_id, project)
    );
    CREATE TABLE broadcasts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        admin_id INTEGER,
        text_bg TEXT NOT NULL,
        text_en TEXT,
        project TEXT,
        kind TEXT NOT NULL DEFAULT 'broadcast',
        state TEXT NOT NULL DEFAULT 'running',
        status_chat INTEGER,
        status_message INTEGER,
        finished_at TEXT
    );
    CREATE TABLE deliveries (
        broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
        user_id INTEGER NOT NULL,
        lang TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        message_id INTEGER,
        error TEXT,
        updated_at TEXT,
        PRIMARY KEY (broadcast_id, user_id)
    );
    CREATE INDEX deliveries_state ON deliveries (broadcast_id, state);
    CREATE TABLE announced_news (
        project TEXT NOT NULL,
        news_key TEXT NOT NULL,
        announced_at TEXT NOT NULL,
        PRIMARY KEY (project, news_key)
    );
    """,
)


def now() -> str:
    """The current UTC time as ISO text, as stored."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


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


class Storage:
    """The one class that talks to the database."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self.db = connection

    @classmethod
    async def open(cls, path: Path | str) -> Storage:
        """Open (creating if needed) the database and bring its schema up to date."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(str(path))
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode=WAL")
        await connection.execute("PRAGMA synchronous=NORMAL")
        await connection.execute("PRAGMA foreign_keys=ON")
        storage = cls(connection)
        await storage.migrate()
        return storage

    async def close(self) -> None:
        """Close the connection."""
        await self.db.close()

    async def version(self) -> int:
        """The schema version (PRAGMA user_version)."""
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction."""
        current = await self.version()
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            await self.db.executescript(
                f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
            )

    async def fetch_all(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        """All rows of a query."""
        async with self.db.execute(sql, tuple(params)) as cursor:
            return list(await cursor.fetchall())

    async def fetch_one(self, sql: str, params: Iterable[Any] = ()) -> aiosqlite.Row | None:
        """The first row of a query, if any."""
        async with self.db.execute(sql, tuple(params)) as cursor:
            row: aiosqlite.Row | None = await cursor.fetchone()
            return row

    async def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        """The first column of the first row (None when there is no row)."""
        row = await self.fetch_one(sql, params)
        return row[0] if row else None

    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run a statement and commit; returns the last row id."""
        cursor = await self.db.execute(sql, tuple(params))
        await self.db.commit()
        return int(cursor.lastrowid or 0)

    # --- users

    async def touch_user(self, user_id: int) -> str | None:
        """Record that a user was seen (unblocking them); returns their stored language."""
        stamp = now()
        await self.db.execute(
            "INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, blocked = 0",
            (user_id, stamp, stamp),
        )
        await self.db.commit()
        language: str | None = await self.scalar(
            "SELECT language FROM users WHERE id = ?", (user_id,)
        )
        return language

    async def set_language(self, user_id: int, language: str) -> None:
        """Store a user's chosen language."""
        await self.touch_user(user_id)
        await self.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))

    async def language(self, user_id: int) -> str | None:
        """A user's chosen language, if any."""
        value: str | None = await self.scalar("SELECT language FROM users WHERE id = ?", (user_id,))
        return value

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        """Mark a user as having blocked (or unblocked) the bot."""
        stamp = now()
        await self.execute(
            "INSERT INTO users (id, first_seen, last_seen, blocked) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET blocked = excluded.blocked",
            (user_id, stamp, stamp, int(blocked)),
        )

    async def is_blocked(self, user_id: int) -> bool:
        """True when the user has blocked the bot."""
        return bool(await self.scalar("SELECT blocked FROM users WHERE id = ?", (user_id,)))

    async def count_users(self) -> int:
        """How many users the bot has seen."""
        return int(await self.scalar("SELECT COUNT(*) FROM users") or 0)

    # --- subscriptions and follows

    async def set_subscribed(self, user_id: int, subscribed: bool) -> None:
        """Subscribe a user to all announcements, or unsubscribe."""
        await self.touch_user(user_id)
        await self.execute(
            "UPDATE users SET subscribed = ? WHERE id = ?", (int(subscribed), user_id)
        )

    async def follow(self, user_id: int, project: str) -> None:
        """Follow a project's news."""
        await self.touch_user(user_id)
        await self.execute(
            "INSERT OR IGNORE INTO follows (user_id, project, since) VALUES (?, ?, ?)",
            (user_id, project, now()),
        )

    async def unfollow(self, user_id: int, project: str) -> None:
        """Stop following a project."""
        await self.execute(
            "DELETE FROM follows WHERE user_id = ? AND project = ?", (user_id, project)
        )

    async def is_following(self, user_id: int, project: str) -> bool:
        """True when the user follows the project."""
        return bool(
            await self.scalar(
                "SELECT 1 FROM follows WHERE user_id = ? AND project = ?", (user_id, project)
            )
        )

    async def following(self, user_id: int) -> list[str]:
        """The projects a user follows."""
        rows = await self.fetch_all(
            "SELECT project FROM follows WHERE user_id = ? ORDER BY since", (user_id,)
        )
        return [str(row[0]) for row in rows]

    # --- the question log

    async def log_question(self, record: QuestionRecord) -> int:
        """Store one question and how it was answered; returns its id."""
        return await self.execute(
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

    async def count_questions(self) -> int:
        """How many questions are logged."""
        return int(await self.scalar("SELECT COUNT(*) FROM questions") or 0)

    async def set_feedback(self, question_id: int, user_id: int, value: int) -> bool:
        """Store 👍 (1) or 👎 (-1) for a question the same user asked."""
        cursor = await self.db.execute(
            "UPDATE questions SET feedback = ? WHERE id = ? AND user_id = ?",
            (value, question_id, user_id),
        )
        await self.db.commit()
        return cursor.rowcount > 0
