"""Broadcasts (a batch of deliveries: an announcement, a news item, a notice to one user),
stopping one, and the news items already announced."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from bot.storage.base import now
from bot.storage.deliveries import DeliveryState, DeliveryStore, Tally

# the fields of BroadcastRow, in order
_BROADCAST_COLUMNS = (
    "id, created_at, text_bg, text_en, project, kind, state, status_chat, status_message, "
    "status_lang, started_at"
)
RATE_WINDOW = 60  # seconds over which the achieved rate is measured


@dataclass(frozen=True)
class BroadcastRow:
    """A broadcast as stored; state: queued -> running -> done | cancelled."""

    id: int
    created_at: str
    text_bg: str
    text_en: str | None
    project: str | None
    kind: str
    state: str
    status_chat: int | None
    status_message: int | None
    status_lang: str | None
    started_at: str | None

    def text(self, lang: str) -> str:
        """The text for a recipient's language."""
        return self.text_en if lang == "en" and self.text_en else self.text_bg

    def rate(self, tally: Tally) -> float:
        """Messages a second sent over the last minute (or since the start, if later)."""
        if self.started_at is None or not tally.sent_last_minute:
            return 0.0
        started = dt.datetime.fromisoformat(self.started_at)
        elapsed = (dt.datetime.now(dt.UTC) - started).total_seconds()
        return tally.sent_last_minute / max(1.0, min(float(RATE_WINDOW), elapsed))


@dataclass(frozen=True)
class AnnouncedNews:
    """A news item already announced (or known at the first start)."""

    key: str
    date: str | None
    title: str | None


class BroadcastStore(DeliveryStore):
    """The broadcasts and announced_news tables."""

    async def create_broadcast(
        self,
        text_bg: str,
        text_en: str | None,
        project: str | None,
        recipients: Sequence[tuple[int, str]],
        admin_id: int | None = None,
        kind: str = "broadcast",
        news: tuple[str, str, str] | None = None,
    ) -> int:
        """Store a queued broadcast and its deliveries (and the announced news item: key, date,
        title) in one transaction; only the dispatcher starts it."""
        stamp = now()

        def create(db: sqlite3.Connection) -> int:
            cursor = db.execute(
                "INSERT INTO broadcasts (created_at, admin_id, text_bg, text_en, project, kind, "
                "state) VALUES (?, ?, ?, ?, ?, ?, 'queued')",
                (stamp, admin_id, text_bg, text_en, project, kind),
            )
            broadcast_id = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT INTO deliveries (broadcast_id, user_id, lang) VALUES (?, ?, ?)",
                [(broadcast_id, user_id, lang) for user_id, lang in recipients],
            )
            if news is not None and project is not None:
                db.execute(
                    "INSERT INTO announced_news (project, news_key, announced_at, news_date, "
                    "title) VALUES (?, ?, ?, ?, ?)",
                    (project, news[0], stamp, news[1], news[2]),
                )
            return broadcast_id

        return await self.atomically(create, durable=True)

    async def queue_notice(
        self,
        user_id: int,
        lang: str,
        text: str,
        kind: str = "notice",
        markup: str | None = None,
        thread_id: int | None = None,
    ) -> int:
        """One message with its own text (and keyboard as JSON, forum topic) to one chat, sent
        once by the dispatcher."""
        return await self.atomically(
            lambda db: notice(db, user_id, lang, text, kind, markup, thread_id), durable=True
        )

    async def broadcast(self, broadcast_id: int) -> BroadcastRow | None:
        """A broadcast by id."""
        row = await self.fetch_one(
            f"SELECT {_BROADCAST_COLUMNS} FROM broadcasts WHERE id = ?",
            (broadcast_id,),
        )
        return BroadcastRow(*row) if row else None

    async def broadcasts(self, limit: int = 10) -> list[tuple[BroadcastRow, Tally]]:
        """The newest broadcasts with their deliveries' tallies."""
        rows = await self.fetch_all(
            f"SELECT {_BROADCAST_COLUMNS} FROM broadcasts ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [(BroadcastRow(*row), await self.broadcast_tally(int(row[0]))) for row in rows]

    async def broadcast_tally(self, broadcast_id: int) -> Tally:
        """The tally of a broadcast, with the sends of the last minute."""
        since = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=RATE_WINDOW)
        return await self.tally(broadcast_id, since.isoformat(timespec="seconds"))

    async def set_status_message(
        self, broadcast_id: int, chat_id: int, message_id: int, lang: str
    ) -> None:
        """Remember the admin's status message (and language), to edit it as the broadcast goes."""
        await self.execute(
            "UPDATE broadcasts SET status_chat = ?, status_message = ?, status_lang = ? "
            "WHERE id = ?",
            (chat_id, message_id, lang, broadcast_id),
        )

    async def cancel_broadcast(self, broadcast_id: int) -> bool:
        """Stop a queued or running broadcast: what is not in flight is never sent."""
        return await self.switch_broadcast(
            broadcast_id,
            "state = 'cancelled', finished_at = ? WHERE id = ? AND state IN ('queued', 'running')",
            (now(), broadcast_id),
            (DeliveryState.PENDING, DeliveryState.CANCELLED, None),
        )

    async def announced(self, project: str) -> list[AnnouncedNews]:
        """The news items of a project already announced (or set as the baseline)."""
        rows = await self.fetch_all(
            "SELECT news_key, news_date, title FROM announced_news WHERE project = ?", (project,)
        )
        return [AnnouncedNews(str(r[0]), r[1], r[2]) for r in rows]

    async def mark_announced(self, items: Sequence[tuple[str, str, str, str]]) -> None:
        """Record news items (project, key, date, title) as announced without sending them."""
        stamp = now()
        async with self.transaction() as db:
            await db.executemany(
                "INSERT OR IGNORE INTO announced_news (project, news_key, announced_at, "
                "news_date, title) VALUES (?, ?, ?, ?, ?)",
                [(project, key, stamp, date, title) for project, key, date, title in items],
            )

    async def news_baseline_done(self) -> bool:
        """True once the news present at the first start has been recorded as known."""
        return bool(await self.scalar("SELECT 1 FROM meta WHERE key = 'news_baseline'"))

    async def set_news_baseline_done(self) -> None:
        """Record that later news items are new."""
        await self.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('news_baseline', ?)", (now(),)
        )


def notice(
    db: sqlite3.Connection,
    chat_id: int,
    lang: str,
    text: str,
    kind: str,
    markup: str | None = None,
    thread_id: int | None = None,
) -> int:
    """Queue one message to one chat inside a caller's transaction; returns its broadcast id."""
    cursor = db.execute(
        "INSERT INTO broadcasts (created_at, text_bg, kind, state) VALUES (?, ?, ?, 'queued')",
        (now(), text, kind),
    )
    broadcast_id = int(cursor.lastrowid or 0)
    db.execute(
        "INSERT INTO deliveries (broadcast_id, user_id, lang, text, markup, thread_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (broadcast_id, chat_id, lang, text, markup, thread_id),
    )
    return broadcast_id
