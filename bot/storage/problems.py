"""What an operator is told about a database that cannot be used: one sentence naming the
file and what to do."""

from __future__ import annotations

from pathlib import Path

DAMAGED = ("SQLITE_NOTADB", "SQLITE_CORRUPT")
TRANSIENT = ("SQLITE_BUSY", "SQLITE_LOCKED")


class StorageError(Exception):
    """The database cannot be used; the message names the file and what to do."""


def explain(path: Path | str, error: Exception) -> StorageError:
    """One sentence for an operator about a database that cannot be opened or written."""
    name = getattr(error, "sqlite_errorname", "")
    detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    if name.startswith(TRANSIENT):
        return StorageError(
            f"the database {path} is locked by another process ({detail}): stop the other "
            "program that writes to it, or start again when it is done"
        )
    if name.startswith(DAMAGED) or detail.startswith(("no such table", "no such column")):
        return StorageError(
            f"the database {path} is damaged ({detail}): restore it from a backup, "
            "or move it away and the bot starts with an empty one"
        )
    return StorageError(
        f"the database {path} cannot be written ({detail}): give the user running munibot "
        "write access to the file and its folder, or set MUNIBOT_DB to a writable path"
    )


def a_folder(path: Path | str) -> StorageError:
    """A folder given where the database file should be."""
    return StorageError(
        f"the database {path} is a folder: set MUNIBOT_DB (or --db) to a file in it, "
        f"e.g. {Path(path) / 'munibot.sqlite3'}"
    )


def newer(path: Path | str, found: int, known: int) -> StorageError:
    """A database whose schema a newer munibot wrote."""
    return StorageError(
        f"the database {path} was written by a newer munibot (schema {found}, this one knows "
        f"{known}): run the newer version, or restore a backup made by this one"
    )
