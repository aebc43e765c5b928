"""The database on disk: private to its owner, and a damaged one refused without a thread left."""

from __future__ import annotations

import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from bot.storage import QuestionRecord, Storage, StorageError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_the_folder_and_the_files_are_private(tmp_path: Path) -> None:
    db = tmp_path / "data" / "munibot.sqlite3"
    storage = await Storage.open(db)
    await storage.log_question(QuestionRecord(1, "колко струва паркът", "bg", True, None, None, 1))
    files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    assert [mode(f) for f in files] == [0o600, 0o600, 0o600]
    assert mode(db.parent) == 0o700
    await storage.close()


async def test_files_an_older_version_left_readable_are_tightened(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await Storage.open(db)).close()
    db.chmod(0o644)
    storage = await Storage.open(db)
    assert mode(db) == 0o600
    await storage.close()


async def test_a_damaged_database_leaves_no_connection_thread(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    db.write_bytes(b"not a database " * 500)
    before = set(threading.enumerate())
    with pytest.raises(StorageError, match=f"the database {db} is damaged"):
        await Storage.open(db)
    left = [thread for thread in threading.enumerate() if thread not in before]
    for thread in left:
        thread.join(10)  # the thread of a connection that was closed ends at once
    assert not [thread for thread in left if thread.is_alive()]


async def test_a_database_that_lost_its_tables_is_called_damaged(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await Storage.open(db)).close()
    raw = sqlite3.connect(db)
    raw.execute("DROP TABLE meta")
    raw.close()
    with pytest.raises(StorageError, match=f"the database {db} is damaged .no such table: meta"):
        await Storage.open(db)


async def test_a_folder_given_as_the_database_is_refused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    before = set(threading.enumerate())
    with pytest.raises(StorageError, match=f"^the database {folder} is a folder: set MUNIBOT_DB"):
        await Storage.open(folder)
    assert mode(folder) == 0o755  # was: made 0600, so nobody could enter it
    assert set(threading.enumerate()) <= before  # was: a thread's traceback at exit


async def test_a_database_of_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    storage = await Storage.open(db)
    known = await storage.version()
    await storage.execute("PRAGMA user_version = 999")
    await storage.close()
    with pytest.raises(
        StorageError, match=f"written by a newer munibot \\(schema 999, this one knows {known}\\)"
    ):
        await Storage.open(db)
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (999,)
