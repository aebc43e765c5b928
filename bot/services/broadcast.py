"""Broadcast delivery: within Telegram's limits, every recipient once, resumable after a crash.

Before the first message goes out the broadcast and one delivery row per recipient are stored.
Each delivery goes pending -> sending -> sent | failed | blocked. A delivery found in 'sending'
after a crash may or may not have reached Telegram (there is no way to ask), so it is never sent
again: it becomes 'uncertain' and is counted in the report. Nobody gets a message twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bot.storage import Delivery, Outcome, Storage

log = logging.getLogger(__name__)
WORKERS = 16
PROGRESS_EVERY = 2.0


class SendError(Exception):
    """A message could not be sent."""


class RateLimited(SendError):
    """Telegram answered 429: wait retry_after seconds; the message was not sent."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


class Blocked(SendError):
    """Telegram answered 403: the user blocked the bot."""


class Sender(Protocol):
    """Sends one HTML message to a chat; returns the Telegram message id."""

    async def send(self, chat_id: int, html: str) -> int: ...


@dataclass(frozen=True)
class Progress:
    """Where a broadcast stands."""

    broadcast_id: int
    total: int
    sent: int
    failed: int
    blocked: int
    uncertain: int
    left: int
    seconds_left: float | None
    finished: bool = False
    cancelled: bool = False


ProgressCallback = Callable[[Progress], Awaitable[None]]


class RateLimiter:
    """At most `rate` sends a second overall, one a second per chat, and pauses after a 429."""

    def __init__(self, rate: float, per_chat: float = 1.0) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.per_chat = per_chat
        self._next = 0.0
        self._paused_until = 0.0
        self._last_chat: dict[int, float] = {}

    async def acquire(self, chat_id: int) -> None:
        """Wait for a sending slot."""
        while True:
            now = time.monotonic()
            slot = max(
                self._next, self._paused_until, self._last_chat.get(chat_id, 0.0) + self.per_chat
            )
            if slot <= now:
                self._next = max(self._next, now) + self.interval
                self._last_chat[chat_id] = now
                if len(self._last_chat) > 10_000:
                    self._last_chat = {
                        c: t for c, t in self._last_chat.items() if now - t < self.per_chat
                    }
                return
            await asyncio.sleep(slot - now)

    def delay(self) -> float:
        """Seconds until the next overall slot."""
        return max(0.0, max(self._next, self._paused_until) - time.monotonic())

    def pause(self, seconds: float) -> None:
        """Stop everyone for seconds (Telegram's flood control is per bot)."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)


class Broadcaster:
    """Runs broadcasts: one runner per broadcast, guarded by a lease in the database."""

    def __init__(
        self,
        storage: Storage,
        sender: Sender,
        rate: float = 25.0,
        lease: float = 15.0,
        workers: int | None = None,
    ) -> None:
        self.storage = storage
        self.sender = sender
        self.limiter = RateLimiter(rate)
        self.lease = lease
        # as few messages in flight as the rate allows: a crash leaves at most that many
        # deliveries uncertain
        self.workers = workers or max(2, min(WORKERS, math.ceil(rate / 10)))
        self.owner = uuid.uuid4().hex
        self.tasks: dict[int, asyncio.Task[Progress | None]] = {}
        self._cancelled: set[int] = set()

    def start(
        self, broadcast_id: int, progress: ProgressCallback | None = None
    ) -> asyncio.Task[Progress | None]:
        """Run a broadcast in the background."""
        task = asyncio.get_running_loop().create_task(self.run(broadcast_id, progress))
        self.tasks[broadcast_id] = task
        task.add_done_callback(lambda _: self.tasks.pop(broadcast_id, None))
        return task

    def cancel(self, broadcast_id: int) -> None:
        """Stop a running broadcast after the messages in flight."""
        self._cancelled.add(broadcast_id)

    async def resume_orphans(self, progress: Callable[[int], ProgressCallback | None]) -> list[int]:
        """Start every running broadcast whose runner has gone (after a crash or restart)."""
        orphans = await self.storage.orphaned_broadcasts(time.time())
        for broadcast_id in orphans:
            if broadcast_id not in self.tasks:
                self.start(broadcast_id, progress(broadcast_id))
        return orphans

    async def stop(self) -> None:
        """Stop every runner, releasing their leases so that a restart resumes at once."""
        for broadcast_id in list(self.tasks):
            self._cancelled.add(-broadcast_id)
        for task in list(self.tasks.values()):
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def run(
        self, broadcast_id: int, progress: ProgressCallback | None = None
    ) -> Progress | None:
        """Send every pending delivery of a broadcast; None if another runner holds it."""
        if not await self.storage.take_lease(
            broadcast_id, self.owner, time.time() + self.lease, time.time()
        ):
            return None
        await self.storage.settle_interrupted(broadcast_id)
        queue: asyncio.Queue[Delivery] = asyncio.Queue()
        for delivery in await self.storage.pending(broadcast_id):
            queue.put_nowait(delivery)
        heartbeat = asyncio.get_running_loop().create_task(self._heartbeat(broadcast_id))
        reporter = _Reporter(self.storage, broadcast_id, progress)
        try:
            await reporter.report()
            workers = [
                asyncio.get_running_loop().create_task(self._worker(broadcast_id, queue, reporter))
                for _ in range(min(self.workers, max(queue.qsize(), 1)))
            ]
            await asyncio.gather(*workers)
        finally:
            heartbeat.cancel()
            cancelled = broadcast_id in self._cancelled
            stopping = -broadcast_id in self._cancelled
            if cancelled:
                await self.storage.set_broadcast_state(broadcast_id, "cancelled")
            elif not stopping and not await self.storage.pending(broadcast_id):
                await self.storage.set_broadcast_state(broadcast_id, "done")
            await self.storage.release_lease(broadcast_id, self.owner)
            self._cancelled.discard(broadcast_id)
            self._cancelled.discard(-broadcast_id)
        return await reporter.report(final=not stopping, cancelled=cancelled)

    def _stopping(self, broadcast_id: int) -> bool:
        return broadcast_id in self._cancelled or -broadcast_id in self._cancelled

    async def _worker(
        self, broadcast_id: int, queue: asyncio.Queue[Delivery], reporter: _Reporter
    ) -> None:
        """Send deliveries one at a time; each message's outcome is stored in the same
        transaction that marks the next one 'sending' (one commit per message)."""
        row = await self.storage.broadcast(broadcast_id)
        if row is None:
            return
        outcome: Outcome | None = None
        while True:
            delivery = None
            if not queue.empty() and not self._stopping(broadcast_id):
                delivery = queue.get_nowait()
                await self.limiter.acquire(delivery.user_id)
                if self._stopping(broadcast_id):
                    delivery = None  # still 'pending' in the database: resumed later
            await self.storage.advance(outcome, delivery)
            if delivery is None:
                return
            try:
                message_id = await self.sender.send(delivery.user_id, row.text(delivery.lang))
            except RateLimited as error:
                await self.storage.advance(Outcome(delivery, "pending"), None)
                self.limiter.pause(error.retry_after)
                queue.put_nowait(delivery)
                outcome = None
                continue
            except Blocked:
                outcome = Outcome(delivery, "blocked", error="blocked by the user")
                await self.storage.set_blocked(delivery.user_id, True)
            except SendError as error:
                outcome = Outcome(delivery, "failed", error=str(error)[:200])
            else:
                outcome = Outcome(delivery, "sent", message_id)
            if self.limiter.delay() > 0.005:  # the next slot is not now: store this one at once
                await self.storage.advance(outcome, None)
                outcome = None
            await reporter.maybe_report()

    async def _heartbeat(self, broadcast_id: int) -> None:
        while True:
            await asyncio.sleep(self.lease / 3)
            await self.storage.take_lease(
                broadcast_id, self.owner, time.time() + self.lease, time.time()
            )


class _Reporter:
    """Counts from the database, passed to the progress callback at most every 2 s."""

    def __init__(
        self, storage: Storage, broadcast_id: int, callback: ProgressCallback | None
    ) -> None:
        self.storage, self.broadcast_id, self.callback = storage, broadcast_id, callback
        self.started = time.monotonic()
        self.last = 0.0
        self.first_sent: int | None = None

    async def maybe_report(self) -> None:
        if self.callback is not None and time.monotonic() - self.last >= PROGRESS_EVERY:
            await self.report()

    async def report(self, final: bool = False, cancelled: bool = False) -> Progress:
        counts = await self.storage.delivery_counts(self.broadcast_id)
        left = counts.get("pending", 0) + counts.get("sending", 0)
        done = sum(counts.get(s, 0) for s in ("sent", "failed", "blocked"))
        if self.first_sent is None:
            self.first_sent = done
        elapsed = time.monotonic() - self.started
        rate = (done - self.first_sent) / elapsed if elapsed > 0 else 0.0
        progress = Progress(
            self.broadcast_id,
            sum(counts.values()),
            counts.get("sent", 0),
            counts.get("failed", 0),
            counts.get("blocked", 0),
            counts.get("uncertain", 0),
            left,
            left / rate if rate > 0 else None,
            final,
            cancelled,
        )
        self.last = time.monotonic()
        if self.callback is not None:
            try:
                await self.callback(progress)
            except Exception:  # a failed status edit must not stop the broadcast
                log.exception("progress report for broadcast %s failed", self.broadcast_id)
        return progress
