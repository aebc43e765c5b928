"""A copy of the database while the bot writes to it (WAL), and putting a copy back."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, QuestionRecord, Storage, StorageError
from bot.storage.copies import backup, restore


async def running(db: Path, questions: int) -> Storage:
    """A database as the running bot holds it: open, its latest writes still in the WAL."""
    storage = await Storage.open(db)
    await storage.set_subscribed(7, True)
    await storage.follow(7, "park-block-66")
    for number in range(questions):
        record = QuestionRecord(7, f"въпрос {number}", "bg", True, None, None, 1.0)
        await storage.log_question(record)
    return storage


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


async def test_a_backup_while_the_bot_writes_holds_what_the_wal_holds(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    storage = await running(db, 30)
    try:
        naive = shutil.copy(db, tmp_path / "naive.sqlite3")  # what `cp` of the file alone gets
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            count(naive, "questions")
        written, figures = backup(db, tmp_path / "copy.sqlite3")
        await storage.log_question(QuestionRecord(7, "след копието", "bg", True, None, None, 1))
    finally:
        await storage.close()
    copy = tmp_path / "copy.sqlite3"
    assert written == copy
    assert figures == {"schema": len(MIGRATIONS), "users": 1, "questions": 30, "tickets": 0}
    assert count(copy, "questions") == 30 and count(copy, "follows") == 1
    assert not copy.with_name(copy.name + "-wal").exists()  # one file, whole in itself
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


async def test_a_backup_into_a_folder_is_named_by_its_time(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await running(db, 2)).close()
    (tmp_path / "backups").mkdir()
    written, _ = backup(db, tmp_path / "backups")
    [made] = (tmp_path / "backups").iterdir()
    assert written == made
    assert made.name.startswith("munibot-") and made.suffix == ".sqlite3"
    assert count(made, "questions") == 2


async def test_a_backup_over_the_database_or_from_it_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await running(db, 1)).close()
    before = db.stat().st_ino
    for target in (db, tmp_path / "." / "munibot.sqlite3", db.with_name(db.name + "-wal")):
        with pytest.raises(StorageError, match="is the database itself"):
            backup(db, target)
    with pytest.raises(StorageError, match="is the database itself"):
        restore(tmp_path / "." / "munibot.sqlite3", db)
    assert db.stat().st_ino == before and count(db, "questions") == 1


def test_a_backup_of_no_database_says_so(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="there is no database at"):
        backup(tmp_path / "missing.sqlite3", tmp_path / "copy.sqlite3")
    assert list(tmp_path.iterdir()) == []


async def test_restore_puts_the_copy_back_whatever_the_wal_of_the_old_one_holds(
    tmp_path: Path,
) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await running(db, 3)).close()
    backup(db, tmp_path / "copy.sqlite3")
    later = await running(db, 40)  # more written since, some of it only in the WAL ...
    wal = db.with_name(db.name + "-wal")
    stale = tmp_path / "stale-wal"
    shutil.copy(wal, stale)
    await later.close()
    shutil.copy(stale, wal)  # ... as a bot killed with -9 leaves it
    naive = tmp_path / "naive.sqlite3"  # `cp` of the backup over a database beside its -wal
    shutil.copy(tmp_path / "copy.sqlite3", naive)
    shutil.copy(stale, naive.with_name(naive.name + "-wal"))
    assert count(naive, "questions") == 43  # the old WAL's writes replayed over the backup
    figures = restore(tmp_path / "copy.sqlite3", db)
    assert figures["questions"] == 3
    storage = await Storage.open(db)
    assert await storage.count_questions() == 3
    await storage.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database " * 300, "is not a database"),
        (b"", "is not a munibot database"),
    ],
)
def test_restore_refuses_what_is_not_a_munibot_backup(
    tmp_path: Path, content: bytes, message: str
) -> None:
    (tmp_path / "copy.sqlite3").write_bytes(content)
    with pytest.raises(StorageError, match=message):
        restore(tmp_path / "copy.sqlite3", tmp_path / "munibot.sqlite3")
    assert not (tmp_path / "munibot.sqlite3").exists()


async def test_restore_refuses_a_backup_of_a_newer_munibot(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await running(db, 1)).close()
    with sqlite3.connect(db) as connection:
        connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StorageError, match="newer munibot"):
        restore(db, tmp_path / "other.sqlite3")


async def test_a_backup_over_what_is_no_file_is_refused_and_leaves_it_be(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await running(db, 1)).close()
    pipe = tmp_path / "pipe"  # like /dev/null: replacing it would break what else uses it
    os.mkfifo(pipe)
    with pytest.raises(StorageError, match="is not a file"):
        backup(db, pipe)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    with pytest.raises(StorageError, match="there is no folder"):
        backup(db, tmp_path / "nightly", folder=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["munibot.sqlite3", "pipe"]


async def test_restore_over_a_database_path_that_cannot_be_written_names_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await running(db, 1)).close()
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("")
    for target, message in [
        (tmp_path / "folder", f"the database {tmp_path / 'folder'} is a folder"),
        (tmp_path / "file" / "munibot.sqlite3", f"the database {tmp_path / 'file'}"),
    ]:
        with pytest.raises(StorageError, match=re.escape(message)):
            restore(db, target)
    assert list((tmp_path / "folder").iterdir()) == []


async def test_a_backup_replaces_an_older_backup_but_no_other_file(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await running(db, 2)).close()
    older = tmp_path / "older.sqlite3"
    backup(db, older)
    assert backup(db, older)[1]["questions"] == 2  # the nightly copy under one name, replaced
    settings = tmp_path / "municipality.yaml"  # a slip of the shell's completion
    settings.write_text("name: Община Септември\n", encoding="utf-8")
    with pytest.raises(StorageError, match="is not a database"):
        backup(db, settings)
    assert settings.read_text(encoding="utf-8") == "name: Община Септември\n"


async def test_a_backup_over_the_running_bots_wal_is_named_as_the_database(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    storage = await running(db, 1)
    try:
        wal = db.with_name(db.name + "-wal")
        assert wal.exists()
        with pytest.raises(StorageError, match="is the database itself"):
            backup(db, wal)
    finally:
        await storage.close()
