"""The connection, the schema and its migrations (PRAGMA user_version), and query helpers."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any, Self

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
    ALTER TABLE users ADD COLUMN last_language TEXT;
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
        lease_owner TEXT,
        lease_until REAL,
        finished_at TEXT
    );
    CREATE TABLE deliveries (
        broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
        user_id INTEGER NOT NULL,
        lang TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',  -- then sending, sent, failed, blocked...
        message_id INTEGER,
        error TEXT,
        updated_at TEXT,
        PRIMARY KEY (broadcast_id, user_id)
    );
    CREATE INDEX deliveries_state ON deliveries (broadcast_id, state);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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


class StorageBase:
    """The connection and the helpers every part of the storage uses."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self.db = connection
        self._lock = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Write under the lock (writes never interleave) and commit, or roll back on error."""
        async with self._lock:
            try:
                yield self.db
                await self.db.commit()
            except BaseException:
                await self.db.rollback()
                raise

    @classmethod
    async def open(cls, path: Path | str) -> Self:
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

    @classmethod
    @contextlib.asynccontextmanager
    async def opened(cls, path: Path | str) -> AsyncIterator[Self]:
        """open() for the length of a with block."""
        storage = await cls.open(path)
        try:
            yield storage
        finally:
            await storage.close()

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
        """Run one statement in its own transaction; returns how many rows it changed."""
        async with self.transaction() as db:
            cursor = await db.execute(sql, tuple(params))
            return int(cursor.rowcount)

    async def insert(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one INSERT in its own transaction; returns the new row id."""
        async with self.transaction() as db:
            cursor = await db.execute(sql, tuple(params))
            return int(cursor.lastrowid or 0)
