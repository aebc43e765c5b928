"""Broadcasts, one delivery row per recipient, runner leases, and the news already announced."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.base import StorageBase, now

# the fields of BroadcastRow, in order
_BROADCAST_COLUMNS = (
    "id, created_at, text_bg, text_en, project, kind, state, status_chat, status_message"
)


@dataclass(frozen=True)
class Delivery:
    """One recipient of one broadcast."""

    broadcast_id: int
    user_id: int
    lang: str


@dataclass(frozen=True)
class BroadcastRow:
    """A broadcast as stored."""

    id: int
    created_at: str
    text_bg: str
    text_en: str | None
    project: str | None
    kind: str
    state: str
    status_chat: int | None
    status_message: int | None

    def text(self, lang: str) -> str:
        """The text for a recipient's language."""
        return self.text_en if lang == "en" and self.text_en else self.text_bg


@dataclass(frozen=True)
class Outcome:
    """What became of one delivery."""

    delivery: Delivery
    state: str
    message_id: int | None = None
    error: str | None = None


class BroadcastStore(StorageBase):
    """The broadcasts, deliveries and announced_news tables."""

    async def create_broadcast(
        self,
        text_bg: str,
        text_en: str | None,
        project: str | None,
        recipients: list[tuple[int, str]],
        admin_id: int | None = None,
        kind: str = "broadcast",
        news_key: str | None = None,
    ) -> int:
        """Store a broadcast and its deliveries (and the announced news) in one transaction."""
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO broadcasts (created_at, admin_id, text_bg, text_en, project, kind) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (now(), admin_id, text_bg, text_en, project, kind),
            )
            broadcast_id = int(cursor.lastrowid or 0)
            await db.executemany(
                "INSERT INTO deliveries (broadcast_id, user_id, lang) VALUES (?, ?, ?)",
                [(broadcast_id, user_id, lang) for user_id, lang in recipients],
            )
            if news_key is not None and project is not None:
                await db.execute(
                    "INSERT INTO announced_news (project, news_key, announced_at) VALUES (?, ?, ?)",
                    (project, news_key, now()),
                )
        return broadcast_id

    async def broadcast(self, broadcast_id: int) -> BroadcastRow | None:
        """A broadcast by id."""
        row = await self.fetch_one(
            f"SELECT {_BROADCAST_COLUMNS} FROM broadcasts WHERE id = ?",
            (broadcast_id,),
        )
        return BroadcastRow(*row) if row else None

    async def broadcasts(self, limit: int = 10) -> list[tuple[BroadcastRow, dict[str, int]]]:
        """The newest broadcasts with their delivery counts by state."""
        rows = await self.fetch_all(
            f"SELECT {_BROADCAST_COLUMNS} FROM broadcasts ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [(BroadcastRow(*row), await self.delivery_counts(int(row[0]))) for row in rows]

    async def set_status_message(self, broadcast_id: int, chat_id: int, message_id: int) -> None:
        """Remember the admin's status message, to edit it as the broadcast goes."""
        await self.execute(
            "UPDATE broadcasts SET status_chat = ?, status_message = ? WHERE id = ?",
            (chat_id, message_id, broadcast_id),
        )

    async def take_lease(self, broadcast_id: int, owner: str, until: float, now_: float) -> bool:
        """Become the runner of a broadcast, unless another live runner holds it."""
        changed = await self.execute(
            "UPDATE broadcasts SET lease_owner = ?, lease_until = ? WHERE id = ? AND "
            "state = 'running' AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)",
            (owner, until, broadcast_id, owner, now_),
        )
        return changed == 1

    async def release_lease(self, broadcast_id: int, owner: str) -> None:
        """Let another runner take the broadcast at once."""
        await self.execute(
            "UPDATE broadcasts SET lease_owner = NULL, lease_until = NULL "
            "WHERE id = ? AND lease_owner = ?",
            (broadcast_id, owner),
        )

    async def orphaned_broadcasts(self, now_: float) -> list[int]:
        """Running broadcasts whose runner has gone (no lease, or an expired one)."""
        rows = await self.fetch_all(
            "SELECT id FROM broadcasts WHERE state = 'running' AND "
            "(lease_owner IS NULL OR lease_until < ?) ORDER BY id",
            (now_,),
        )
        return [int(row[0]) for row in rows]

    async def set_broadcast_state(self, broadcast_id: int, state: str) -> None:
        """running -> done | cancelled."""
        finished = now() if state != "running" else None
        await self.execute(
            "UPDATE broadcasts SET state = ?, finished_at = ? WHERE id = ?",
            (state, finished, broadcast_id),
        )
        if state == "cancelled":
            await self.execute(
                "UPDATE deliveries SET state = 'cancelled', updated_at = ? "
                "WHERE broadcast_id = ? AND state = 'pending'",
                (now(), broadcast_id),
            )

    async def settle_interrupted(self, broadcast_id: int) -> int:
        """Deliveries caught mid-send by a crash: not sent again (never twice); counted."""
        return await self.execute(
            "UPDATE deliveries SET state = 'uncertain', updated_at = ? "
            "WHERE broadcast_id = ? AND state = 'sending'",
            (now(), broadcast_id),
        )

    async def pending(self, broadcast_id: int) -> list[Delivery]:
        """Deliveries still to send."""
        rows = await self.fetch_all(
            "SELECT broadcast_id, user_id, lang FROM deliveries WHERE broadcast_id = ? AND "
            "state = 'pending' ORDER BY user_id",
            (broadcast_id,),
        )
        return [Delivery(int(r[0]), int(r[1]), str(r[2])) for r in rows]

    async def advance(self, outcome: Outcome | None, next_delivery: Delivery | None) -> None:
        """Store one delivery's outcome and mark the next one 'sending', in one transaction."""
        if outcome is None and next_delivery is None:
            return
        stamp = now()
        async with self.transaction() as db:
            if outcome is not None:
                await db.execute(
                    "UPDATE deliveries SET state = ?, message_id = ?, error = ?, updated_at = ? "
                    "WHERE broadcast_id = ? AND user_id = ?",
                    (
                        outcome.state,
                        outcome.message_id,
                        outcome.error,
                        stamp,
                        outcome.delivery.broadcast_id,
                        outcome.delivery.user_id,
                    ),
                )
            if next_delivery is not None:
                await db.execute(
                    "UPDATE deliveries SET state = 'sending', updated_at = ? "
                    "WHERE broadcast_id = ? AND user_id = ?",
                    (stamp, next_delivery.broadcast_id, next_delivery.user_id),
                )

    async def delivery_counts(self, broadcast_id: int) -> dict[str, int]:
        """How many deliveries are in each state."""
        rows = await self.fetch_all(
            "SELECT state, COUNT(*) FROM deliveries WHERE broadcast_id = ? GROUP BY state",
            (broadcast_id,),
        )
        return {str(row[0]): int(row[1]) for row in rows}

    async def announced(self, project: str) -> set[str]:
        """The keys of the news items of a project already announced (or set as baseline)."""
        rows = await self.fetch_all(
            "SELECT news_key FROM announced_news WHERE project = ?", (project,)
        )
        return {str(row[0]) for row in rows}

    async def mark_announced(self, items: list[tuple[str, str]]) -> None:
        """Record news items as announced without sending (the first load's baseline)."""
        stamp = now()
        async with self.transaction() as db:
            await db.executemany(
                "INSERT OR IGNORE INTO announced_news (project, news_key, announced_at) "
                "VALUES (?, ?, ?)",
                [(project, key, stamp) for project, key in items],
            )

    async def news_baseline_done(self) -> bool:
        """True once the news present at the first start has been recorded as known."""
        return bool(await self.scalar("SELECT 1 FROM meta WHERE key = 'news_baseline'"))

    async def set_news_baseline_done(self) -> None:
        """Record that later news items are new."""
        await self.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('news_baseline', ?)", (now(),)
        )
