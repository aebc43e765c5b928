"""What one run of a broadcast keeps: the deliveries due, and the writes batched together."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import time

from bot.storage import Delivery, Outcome, Storage


class Schedule:
    """A run's deliveries in the order they are due; a retried one comes back at its retry_at."""

    def __init__(self, deliveries: list[Delivery]) -> None:
        self._heap = [(d.retry_at or 0.0, d.id, d) for d in deliveries]
        heapq.heapify(self._heap)
        self._in_flight = 0
        self._changed = asyncio.Condition()
        self.closed = False

    async def take(self) -> Delivery | None:
        """The next due delivery; None once nothing is left (or the schedule is closed)."""
        async with self._changed:
            while not self.closed:
                wait: float | None = None
                if self._heap:
                    wait = self._heap[0][0] - time.time()
                    if wait <= 0:
                        self._in_flight += 1
                        return heapq.heappop(self._heap)[2]
                elif not self._in_flight:
                    return None
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), wait)
            return None

    async def done(self, again: Delivery | None = None) -> None:
        """A taken delivery is finished with, or (again) due once more at its retry_at."""
        async with self._changed:
            self._in_flight -= 1
            if again is not None:
                heapq.heappush(self._heap, (again.retry_at or 0.0, again.id, again))
            self._changed.notify_all()

    async def close(self) -> None:
        """Hand out nothing more."""
        async with self._changed:
            self.closed = True
            self._changed.notify_all()


# a write waits this long for other workers' claims and outcomes to join it (group commit):
# fewer, larger transactions when sending fast; nothing to notice at Telegram's 30 a second
LINGER = 0.002


class Committer:
    """Writes a run's claims and outcomes: what the workers ask for while one transaction runs
    goes into the next, so that many messages share one commit (the database, not Telegram,
    would otherwise set the pace). Outcomes are written before the claims of their batch."""

    def __init__(self, storage: Storage, token: str) -> None:
        self.storage, self.token = storage, token
        self._claims: list[tuple[Delivery, asyncio.Future[bool]]] = []
        self._outcomes: list[tuple[Delivery, Outcome]] = []
        self._writer: asyncio.Task[None] | None = None
        self._error: Exception | None = None  # an outcome that could not be written

    async def claim(self, delivery: Delivery) -> bool:
        """pending -> sending for this run; False if it was not pending or the lease is gone."""
        self._raise()
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._claims.append((delivery, future))
        self._start()
        return await future

    def record(self, delivery: Delivery, outcome: Outcome) -> None:
        """Store what became of a delivery this run claimed, with the next write."""
        self._outcomes.append((delivery, outcome))
        self._start()

    async def flush(self) -> None:
        """Wait until everything asked for is written; raise if some of it could not be."""
        await self.drain()
        self._raise()

    async def drain(self) -> None:
        """Wait until everything asked for is written or failed."""
        while self._writer is not None and not self._writer.done():
            await asyncio.wait([self._writer])

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _start(self) -> None:
        if self._writer is None or self._writer.done():
            self._writer = asyncio.get_running_loop().create_task(self._write())

    async def _write(self) -> None:
        while self._claims or self._outcomes:
            await asyncio.sleep(LINGER)  # let the other workers' requests join this write
            claims, self._claims = self._claims, []
            outcomes, self._outcomes = self._outcomes, []
            try:
                claimed = await self.storage.advance(self.token, outcomes, [d for d, _ in claims])
            except Exception as error:
                if outcomes:
                    self._error = error
                for _, future in claims:
                    if not future.done():
                        future.set_exception(error)
                continue
            for delivery, future in claims:
                if not future.done():
                    future.set_result(delivery.id in claimed)
