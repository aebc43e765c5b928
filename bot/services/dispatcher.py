"""The one way messages leave the bot in bulk: a stored queue and one dispatcher per process.

Broadcasts are stored `queued` with one delivery per recipient; only the dispatcher starts them.
A run of a broadcast holds its lease under a token of its own (a fresh one per run), renews it
from a heartbeat, and claims each delivery with a conditional update that checks the token. A
failed renewal, a token that is no longer the run's, or any worker's failure stops every worker
of the run (an asyncio.TaskGroup) before the lease is released. What was in flight when a run
died is marked uncertain by the next run and never sent again: nobody gets a message twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import math
import random
import time
import uuid
from dataclasses import dataclass, replace

from bot.config import Settings
from bot.services.broadcast import (
    Blocked,
    NotSent,
    Progress,
    ProgressFactory,
    RateLimited,
    Rejected,
    RetryPolicy,
    Sender,
    SendError,
)
from bot.services.progress import Reporter
from bot.services.ratelimit import RateLimiter
from bot.services.runs import Committer, Schedule
from bot.storage import BroadcastRow, Delivery, DeliveryState, Outcome, Storage

log = logging.getLogger(__name__)
MAX_WORKERS = 8
MAX_RUNS = 4
STOP_GRACE = 10.0


class LeaseLost(Exception):
    """The run's lease could not be renewed or belongs to another run now."""


@dataclass
class _Run:
    """One run of one broadcast: its lease token, schedule, writes and reporter."""

    row: BroadcastRow
    token: str
    schedule: Schedule
    committer: Committer
    reporter: Reporter


class Dispatcher:
    """Starts every broadcast to send, runs each under its own lease, paces by the limiter."""

    def __init__(
        self,
        storage: Storage,
        sender: Sender,
        limiter: RateLimiter,
        *,
        lease: float = 15.0,
        workers: int = 0,
        retry: RetryPolicy | None = None,
        progress: ProgressFactory | None = None,
    ) -> None:
        self.storage, self.sender, self.limiter = storage, sender, limiter
        self.lease = lease
        # as few in flight as the rate allows: a crash leaves at most that many uncertain
        rate = limiter.configured
        self.workers = workers or (
            MAX_WORKERS if math.isinf(rate) else max(2, min(MAX_WORKERS, math.ceil(rate / 5)))
        )
        self.retry = retry or RetryPolicy()
        self.progress = progress
        self.runs: dict[int, asyncio.Task[Progress | None]] = {}
        self._active: dict[int, _Run] = {}
        self._resting: dict[int, float] = {}  # broadcasts whose run failed: not again until
        self._wake = asyncio.Event()
        self._stopping = False
        self._random = random.Random()

    @classmethod
    def configured(
        cls,
        settings: Settings,
        storage: Storage,
        sender: Sender,
        limiter: RateLimiter,
        progress: ProgressFactory | None = None,
    ) -> Dispatcher:
        """A dispatcher with the delivery settings (lease, workers, tries, back-off)."""
        return cls(
            storage,
            sender,
            limiter,
            lease=settings.broadcast_lease,
            workers=settings.delivery_workers,
            retry=RetryPolicy(settings.delivery_attempts, settings.delivery_retry_base),
            progress=progress,
        )

    def wake(self) -> None:
        """Look for broadcasts to start now (a new one was stored)."""
        self._wake.set()

    async def serve(self, poll: float = 2.0) -> None:
        """Until stopped: start a run for each broadcast that no live run holds."""
        while not self._stopping:
            self._wake.clear()
            try:
                await self.adopt()
            except Exception:  # the dispatcher must outlive a failing database call
                log.exception("looking for broadcasts to send failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), poll)

    async def adopt(self) -> list[int]:
        """Start a run for each queued or orphaned broadcast (a few at a time); their ids."""
        started = []
        for broadcast_id in await self.storage.adoptable(time.time()):
            if self._stopping or len(self.runs) >= MAX_RUNS:
                break
            if broadcast_id not in self.runs and self._resting.get(broadcast_id, 0) < time.time():
                task = asyncio.get_running_loop().create_task(self.run(broadcast_id))
                self.runs[broadcast_id] = task
                task.add_done_callback(functools.partial(self._finished, broadcast_id))
                started.append(broadcast_id)
        return started

    def _finished(self, broadcast_id: int, task: asyncio.Task[Progress | None]) -> None:
        self.runs.pop(broadcast_id, None)
        if not task.cancelled() and task.exception() is not None:
            log.error("broadcast %s stopped by an error", broadcast_id, exc_info=task.exception())
            self._resting[broadcast_id] = time.time() + self.lease
        self.wake()

    async def cancel(self, broadcast_id: int) -> bool:
        """Stop a broadcast for good (whichever process sends it); False if it had ended."""
        if not await self.storage.cancel_broadcast(broadcast_id):
            return False
        run = self._active.get(broadcast_id)
        if run is not None:
            await run.schedule.close()  # the run reports its end itself
        elif self.progress is not None and (callback := self.progress(broadcast_id)):
            row = await self.storage.broadcast(broadcast_id)
            assert row is not None, "a cancelled broadcast exists"
            await Reporter(self.storage, row, callback).report()
        return True

    async def stop(self) -> None:
        """Stop claiming; let the messages in flight finish; release the leases (a restart
        resumes at once)."""
        self._stopping = True
        self.wake()
        for run in list(self._active.values()):
            await run.schedule.close()
        tasks = list(self.runs.values())
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=STOP_GRACE)
            for task in late:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def run(self, broadcast_id: int) -> Progress | None:
        """Send a broadcast's deliveries; None if another run holds it or the lease was lost."""
        token = uuid.uuid4().hex
        if not await self.storage.take_lease(
            broadcast_id, token, time.time() + self.lease, time.time()
        ):
            return None
        committer = Committer(self.storage, token)
        try:
            row = await self.storage.broadcast(broadcast_id)
            assert row is not None, "a leased broadcast exists"
            pending = await self.storage.pending(broadcast_id)
            callback = self.progress(broadcast_id) if self.progress else None
            run = _Run(
                row, token, Schedule(pending), committer, Reporter(self.storage, row, callback)
            )
            self._active[broadcast_id] = run
            await self._send_all(run, len(pending))
        except BaseExceptionGroup as errors:
            lost, other = errors.split(LeaseLost)
            if other is not None:
                raise other from None
            log.warning("broadcast %s: %s; stopped at once", broadcast_id, lost)
            return None
        finally:
            self._active.pop(broadcast_id, None)
            await committer.drain()
            await self.storage.release_lease(broadcast_id, token)  # only after every worker
        return await run.reporter.report()

    async def _send_all(self, run: _Run, pending: int) -> None:
        if self._stopping:
            return
        await run.reporter.report()
        async with asyncio.TaskGroup() as group:
            heartbeat = group.create_task(self._heartbeat(run))
            workers = [
                group.create_task(self._worker(run)) for _ in range(min(self.workers, pending))
            ]
            if workers:
                await asyncio.wait(workers)
            heartbeat.cancel()
        await run.committer.flush()

    async def _heartbeat(self, run: _Run) -> None:
        while True:
            await asyncio.sleep(self.lease / 3)
            try:
                renewed = await self.storage.renew_lease(
                    run.row.id, run.token, time.time() + self.lease
                )
            except Exception as error:
                raise LeaseLost(f"renewing the lease failed ({error})") from error
            if not renewed:
                raise LeaseLost("the lease belongs to another run now")

    async def _worker(self, run: _Run) -> None:
        while not self._stopping and (delivery := await run.schedule.take()) is not None:
            again = None
            try:
                again = await self._deliver(run, delivery)
            finally:
                await run.schedule.done(again)
            await run.reporter.maybe_report()

    async def _deliver(self, run: _Run, delivery: Delivery) -> Delivery | None:
        """Claim, send and record one delivery; the delivery again if it is to be retried."""
        await self.limiter.acquire(delivery.user_id)
        if self._stopping:
            return None  # still pending in the database: the next run sends it
        if not await run.committer.claim(delivery):
            token, state = await self.storage.lease(run.row.id)
            if token != run.token:
                raise LeaseLost("the lease belongs to another run now")
            if state == "cancelled":
                await run.schedule.close()
            return None  # not pending any more (the broadcast was stopped, or /forget)
        delivery = replace(delivery, attempts=delivery.attempts + 1)
        outcome = await self._attempt(delivery, delivery.text or run.row.text(delivery.lang))
        run.committer.record(delivery, outcome)
        if outcome.state == DeliveryState.BLOCKED and delivery.user_id > 0:  # a person, no group
            await self.storage.set_blocked(delivery.user_id, True)
        if outcome.state == DeliveryState.PENDING:
            return replace(delivery, retry_at=outcome.retry_at)
        return None

    async def _attempt(self, delivery: Delivery, text: str) -> Outcome:
        try:
            message_id = await self.sender.send(
                delivery.user_id, text, delivery.markup, delivery.thread_id
            )
        except RateLimited as error:
            self.limiter.rate_limited(error.retry_after)
            return self._again(delivery, str(error), error.retry_after)
        except Blocked:
            return Outcome(DeliveryState.BLOCKED, error="blocked by the user")
        except Rejected as error:
            return Outcome(DeliveryState.FAILED, error=_reason(error))
        except NotSent as error:
            delay = self.retry.delay(delivery.attempts, self._random)
            return self._again(delivery, _reason(error), delay)
        except SendError as error:  # the request left; whether it arrived is unknown
            return Outcome(DeliveryState.UNCERTAIN, error=_reason(error))
        self.limiter.accepted()
        return Outcome(DeliveryState.SENT, message_id)

    def _again(self, delivery: Delivery, reason: str, delay: float) -> Outcome:
        if delivery.attempts >= self.retry.attempts:
            return Outcome(DeliveryState.FAILED, error=f"{reason} ({delivery.attempts} tries)")
        return Outcome(DeliveryState.PENDING, error=reason, retry_at=time.time() + delay)


def _reason(error: Exception) -> str:
    return (str(error) or type(error).__name__)[:200]
