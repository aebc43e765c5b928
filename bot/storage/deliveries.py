"""The delivery queue: per-run leases, conditional claims, outcomes, and counts by state.

State machine of a delivery (README, "How messages are delivered"):

    pending --claim--> sending --> sent | failed | blocked | uncertain
       ^                  |
       +-- retry_at ------+   (a transient error: sent again later, up to a limit)
    pending --the broadcast is stopped--> cancelled
    sending --its run is gone--> uncertain   (it may have reached Telegram: never sent again)

Every step is a conditional UPDATE: a delivery is claimed only while it is pending and its
broadcast's lease belongs to the claiming run (the ids it changed are returned and checked), and
an outcome is stored only by the run that claimed it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.storage.base import StorageBase, now

_DELIVERY_COLUMNS = "id, broadcast_id, user_id, lang, text, attempts, retry_at, markup, thread_id"


class DeliveryState(StrEnum):
    """Where one delivery stands."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    BLOCKED = "blocked"
    UNCERTAIN = "uncertain"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Delivery:
    """One message to one recipient: the broadcast's text in their language, or its own
    (with its own keyboard, as JSON, and forum topic, if any)."""

    id: int
    broadcast_id: int
    user_id: int
    lang: str
    text: str | None = None
    attempts: int = 0
    retry_at: float | None = None
    markup: str | None = None
    thread_id: int | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one attempt; PENDING with retry_at means "again later"."""

    state: DeliveryState
    message_id: int | None = None
    error: str | None = None
    retry_at: float | None = None


@dataclass(frozen=True)
class Tally:
    """A broadcast's deliveries by state, the commonest failure reasons, the recent pace."""

    counts: dict[str, int]
    retrying: int
    reasons: tuple[tuple[str, int], ...]
    sent_last_minute: int

    def __getitem__(self, state: DeliveryState) -> int:
        return self.counts.get(state.value, 0)

    @property
    def total(self) -> int:
        """Every delivery of the broadcast."""
        return sum(self.counts.values())

    @property
    def left(self) -> int:
        """Deliveries not finished yet (pending, retrying or in flight)."""
        return self[DeliveryState.PENDING] + self[DeliveryState.SENDING]


class DeliveryStore(StorageBase):
    """Leases of broadcasts and the deliveries' state machine."""

    async def take_lease(self, broadcast_id: int, token: str, until: float, now_: float) -> bool:
        """Become the run of a broadcast unless a live run holds it; what the run before left
        in flight becomes uncertain, in the same (durable) transaction."""
        return await self.switch_broadcast(
            broadcast_id,
            "lease_token = ?, lease_until = ?, state = 'running', started_at = "
            "COALESCE(started_at, ?) WHERE id = ? AND state IN ('queued', 'running') "
            "AND (lease_token IS NULL OR lease_until < ?)",
            (token, until, now(), broadcast_id, now_),
            (DeliveryState.SENDING, DeliveryState.UNCERTAIN, "interrupted while sending"),
        )

    async def switch_broadcast(
        self,
        broadcast_id: int,
        change: str,
        params: tuple[object, ...],
        move: tuple[DeliveryState, DeliveryState, str | None],
    ) -> bool:
        """UPDATE broadcasts SET {change} and, only if that changed the broadcast, move its
        deliveries from one state to another (with an error text), in one durable transaction.
        """
        stamp = now()

        def switch(db: sqlite3.Connection) -> bool:
            if db.execute(f"UPDATE broadcasts SET {change}", params).rowcount != 1:
                return False
            db.execute(
                "UPDATE deliveries SET state = ?, error = COALESCE(?, error), updated_at = ? "
                "WHERE broadcast_id = ? AND state = ?",
                (move[1].value, move[2], stamp, broadcast_id, move[0].value),
            )
            return True

        return await self.atomically(switch, durable=True)

    async def renew_lease(self, broadcast_id: int, token: str, until: float) -> bool:
        """Extend the lease; False when it is no longer this run's."""
        changed = await self.execute(
            "UPDATE broadcasts SET lease_until = ? WHERE id = ? AND lease_token = ?",
            (until, broadcast_id, token),
        )
        return changed == 1

    async def release_lease(self, broadcast_id: int, token: str) -> None:
        """Mark the broadcast done if nothing is left, and let another run take it at once."""
        async with self.transaction() as db:
            await db.execute(
                "UPDATE broadcasts SET state = 'done', finished_at = ? WHERE id = ? "
                "AND lease_token = ? AND state = 'running' AND NOT EXISTS (SELECT 1 FROM "
                "deliveries WHERE broadcast_id = ? AND state IN ('pending', 'sending'))",
                (now(), broadcast_id, token, broadcast_id),
            )
            await db.execute(
                "UPDATE broadcasts SET lease_token = NULL, lease_until = NULL "
                "WHERE id = ? AND lease_token = ?",
                (broadcast_id, token),
            )

    async def lease(self, broadcast_id: int) -> tuple[str | None, str]:
        """(the lease's token, the broadcast's state)."""
        row = await self.fetch_one(
            "SELECT lease_token, state FROM broadcasts WHERE id = ?", (broadcast_id,)
        )
        return (row[0], str(row[1])) if row else (None, "gone")

    async def adoptable(self, now_: float) -> list[int]:
        """Broadcasts to send that no live run holds: queued, or left by a run that is gone."""
        rows = await self.fetch_all(
            "SELECT id FROM broadcasts WHERE state IN ('queued', 'running') AND "
            "(lease_token IS NULL OR lease_until < ?) ORDER BY id",
            (now_,),
        )
        return [int(row[0]) for row in rows]

    async def pending(self, broadcast_id: int) -> list[Delivery]:
        """Deliveries still to send (some perhaps only after their retry_at)."""
        rows = await self.fetch_all(
            f"SELECT {_DELIVERY_COLUMNS} FROM deliveries WHERE broadcast_id = ? "
            "AND state = 'pending' ORDER BY id",
            (broadcast_id,),
        )
        return [Delivery(*row) for row in rows]

    async def advance(
        self,
        token: str,
        outcomes: Sequence[tuple[Delivery, Outcome]],
        claims: Sequence[Delivery],
    ) -> set[int]:
        """In one transaction, durable when it claims: store the outcomes of deliveries this
        run claimed, then claim others (pending -> sending), only while the broadcast's lease
        is this run's. Returns the ids claimed.

        A final outcome also replaces 'uncertain' (a run that took over thought this one gone,
        but it was not); "again later" only replaces 'sending'.
        """
        stamp = now()

        def write(db: sqlite3.Connection) -> set[int]:
            for states, chosen in (
                ("'sending', 'uncertain'", [o for o in outcomes if o[1].state != "pending"]),
                ("'sending'", [o for o in outcomes if o[1].state == "pending"]),
            ):
                db.executemany(
                    "UPDATE deliveries SET state = ?, message_id = ?, error = ?, retry_at = ?, "
                    f"updated_at = ? WHERE id = ? AND claim = ? AND state IN ({states})",
                    [
                        (o.state.value, o.message_id, o.error, o.retry_at, stamp, d.id, token)
                        for d, o in chosen
                    ],
                )
            if not claims:
                return set()
            rows = db.execute(
                "UPDATE deliveries SET state = 'sending', claim = ?, attempts = attempts + 1, "
                f"updated_at = ? WHERE id IN ({', '.join('?' * len(claims))}) "
                "AND state = 'pending' AND EXISTS (SELECT 1 FROM broadcasts b WHERE "
                "b.id = deliveries.broadcast_id AND b.lease_token = ? AND b.state = 'running') "
                "RETURNING id",
                (token, stamp, *(d.id for d in claims), token),
            ).fetchall()
            return {int(row[0]) for row in rows}

        return await self.atomically(write, durable=bool(claims))

    async def tally(self, broadcast_id: int, since: str) -> Tally:
        """Counts by state, the three commonest failure reasons, and the sends since a time."""
        rows = await self.fetch_all(
            "SELECT state, COUNT(*), SUM(state = 'pending' AND attempts > 0) FROM deliveries "
            "WHERE broadcast_id = ? GROUP BY state",
            (broadcast_id,),
        )
        reasons = await self.fetch_all(
            "SELECT COALESCE(error, '?'), COUNT(*) FROM deliveries WHERE broadcast_id = ? "
            "AND state = 'failed' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3",
            (broadcast_id,),
        )
        recent = await self.scalar(
            "SELECT COUNT(*) FROM deliveries WHERE broadcast_id = ? AND state = 'sent' "
            "AND updated_at >= ?",
            (broadcast_id, since),
        )
        return Tally(
            {str(row[0]): int(row[1]) for row in rows},
            sum(int(row[2] or 0) for row in rows),
            tuple((str(row[0]), int(row[1])) for row in reasons),
            int(recent or 0),
        )
