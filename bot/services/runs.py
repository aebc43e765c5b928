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


class Committer:
    """Writes a run's claims and outcomes: what the workers ask for while one transaction runs
    goes into the next, so that many messages share one commit (the database, not Telegram,
    would otherwise set the pace)."""

    def __init__(self, storage: Storage, token: str) -> None:
        self.storage, self.token = storage, token
        self._claims: list[tuple[Delivery, asyncio.Future[bool]]] = []
        self._outcomes: list[tuple[Delivery, Outcome, asyncio.Future[bool]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def claim(self, delivery: Delivery) -> bool:
        """pending -> sending for this run; False if it was not pending or the lease is gone."""
        future = asyncio.get_running_loop().create_future()
        self._claims.append((delivery, future))
        return await self._wait(future)

    async def record(self, delivery: Delivery, outcome: Outcome) -> None:
        """Store what became of a delivery this run claimed."""
        future = asyncio.get_running_loop().create_future()
        self._outcomes.append((delivery, outcome, future))
        await self._wait(future)

    async def drain(self) -> None:
        """Wait until everything asked for is written (or failed)."""
        if self._writer is not None:
            with contextlib.suppress(Exception):
                await self._writer

    async def _wait(self, future: asyncio.Future[bool]) -> bool:
        if self._writer is None or self._writer.done():
            self._writer = asyncio.get_running_loop().create_task(self._write())
        return await future

    async def _write(self) -> None:
        while self._claims or self._outcomes:
            claims, self._claims = self._claims, []
            outcomes, self._outcomes = self._outcomes, []
            futures = [f for _, f in claims] + [f for *_, f in outcomes]
            try:
                claimed = await self.storage.advance(
                    self.token, [(d, o) for d, o, _ in outcomes], [d for d, _ in claims]
                )
            except Exception as error:
                for future in futures:
                    if not future.done():
                        future.set_exception(error)
                continue
            for delivery, future in claims:
                if not future.done():
                    future.set_result(delivery.id in claimed)
            for *_, future in outcomes:
                if not future.done():
                    future.set_result(True)
