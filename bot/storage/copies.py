"""A copy of the database while the bot runs, and putting a copy back: both through SQLite's
online backup, which reads what the WAL holds too (a copy of the file alone misses it) and
writes the whole database as one consistent state."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from bot.storage.base import MIGRATIONS, PRIVATE_FILE, _private_files
from bot.storage.problems import StorageError, a_folder, explain, newer

WAIT = 30.0  # seconds to wait for the running bot's write lock
COUNTED = ("users", "questions", "tickets")
SQLITE_HEADER = b"SQLite format 3\x00"


@contextlib.contextmanager
def _connected(path: Path, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    name = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    connection = sqlite3.connect(name, timeout=WAIT, uri=True)
    try:
        yield connection
    finally:
        connection.close()


def figures(connection: sqlite3.Connection) -> dict[str, int]:
    """The schema version and the rows of the main tables, for the operator to check."""
    found = {"schema": int(connection.execute("PRAGMA user_version").fetchone()[0])}
    for table in COUNTED:
        with contextlib.suppress(sqlite3.OperationalError):  # an older schema has no tickets
            found[table] = int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return found


def _same(path: Path, database: Path) -> bool:
    """Whether path is the database or one of its -wal and -shm files."""
    resolved = database.resolve()
    own = {resolved.with_name(resolved.name + suffix) for suffix in ("", "-wal", "-shm")}
    return path.resolve() in own


def backup_target(target: Path, folder: bool = False) -> Path:
    """The file a backup to target writes: munibot-TIME.sqlite3 in a folder (folder: target
    was written as one, with a trailing slash); an older backup is replaced, but a device, a
    pipe or a file that is no database is refused, never replaced."""
    if target.is_dir():
        return target / f"munibot-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    if folder:
        raise StorageError(f"there is no folder {target}: create it, or name a file")
    if target.exists() and not target.is_file():
        raise StorageError(f"{target} is not a file: name a file or a folder for the backup")
    if target.is_file() and not _a_database(target):
        raise StorageError(
            f"{target} is there and is not a database: name a new file or a folder for the backup"
        )
    return target


def _a_database(path: Path) -> bool:
    """Whether the file is empty or begins as every SQLite database does."""
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) in (b"", SQLITE_HEADER)
    except OSError:  # unreadable: not one to replace blindly
        return False


def backup(database: Path, target: Path, folder: bool = False) -> tuple[Path, dict[str, int]]:
    """Copy the database to target (a file, or a folder to hold munibot-TIME.sqlite3), one
    self-contained file readable by its owner only; returns the file written and its figures."""
    if not database.is_file():
        raise StorageError(f"there is no database at {database}: check MUNIBOT_DB (or --db)")
    if _same(target, database):  # replacing it would leave the running bot a deleted file
        raise StorageError(f"{target} is the database itself: name another file for the backup")
    target = backup_target(target, folder)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
        with _connected(database) as source, _connected(partial) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # no -wal beside the copy
            found = figures(copy)
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise explain(database, error) from error
    except OSError as error:
        raise StorageError(
            f"the backup {target} cannot be written ({error.strerror or error}): "
            "name a file in a folder the user running munibot may write"
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    return target, found


def restore(copy: Path, database: Path) -> dict[str, int]:
    """Put a backup back as the database (its WAL, even a stale one, is overwritten too); the
    backup is checked first, and a database of another program or a newer munibot refused."""
    if not copy.is_file():
        raise StorageError(f"there is no backup at {copy}")
    if _same(copy, database):
        raise StorageError(f"{copy} is the database itself: name a file made by munibot backup")
    try:
        with _connected(copy, read_only=True) as source:
            checked = source.execute("PRAGMA quick_check").fetchone()[0]
            found = figures(source)
            if checked != "ok" or "users" not in found:
                raise StorageError(f"{copy} is not a munibot database, nor a backup of one")
            if found["schema"] > len(MIGRATIONS):
                raise newer(copy, found["schema"], len(MIGRATIONS))
            _write_over(database, source)
    except sqlite3.DatabaseError as error:
        raise StorageError(f"{copy} is not a database ({error}): name a munibot backup") from error
    return found


def _write_over(database: Path, source: sqlite3.Connection) -> None:
    """Write the checked backup over the database; what stops it is told about the database."""
    if database.is_dir():
        raise a_folder(database)
    try:
        _private_files(database)
        with _connected(database) as target:
            source.backup(target)
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (OSError, sqlite3.Error) as error:
        raise explain(database, error) from error
