"""The connection, the schema and its migrations (PRAGMA user_version), and query helpers."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable
from pathlib import Path
from typing import Any, Self, TypeVar, cast

import aiosqlite

from bot.storage.problems import a_folder, explain, newer
from bot.storage.ticket_schema import DRAFTS_SCHEMA, TICKETS_SCHEMA

log = logging.getLogger(__name__)
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
T = TypeVar("T")

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
    # 3: the delivery queue: each delivery gets an id, its attempts, when to retry, an optional
    # text of its own and the run that claimed it; leases belong to one run; news keep their
    # date and title (stable identities); indices for /forget, audiences and the dispatcher
    """
    ALTER TABLE broadcasts RENAME COLUMN lease_owner TO lease_token;
    ALTER TABLE broadcasts ADD COLUMN started_at TEXT;
    ALTER TABLE broadcasts ADD COLUMN status_lang TEXT;
    CREATE TABLE deliveries_v3 (
        id INTEGER PRIMARY KEY,
        broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
        user_id INTEGER NOT NULL,
        lang TEXT NOT NULL,
        text TEXT,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        retry_at REAL,
        claim TEXT,
        message_id INTEGER,
        error TEXT,
        updated_at TEXT,
        UNIQUE (broadcast_id, user_id)
    );
    INSERT INTO deliveries_v3 (broadcast_id, user_id, lang, state, message_id, error, updated_at)
        SELECT broadcast_id, user_id, lang, state, message_id, error, updated_at
        FROM deliveries ORDER BY broadcast_id, user_id;
    DROP TABLE deliveries;
    ALTER TABLE deliveries_v3 RENAME TO deliveries;
    CREATE INDEX deliveries_state ON deliveries (broadcast_id, state);
    CREATE INDEX deliveries_user ON deliveries (user_id);
    CREATE INDEX follows_project ON follows (project);
    CREATE INDEX broadcasts_state ON broadcasts (state);
    ALTER TABLE announced_news ADD COLUMN news_date TEXT;
    ALTER TABLE announced_news ADD COLUMN title TEXT;
    """,
    # 4: the knowledge files changed through the bot (previous content, for /undo), and each
    # user's multi-step flow in progress (upload confirmation, /addnews, broadcast draft)
    """
    CREATE TABLE edits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        made_at TEXT NOT NULL,
        editor_id INTEGER NOT NULL,
        file TEXT NOT NULL,
        previous TEXT,
        new_hash TEXT NOT NULL,
        reason TEXT NOT NULL,
        undone_by INTEGER
    );
    CREATE TABLE flows (
        user_id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        step TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    """,
    TICKETS_SCHEMA,  # 5: tickets, in bot/storage/ticket_schema.py
    DRAFTS_SCHEMA,  # 6: citizens' unsent questions, in bot/storage/ticket_schema.py
)


def statements(script: str) -> list[str]:
    """The SQL statements of a script, each whole (a ';' inside a string does not split)."""
    found, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    return [s for s in found if s.rstrip(";").strip()]


def now() -> str:
    """The current UTC time as ISO text, as stored."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


async def _use_wal(connection: aiosqlite.Connection, patience: float = 5.0) -> None:
    """Switch the file to WAL mode. Changing the mode needs the file to itself, and SQLite
    refuses at once, without its busy wait, while another process opens or migrates it: try
    again for up to patience seconds."""
    deadline = asyncio.get_running_loop().time() + patience
    while True:
        try:
            await connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.05)


def _private_files(path: Path) -> None:
    """Create the folder 0700 and the database 0600; tighten files an older version left open."""
    path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists() and file.stat().st_mode & 0o077:
            file.chmod(PRIVATE_FILE)
            log.info("made %s readable by its owner only", file)


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

    async def atomically(
        self,
        work: Callable[[sqlite3.Connection], T],
        durable: bool = False,
        busy: float | None = None,
    ) -> T:
        """Run work(connection) as one transaction on the database's thread, in one hop there
        and back (each hop waits for the event loop, which is slow when it is busy sending).

        durable: the commit reaches the disk before this returns (synchronous=FULL), even
        against a power cut; for the steps that keep a message from being sent twice.
        busy: how long to wait for another process's write lock (None: the connection's 5 s);
        a short wait keeps the database's thread, which every read goes through, free.
        """

        def run() -> T:
            connection = self.db._conn  # aiosqlite's sqlite3 connection, used on its thread
            waited = None
            if busy is not None:
                waited = connection.execute("PRAGMA busy_timeout").fetchone()[0]
                connection.execute(f"PRAGMA busy_timeout = {int(busy * 1000)}")
            if durable:
                connection.execute("PRAGMA synchronous=FULL")
            try:
                result = work(connection)
                connection.commit()
                return result
            except BaseException:
                connection.rollback()
                raise
            finally:
                if durable:
                    connection.execute("PRAGMA synchronous=NORMAL")
                if waited is not None:
                    connection.execute(f"PRAGMA busy_timeout = {int(waited)}")

        async with self._lock:
            work_done = await self.db._execute(run)  # type: ignore[no-untyped-call]
            return cast(T, work_done)  # (aiosqlite runs run on its thread)

    @classmethod
    async def open(cls, path: Path | str) -> Self:
        """Open (creating if needed, private to its owner) the database and bring its schema up
        to date; StorageError names the file when it cannot be used (no thread is left open)."""
        if Path(path).is_dir():  # never chmod a folder 0600, nor leave a thread behind
            raise a_folder(path)
        try:
            if str(path) != ":memory:":
                _private_files(Path(path))
            connection = await aiosqlite.connect(str(path))
        except (OSError, sqlite3.Error) as error:
            raise explain(path, error) from error
        try:
            connection.row_factory = aiosqlite.Row
            storage = cls(connection)
            found = await storage.version()
            if found > len(MIGRATIONS):  # its tables may mean what this version does not know
                await connection.close()
                raise newer(path, found, len(MIGRATIONS))
            await _use_wal(connection)
            await connection.execute("PRAGMA synchronous=NORMAL")
            await connection.execute("PRAGMA foreign_keys=ON")
            await connection.execute("PRAGMA secure_delete=ON")  # erased rows are overwritten
            await storage.migrate()
            await storage._probe_write()
        except sqlite3.Error as error:
            await connection.close()
            raise explain(path, error) from error
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

    async def _probe_write(self, busy: float | None = None) -> None:
        """Write one row and commit, waiting at most busy seconds for another process's lock;
        raises sqlite3.Error unless that works."""

        def probe(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('written_at', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (now(),),
            )

        await self.atomically(probe, busy=busy)

    async def writable(self, busy: float = 1.0) -> bool:
        """True when a write commits now, waiting at most busy seconds for another process's
        lock (for the health check: the database's thread is not held longer)."""
        try:
            await self._probe_write(busy)
        except (sqlite3.Error, ValueError) as error:  # ValueError: the connection is closed
            log.warning("the database cannot be written: %s", error)
            return False
        return True

    async def checkpoint(self) -> None:
        """Copy the WAL into the database and empty it, so that no erased row lingers there."""
        async with self._lock:
            row = await self.fetch_one("PRAGMA wal_checkpoint(TRUNCATE)")
        if row is not None and row[0]:
            log.warning("the WAL could not be emptied: another process is reading the database")

    async def version(self) -> int:
        """The schema version (PRAGMA user_version)."""
        return int(await self.scalar("PRAGMA user_version") or 0)

    async def migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction.

        Each starts with BEGIN IMMEDIATE (the write lock) and reads the version again under it,
        so that two processes opening one database together apply each migration once.
        """
        while await self.version() < len(MIGRATIONS):
            async with self._lock:
                await self.db.execute("BEGIN IMMEDIATE")
                try:
                    number = await self.version() + 1
                    if number <= len(MIGRATIONS):
                        for statement in statements(MIGRATIONS[number - 1]):
                            await self.db.execute(statement)
                        await self.db.execute(f"PRAGMA user_version = {number}")
                    await self.db.commit()
                except BaseException:
                    await self.db.rollback()
                    raise

    async def fetch_all(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        """All rows of a query, read in one go: a query left open between two calls would hold
        a snapshot that makes this connection's next write fail as "database is locked" once
        another process has written meanwhile."""
        return list(await self.db.execute_fetchall(sql, tuple(params)))

    async def fetch_one(self, sql: str, params: Iterable[Any] = ()) -> aiosqlite.Row | None:
        """The first row of a query, if any."""
        rows = await self.fetch_all(sql, params)
        return rows[0] if rows else None

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
