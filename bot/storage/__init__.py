"""The SQLite database (aiosqlite, WAL): one class, Storage, made of its parts."""

from bot.storage.base import MIGRATIONS, StorageError, now
from bot.storage.broadcasts import BroadcastStore, Delivery, Outcome
from bot.storage.questions import QuestionRecord, QuestionStore
from bot.storage.users import UserStore


class Storage(UserStore, QuestionStore, BroadcastStore):
    """The one class that talks to the database."""


__all__ = [
    "MIGRATIONS",
    "Delivery",
    "Outcome",
    "QuestionRecord",
    "Storage",
    "StorageError",
    "now",
]
