"""Tickets: a citizen's question for the staff, its state, the staff's draft and answer.

State machine (README, "Answering citizens' questions"):

    open --take--> taken --confirm an answer--> answered --👍--> closed
      |              |                             |
      +--close-------+--> closed                   +--"I still need help"--> open (reopened)

Every change is a conditional UPDATE (`WHERE state IN (...)`) whose row count decides: of two
staff members confirming at once, one wins and the other is told. What a change sends (the post
in the staff group, the answer to the citizen) is queued in the same durable transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bot.storage.base import StorageBase, now
from bot.storage.broadcasts import notice

_COLUMNS = (
    "id, created_at, user_id, lang, question, project, topic, confidence, contact, state, "
    "reopened, taken_by, draft, draft_by, draft_lang, draft_message, answer, answer_lang, "
    "answered_by, answered_at, learned, posted_at, answer_notice, "
    "(SELECT d.state FROM deliveries d WHERE d.broadcast_id = tickets.answer_notice)"
)


class TicketState(StrEnum):
    """Where a ticket stands."""

    OPEN = "open"
    TAKEN = "taken"
    ANSWERED = "answered"
    CLOSED = "closed"


@dataclass(frozen=True)
class Ticket:
    """A ticket as stored; answer_delivery: the state of the answer's delivery (blocked...)."""

    id: int
    created_at: str
    user_id: int
    lang: str
    question: str
    project: str | None
    topic: str | None
    confidence: float
    contact: str | None
    state: str
    reopened: int
    taken_by: str | None
    draft: str | None
    draft_by: int | None
    draft_lang: str | None
    draft_message: int | None
    answer: str | None
    answer_lang: str | None
    answered_by: str | None
    answered_at: str | None
    learned: int
    posted_at: str
    answer_notice: int | None
    answer_delivery: str | None


@dataclass(frozen=True)
class NewTicket:
    """What a citizen sends: the question, the bot's guesses, a contact if they shared it."""

    user_id: int
    lang: str
    question: str
    project: str | None = None
    topic: str | None = None
    confidence: float = 0.0
    contact: str | None = None


@dataclass(frozen=True)
class Post:
    """A message to queue: chat, language, HTML text, keyboard (JSON), forum topic."""

    chat_id: int
    lang: str
    text: str
    markup: str | None = None
    thread_id: int | None = None


PostFor = Callable[[Ticket], Post]


def _ticket(db: sqlite3.Connection, ticket_id: int) -> Ticket | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    return Ticket(*row) if row else None


def _post(db: sqlite3.Connection, ticket: Ticket, post: Post, kind: str) -> int:
    broadcast_id = notice(db, post.chat_id, post.lang, post.text, kind, post.markup, post.thread_id)
    if kind == "ticket":
        db.execute(
            "INSERT INTO ticket_posts (ticket_id, broadcast_id) VALUES (?, ?)",
            (ticket.id, broadcast_id),
        )
    return broadcast_id


class TicketStore(StorageBase):
    """The tickets and ticket_posts tables."""

    async def open_ticket(self, new: NewTicket, post_for: PostFor) -> Ticket:
        """Store a ticket and queue its post to the staff group, in one durable transaction."""
        stamp = now()

        def work(db: sqlite3.Connection) -> Ticket:
            cursor = db.execute(
                "INSERT INTO tickets (created_at, user_id, lang, question, project, topic, "
                "confidence, contact, posted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    stamp,
                    new.user_id,
                    new.lang,
                    new.question,
                    new.project,
                    new.topic,
                    new.confidence,
                    new.contact,
                    stamp,
                    stamp,
                ),
            )
            ticket = _ticket(db, int(cursor.lastrowid or 0))
            assert ticket is not None, "the ticket was just stored"
            _post(db, ticket, post_for(ticket), "ticket")
            return ticket

        return await self.atomically(work, durable=True)

    async def asked(
        self, question_id: int, user_id: int
    ) -> tuple[str, str | None, str | None, float] | None:
        """A question the user asked (text, project, topic, confidence), from the log."""
        row = await self.fetch_one(
            "SELECT text, project, topic, confidence FROM questions WHERE id = ? AND user_id = ?",
            (question_id, user_id),
        )
        return (str(row[0]), row[1], row[2], float(row[3])) if row else None

    async def ticket(self, ticket_id: int) -> Ticket | None:
        """A ticket by number."""
        row = await self.fetch_one(f"SELECT {_COLUMNS} FROM tickets WHERE id = ?", (ticket_id,))
        return Ticket(*row) if row else None

    async def ticket_at(self, chat_id: int, message_id: int) -> Ticket | None:
        """The ticket a message of the staff group shows (a post, or a preview of a draft)."""
        row = await self.fetch_one(
            f"SELECT {_COLUMNS} FROM tickets WHERE ? IN (draft_message, prompt_message) "
            "OR id IN (SELECT p.ticket_id FROM ticket_posts p JOIN deliveries d "
            "ON d.broadcast_id = p.broadcast_id WHERE d.user_id = ? AND d.message_id = ?) LIMIT 1",
            (message_id, chat_id, message_id),
        )
        return Ticket(*row) if row else None

    async def change_ticket(
        self,
        ticket_id: int,
        states: tuple[str, ...],
        change: tuple[str, tuple[object, ...]],
        require: tuple[str, tuple[object, ...]] = ("1", ()),
        then: tuple[PostFor, str] | None = None,
    ) -> Ticket | None:
        """UPDATE tickets SET {change} WHERE the ticket is in one of states and {require}
        holds; only if that changed it, queue then's post (of its kind) in the same durable
        transaction. The ticket as changed, or None: another change came first."""
        marks = ", ".join("?" * len(states))

        def work(db: sqlite3.Connection) -> Ticket | None:
            changed = db.execute(
                f"UPDATE tickets SET {change[0]}, updated_at = ? WHERE id = ? "
                f"AND state IN ({marks}) AND {require[0]}",
                (*change[1], now(), ticket_id, *states, *require[1]),
            ).rowcount
            if changed != 1:
                return None
            ticket = _ticket(db, ticket_id)
            assert ticket is not None, "the ticket was just changed"
            if then is not None:
                broadcast_id = _post(db, ticket, then[0](ticket), then[1])
                if then[1] == "answer":
                    db.execute(
                        "UPDATE tickets SET answer_notice = ? WHERE id = ?",
                        (broadcast_id, ticket_id),
                    )
                    ticket = _ticket(db, ticket_id)
            return ticket

        return await self.atomically(work, durable=then is not None)

    async def user_tickets(self, user_id: int, limit: int = 20) -> list[Ticket]:
        """A citizen's tickets, newest first."""
        rows = await self.fetch_all(
            f"SELECT {_COLUMNS} FROM tickets WHERE user_id = ? ORDER BY id DESC LIMIT ?",
            (user_id, limit),
        )
        return [Ticket(*row) for row in rows]

    async def staff_tickets(self, since: str, limit: int = 30) -> list[Ticket]:
        """Open and taken tickets, and those answered since a time; oldest first."""
        rows = await self.fetch_all(
            f"SELECT {_COLUMNS} FROM tickets WHERE state IN ('open', 'taken') "
            "OR (state = 'answered' AND answered_at >= ?) ORDER BY id LIMIT ?",
            (since, limit),
        )
        return [Ticket(*row) for row in rows]

    async def all_tickets(self, only_open: bool) -> list[Ticket]:
        """Every ticket (or the open and taken ones), oldest first."""
        where = "WHERE state IN ('open', 'taken')" if only_open else ""
        rows = await self.fetch_all(f"SELECT {_COLUMNS} FROM tickets {where} ORDER BY id")
        return [Ticket(*row) for row in rows]

    async def waiting_tickets(self) -> list[Ticket]:
        """Open or taken tickets whose latest post did not reach the staff group (a 403...)."""
        rows = await self.fetch_all(
            f"SELECT {_COLUMNS} FROM tickets WHERE state IN ('open', 'taken') AND (SELECT "
            "d.state FROM ticket_posts p JOIN deliveries d ON d.broadcast_id = p.broadcast_id "
            "WHERE p.ticket_id = tickets.id ORDER BY p.broadcast_id DESC LIMIT 1) "
            "IN ('blocked', 'failed') ORDER BY id"
        )
        return [Ticket(*row) for row in rows]

    async def posted_since(self, stamp: str) -> bool:
        """True when a ticket's post reached the staff group at or after a time."""
        return bool(
            await self.scalar(
                "SELECT 1 FROM ticket_posts p JOIN deliveries d ON d.broadcast_id = "
                "p.broadcast_id WHERE d.state = 'sent' AND d.updated_at >= ? LIMIT 1",
                (stamp,),
            )
        )

    async def flag(self, key: str) -> str | None:
        """A value kept in the meta table."""
        value = await self.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    async def set_flag(self, key: str, value: str | None) -> None:
        """Keep (or, with None, drop) a value in the meta table."""
        if value is None:
            await self.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            await self.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    async def ticket_figures(self, since: str) -> tuple[int, int, list[float], int]:
        """Tickets opened since a time; answered since then; each one's hours to its answer;
        how many of them became FAQ entries."""
        rows = await self.fetch_all(
            "SELECT created_at, answered_at, learned FROM tickets WHERE created_at >= ?", (since,)
        )
        hours = [
            (dt.datetime.fromisoformat(done) - dt.datetime.fromisoformat(made)).total_seconds()
            / 3600
            for made, done, _ in rows
            if done
        ]
        return len(rows), len(hours), hours, sum(int(row[2]) for row in rows)

    async def ticket_messages(self, user_id: int) -> list[tuple[int, int, int]]:
        """(ticket, chat, message) of the user's tickets' posts and Learn screens (staff group)."""
        rows = await self.fetch_all(
            "SELECT p.ticket_id, d.user_id, d.message_id FROM ticket_posts p "
            "JOIN tickets t ON t.id = p.ticket_id JOIN deliveries d "
            "ON d.broadcast_id = p.broadcast_id WHERE t.user_id = ? AND d.message_id IS NOT NULL "
            "UNION SELECT id, learn_chat, learn_message FROM tickets "
            "WHERE user_id = ? AND learn_message IS NOT NULL",
            (user_id, user_id),
        )
        return [(int(r[0]), int(r[1]), int(r[2])) for r in rows]

    async def forget_tickets(self, user_id: int) -> int:
        """Erase a citizen's tickets with their posts to the staff group (/forget)."""
        posts = (
            "SELECT p.broadcast_id FROM ticket_posts p JOIN tickets t ON t.id = p.ticket_id "
            "WHERE t.user_id = ?"
        )

        def work(db: sqlite3.Connection) -> int:
            db.execute(f"DELETE FROM deliveries WHERE broadcast_id IN ({posts})", (user_id,))
            db.execute(f"DELETE FROM broadcasts WHERE id IN ({posts})", (user_id,))
            return int(db.execute("DELETE FROM tickets WHERE user_id = ?", (user_id,)).rowcount)

        return await self.atomically(work)

    async def prune_tickets(self, older_than: str) -> int:
        """Delete tickets last changed before a time (the retention period)."""
        return await self.execute("DELETE FROM tickets WHERE updated_at < ?", (older_than,))
