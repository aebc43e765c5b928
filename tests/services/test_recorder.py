"""The recorder: answering's writes, best effort. Another process holding the write lock (a
second sqlite3 connection with BEGIN IMMEDIATE) or a full disk delays nobody: a write waits a
bounded time, is retried, dropped and counted past its patience; one report when writes fail,
one when they work again."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services.recorder import Recorder
from bot.storage import QuestionRecord, Storage, logged, touched
from tests.storage.sick import fill_the_disk, free_the_disk, write_lock
from tests.telegram.harness import eventually


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[Storage]:
    async with Storage.opened(tmp_path / "db.sqlite3") as opened:
        yield opened


def question(text: str) -> QuestionRecord:
    return QuestionRecord(1, text, "bg", False, None, None, 0.0)


class Reports:
    def __init__(self) -> None:
        self.seen: list[tuple[str | None, int]] = []

    async def __call__(self, error: str | None, dropped: int) -> None:
        self.seen.append((error, dropped))


async def test_a_write_lock_delays_a_write_boundedly_and_it_is_written_when_it_goes(
    storage: Storage, tmp_path: Path
) -> None:
    recorder, reports = Recorder(storage, wait=0.3), Reports()
    recorder.on_change = reports
    other = write_lock(tmp_path / "db.sqlite3")
    started = time.monotonic()
    assert await recorder.write(logged(question("първи"))) is None
    assert time.monotonic() - started < 2.0  # bounded, whatever the lock
    assert recorder.failing is not None and "locked" in recorder.failing
    started = time.monotonic()
    assert await recorder.write(touched(5)) is None
    assert time.monotonic() - started < 0.2  # while writes fail, nobody waits for them
    assert await storage.count_questions() == 0  # reads go on meanwhile
    other.execute("COMMIT")
    other.close()
    await recorder.write(logged(question("втори")))
    await eventually(lambda: recorder.failing is None, timeout=5)
    assert await storage.count_questions() == 2 and await storage.count_users() == 1
    assert await recorder.write(logged(question("трети"))) == 3  # waited for again
    await asyncio.sleep(0)
    assert [error is None for error, _ in reports.seen] == [False, True]
    await recorder.close()


async def test_past_its_patience_a_write_is_dropped_counted_and_warned(
    storage: Storage, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    recorder, reports = Recorder(storage, wait=0.1, patience=0.5), Reports()
    recorder.on_change = reports
    other = write_lock(tmp_path / "db.sqlite3")
    await recorder.write(logged(question("изгубен")))
    await asyncio.sleep(1.5)
    other.execute("ROLLBACK")
    other.close()
    await recorder.write(logged(question("записан")))
    await eventually(lambda: recorder.failing is None, timeout=5)
    assert recorder.dropped == 1 and await storage.count_questions() == 1
    assert any("dropped 1 database write" in r.getMessage() for r in caplog.records)
    await asyncio.sleep(0)
    assert reports.seen[-1] == (None, 1)
    assert len(reports.seen) == 2  # one report of the failure, one of the recovery
    await recorder.close()


async def test_with_the_disk_full_writes_wait_at_most_the_limit(storage: Storage) -> None:
    recorder = Recorder(storage, wait=0.1, limit=3)
    await fill_the_disk(storage)
    before = await storage.count_questions()
    results = [await recorder.write(logged(question(f"въпрос {n}"))) for n in range(6)]
    assert results == [None] * 6 and "full" in (recorder.failing or "")
    assert recorder.dropped == 3  # the oldest, beyond the three that may wait
    await free_the_disk(storage)
    await recorder.write(logged(question("място")))
    await eventually(lambda: recorder.failing is None, timeout=5)
    assert recorder.dropped == 4  # "място" took the place of one more: three may wait
    assert await storage.count_questions() == before + 3
    await recorder.close()


async def test_a_write_that_is_a_bug_is_dropped_and_the_others_go_on(
    storage: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder(storage)

    def broken(db: sqlite3.Connection) -> None:
        db.execute("INSERT INTO nowhere VALUES (1)")

    first, second = await asyncio.gather(
        recorder.write(logged(question("преди"))), recorder.write(broken)
    )
    assert first is not None and second is None
    assert await recorder.write(logged(question("след"))) is not None
    assert recorder.dropped == 1 and await storage.count_questions() == 2
    assert [r.levelno for r in caplog.records if "write failed" in r.getMessage()] == [
        logging.ERROR
    ]
    await recorder.close()


async def test_the_health_probe_waits_at_most_a_second_for_the_lock(
    storage: Storage, tmp_path: Path
) -> None:
    other = write_lock(tmp_path / "db.sqlite3")
    started = time.monotonic()
    assert not await storage.writable()
    assert time.monotonic() - started < 3.0  # not the connection's 5 s
    other.execute("ROLLBACK")
    other.close()
    assert await storage.writable()
