"""A sick database for tests: another process holding the write lock, or a full disk."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from bot.storage import Storage

FILLERS = (
    "INSERT INTO meta (key, value) VALUES (?, ?)",
    "INSERT INTO questions (asked_at, text, lang, answered, confidence) VALUES (?, ?, 'bg', 1, 1)",
    "INSERT INTO users (id, first_seen, last_seen) VALUES (-abs(random()), ?, ?)",
)


def write_lock(path: Path) -> sqlite3.Connection:
    """Another process's connection holding the write lock (BEGIN IMMEDIATE) until it ends its
    transaction."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


async def fill_the_disk(storage: Storage) -> None:
    """No page more for this connection, and every table's pages full to the brim: the next
    write fails with "database or disk is full"."""
    await storage.db.execute(f"PRAGMA max_page_count = {await storage.scalar('PRAGMA page_count')}")
    for sql in FILLERS:
        for size in (2000, 200, 20, 1):
            with contextlib.suppress(sqlite3.OperationalError):
                for number in range(10_000):
                    await storage.execute(sql, (f"{size}:{number}", "x" * size))
    for sql in FILLERS:
        with pytest.raises(sqlite3.OperationalError, match="full"):
            await storage.execute(sql, ("x", "x"))


async def free_the_disk(storage: Storage) -> None:
    """Space comes back."""
    await storage.db.execute("PRAGMA max_page_count = 1073741823")
