"""What answering writes by the way (who was seen, what was asked, who blocked the bot), done
so that answering never depends on the database being writable.

Each write is queued and done in the background, in order, many in one transaction. The caller
waits for it at most `wait` seconds (not at all while writes fail) and goes on without its
result. A write that cannot be done (another process holds the write lock, the disk is full)
is tried again every RETRY_EVERY seconds, each try waiting at most BRIEF seconds for the lock,
so that the database's thread stays free for the reads that answers need; after `patience`
seconds, or when `limit` writes wait already, the oldest are dropped and counted, with one
warning per pass. The first failure after a good spell and the recovery that ends it are
reported once each through `on_change` (which tells the admins).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.storage import Storage

log = logging.getLogger(__name__)
T = TypeVar("T")
Work = Callable[[sqlite3.Connection], T]
BRIEF = 0.1  # seconds a try waits for another process's write lock
RETRY_EVERY = 0.5
BATCH = 500  # writes in one transaction at most
# a database that is sick for now (locked, full, read-only, failing disk): try again later;
# any other error is a bug in the write, which would fail forever
SICK = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY")
QUIET = 600.0  # seconds after a failure report before another one


@dataclass
class _Write:
    work: Work[Any]
    deadline: float
    done: asyncio.Future[Any] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


Report = Callable[[str | None, int], Coroutine[Any, Any, None]]


def _write_all(batch: list[_Write], db: sqlite3.Connection) -> list[Any]:
    return [item.work(db) for item in batch]


class Recorder:
    """Best-effort writes: bounded waits, retries, counted drops, one report per failure."""

    def __init__(
        self,
        storage: Storage,
        *,
        wait: float = 1.0,
        patience: float = 60.0,
        limit: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.storage, self.wait, self.patience, self.limit = storage, wait, patience, limit
        self.clock = clock
        self.on_change: Report | None = None  # (the error, or None when writes work again; drops)
        self.failing: str | None = None  # why writes fail, while they do
        self.dropped = 0  # since start
        self._dropped_at_failure = 0
        self._reported_at: float | None = None
        self._told = False  # the admins were told of this failure
        self._queue: deque[_Write] = deque()
        self._alone = 0  # writes to try one by one (a batch had a bug: which one?)
        self._worker: asyncio.Task[None] | None = None
        self._reports: set[asyncio.Task[None]] = set()

    @property
    def waiting(self) -> int:
        """How many writes wait to be done."""
        return len(self._queue)

    async def write(self, work: Work[T]) -> T | None:
        """Queue work; its result if it is written within `wait` seconds (at once while writes
        fail), else None (it is still tried until `patience` runs out)."""
        item = _Write(work, self.clock() + self.patience)
        if len(self._queue) >= self.limit:
            self._drop([self._queue.popleft()], "too many writes wait")
        self._queue.append(item)
        if self._worker is None or self._worker.done():
            self._worker = asyncio.get_running_loop().create_task(self._run())
        wait = 0.0 if self.failing else self.wait
        await asyncio.wait([item.done], timeout=wait)
        result: T | None = item.done.result() if item.done.done() else None
        return result

    async def close(self, timeout: float = 5.0) -> None:
        """Write what waits (for at most timeout seconds); drop the rest."""
        if self._worker is not None and not self._worker.done():
            _, late = await asyncio.wait([self._worker], timeout=timeout)
            for task in late:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        if self._queue:
            self._drop(list(self._queue), "the bot stopped")
            self._queue.clear()
        if self._reports:
            await asyncio.wait(self._reports, timeout=timeout)

    async def _run(self) -> None:
        while self._queue:
            size = 1 if self._alone else min(BATCH, len(self._queue))
            self._alone = max(0, self._alone - 1)
            batch = [self._queue.popleft() for _ in range(size)]
            try:
                results = await self.storage.atomically(
                    functools.partial(_write_all, batch), busy=BRIEF
                )
            except sqlite3.Error as error:
                if getattr(error, "sqlite_errorname", "").startswith(SICK):
                    await self._later(batch, error)
                elif size > 1:
                    self._queue.extendleft(reversed(batch))
                    self._alone = size
                else:
                    log.error("a database write failed and is dropped", exc_info=error)
                    self._drop(batch, "failed")
                continue
            for item, result in zip(batch, results, strict=True):
                if not item.done.done():
                    item.done.set_result(result)
            self._recovered()

    async def _later(self, batch: list[_Write], error: sqlite3.Error) -> None:
        """The database is sick: keep what may still wait, drop the rest, wait a little."""
        self._failed(error)
        now = self.clock()
        self._queue.extendleft(reversed([item for item in batch if item.deadline > now]))
        self._drop(
            [item for item in batch if item.deadline <= now],
            f"not written within {self.patience:g} s",
        )
        await asyncio.sleep(RETRY_EVERY)

    def _drop(self, items: list[_Write], why: str) -> None:
        if not items:
            return
        self.dropped += len(items)
        for item in items:
            if not item.done.done():
                item.done.set_result(None)
        log.warning(
            "dropped %d database write(s) (%s: %s); %d dropped since start",
            len(items),
            why,
            self.failing or "no error",
            self.dropped,
        )

    def _failed(self, error: sqlite3.Error) -> None:
        if self.failing is not None:
            return
        self.failing = str(error)
        self._dropped_at_failure = self.dropped
        log.warning("the database cannot be written (%s): answering goes on", error)
        now = self.clock()
        if self._reported_at is None or now - self._reported_at >= QUIET:
            self._reported_at, self._told = now, True
            self._report(self.failing, 0)

    def _recovered(self) -> None:
        if self.failing is None:
            return
        dropped = self.dropped - self._dropped_at_failure
        log.info("the database can be written again; %d write(s) were dropped meanwhile", dropped)
        self.failing = None
        if self._told:
            self._told = False
            self._report(None, dropped)

    def _report(self, error: str | None, dropped: int) -> None:
        if self.on_change is None:
            return
        task = asyncio.get_running_loop().create_task(self.on_change(error, dropped))
        self._reports.add(task)
        task.add_done_callback(self._reports.discard)
