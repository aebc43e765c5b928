"""The SQLite database (aiosqlite, WAL): one class, Storage, made of its parts."""

from bot.storage.base import MIGRATIONS, now
from bot.storage.broadcasts import AnnouncedNews, BroadcastRow, BroadcastStore
from bot.storage.deliveries import Delivery, DeliveryState, Outcome, Tally
from bot.storage.drafts import Draft, DraftStore
from bot.storage.edits import EditRecord, EditStore, FlowState
from bot.storage.problems import StorageError
from bot.storage.questions import QuestionRecord, QuestionStore, logged
from bot.storage.retention import RetentionStore
from bot.storage.tickets import NewTicket, Post, Ticket, TicketState, TicketStore
from bot.storage.users import UserStore, marked, touched


class Storage(
    UserStore, QuestionStore, BroadcastStore, RetentionStore, EditStore, TicketStore, DraftStore
):
    """The one class that talks to the database."""


__all__ = [
    "MIGRATIONS",
    "AnnouncedNews",
    "BroadcastRow",
    "Delivery",
    "DeliveryState",
    "Draft",
    "EditRecord",
    "FlowState",
    "NewTicket",
    "Outcome",
    "Post",
    "QuestionRecord",
    "Storage",
    "StorageError",
    "Tally",
    "Ticket",
    "TicketState",
    "logged",
    "marked",
    "now",
    "touched",
]
