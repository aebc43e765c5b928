"""Never twice, counted by the Bot API server: real SQLite files, two Storage and dispatcher
instances where a second process is the point, and a real kill -9 of `munibot run`."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import signal
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.handlers.delivery import TelegramSender
from bot.services.announcements import split_versions
from bot.services.broadcast import RetryPolicy
from bot.services.container import Services
from bot.services.dispatcher import Dispatcher
from bot.services.ratelimit import RateLimiter
from bot.storage import Storage
from tests.botapi.server import FakeBotAPI

ROOT = Path(__file__).parent.parent.parent
KNOWLEDGE = ROOT / "knowledge"
TEXT = "<b>Внимание</b>: спиране на водата"


@contextlib.asynccontextmanager
async def sender(api: FakeBotAPI, timeout: float = 5.0) -> AsyncIterator[TelegramSender]:
    """A real Bot talking HTTP to the server."""
    request = HTTPXRequest(connection_pool_size=32)
    async with Bot(api.token, base_url=f"{api.url}/bot", request=request) as bot:
        yield TelegramSender(bot, timeout)


def dispatcher(storage: Storage, telegram: TelegramSender, **options: Any) -> Dispatcher:
    rate = options.pop("rate", 400.0)
    options.setdefault("lease", 2.0)
    options.setdefault("retry", RetryPolicy(3, base=0.02))
    return Dispatcher(storage, telegram, RateLimiter(rate, per_chat=0.05), **options)


@dataclasses.dataclass
class Shared:
    """One database, a queued broadcast to USERS, and two processes' connections to it."""

    db: Path
    broadcast_id: int
    first: Storage
    second: Storage


USERS = range(1, 151)


@pytest.fixture
async def shared(tmp_path: Path) -> AsyncIterator[Shared]:
    db = tmp_path / "bot.sqlite3"
    broadcast_id = await queued(db, USERS)
    async with Storage.opened(db) as first, Storage.opened(db) as second:
        yield Shared(db, broadcast_id, first, second)


async def queued(db: Path, users: range) -> int:
    """A database with subscribers and one queued broadcast to them."""
    async with Storage.opened(db) as storage:
        for user in users:
            await storage.set_subscribed(user, True)
        return await storage.create_broadcast(TEXT, None, None, await storage.audience(None))


def states(db: Path) -> dict[int, str]:
    """Each recipient's delivery state, read with a connection of its own."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return dict(connection.execute("SELECT user_id, state FROM deliveries").fetchall())


def assert_never_twice(api: FakeBotAPI, db: Path, users: range) -> Counter[str]:
    """Every recipient got at most one copy; sent ones exactly one; one with none is
    reported uncertain, failed or blocked. Returns the count of each final state."""
    copies, by_user = api.copies(), states(db)
    assert set(by_user) == set(users)
    assert max(copies.values()) == 1, f"duplicates: {[u for u, n in copies.items() if n > 1]}"
    for user, state in by_user.items():
        assert state in ("sent", "uncertain", "failed", "blocked"), (user, state)
        if state == "sent":
            assert copies[user] == 1, user
        elif state != "uncertain":
            assert copies[user] == 0, user
    return Counter(by_user.values())


async def until(check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


async def finish(run: Callable[[], Awaitable[object]]) -> None:
    """Run until a run takes the broadcast (after the lease of the one before expired)."""
    while await run() is None:
        await asyncio.sleep(0.1)


async def test_handler_upkeep_and_a_second_process_start_one_broadcast(
    api: FakeBotAPI, tmp_path: Path
) -> None:
    db, users = tmp_path / "bot.sqlite3", range(1, 51)
    settings = Settings(knowledge_dir=KNOWLEDGE, db_path=db, broadcast_rate=400.0)
    async with sender(api) as telegram:
        services = await Services.open(settings)
        other = await Storage.open(db)  # a second process on the same file
        try:
            for user in users:
                await services.storage.set_subscribed(user, True)
            services.start_delivery(telegram)
            rival = dispatcher(other, telegram)
            broadcast_id = await services.desk.commit(42, *split_versions(TEXT), None)
            assert broadcast_id is not None
            # the handler wakes the dispatcher while the upkeep, the shell and another
            # process all try to start the same broadcast
            services.dispatcher().wake()
            await asyncio.gather(
                services.upkeep(),
                services.dispatcher().adopt(),
                services.dispatcher().run(broadcast_id),
                rival.adopt(),
                rival.run(broadcast_id),
            )
            await until(lambda: sum(api.copies().values()) == 50)
            await asyncio.gather(*services.dispatcher().runs.values(), *rival.runs.values())
        finally:
            await services.close()
            await other.close()
    assert assert_never_twice(api, db, users) == {"sent": 50}


async def test_a_heartbeat_that_raises_once_stops_the_run_at_once(
    api: FakeBotAPI, shared: Shared, monkeypatch: pytest.MonkeyPatch
) -> None:
    renew = shared.first.renew_lease

    async def locked_once(*args: Any) -> bool:
        monkeypatch.setattr(shared.first, "renew_lease", renew)
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(shared.first, "renew_lease", locked_once)
    async with sender(api) as telegram:
        locked = dispatcher(shared.first, telegram, rate=100.0, lease=0.3)
        assert await locked.run(shared.broadcast_id) is None
        stopped_at = sum(api.copies().values())
        assert stopped_at < len(USERS)  # stopped at the first renewal, 0.1 s in
        await asyncio.sleep(0.3)
        assert sum(api.copies().values()) == stopped_at  # nothing more from that run
        await finish(lambda: dispatcher(shared.second, telegram).run(shared.broadcast_id))
    final = assert_never_twice(api, shared.db, USERS)
    assert final["sent"] + final["uncertain"] == len(USERS)
    assert final["uncertain"] <= locked.workers  # at most what was in flight


async def test_a_worker_that_raises_stops_the_others_before_the_lease_goes(
    api: FakeBotAPI, shared: Shared, monkeypatch: pytest.MonkeyPatch
) -> None:
    advance, calls = shared.first.advance, [0]

    async def failing_write(token: str, outcomes: Any, claims: Any) -> set[int]:
        calls[0] += bool(outcomes)
        if calls[0] == 30 and outcomes:  # what these messages became is never stored
            raise RuntimeError("disk I/O error")
        return await advance(token, outcomes, claims)

    monkeypatch.setattr(shared.first, "advance", failing_write)
    async with sender(api) as telegram:
        with pytest.raises(ExceptionGroup) as raised:
            await dispatcher(shared.first, telegram, workers=8).run(shared.broadcast_id)
        assert raised.group_contains(RuntimeError, match="disk I/O error")
        stopped_at = sum(api.copies().values())
        assert (await shared.first.lease(shared.broadcast_id))[0] is None  # released...
        await asyncio.sleep(0.2)
        assert sum(api.copies().values()) == stopped_at  # ...after every worker stopped
        await finish(lambda: dispatcher(shared.second, telegram).run(shared.broadcast_id))
    final = assert_never_twice(api, shared.db, USERS)
    assert final["sent"] + final["uncertain"] == len(USERS) and final["uncertain"] >= 1


async def test_two_processes_resume_a_crashed_broadcast_once(
    api: FakeBotAPI, shared: Shared
) -> None:
    crashed = shared.first  # a run died holding the lease, one delivery in flight
    assert await crashed.take_lease(shared.broadcast_id, "dead", time.time() + 0.3, time.time())
    [first, *_] = await crashed.pending(shared.broadcast_id)
    assert await crashed.advance("dead", [], [first]) == {first.id}
    api.slow("sendMessage", 0.01, count=1000)
    async with sender(api) as telegram:
        left, right = dispatcher(shared.first, telegram), dispatcher(shared.second, telegram)
        serving = [asyncio.create_task(d.serve(poll=0.05)) for d in (left, right)]
        await until(lambda: sum(api.copies().values()) >= 40)
        for stopping in (left, right):  # one of them stops mid-way, the other takes over
            if stopping.runs:
                await stopping.stop()
                break
        await until(lambda: sum(api.copies().values()) == len(USERS) - 1)
        await asyncio.sleep(0.2)
        await left.stop()
        await right.stop()
        await asyncio.gather(*serving)
    final = assert_never_twice(api, shared.db, USERS)
    assert final == {"sent": len(USERS) - 1, "uncertain": 1}
    assert api.copies()[first.user_id] == 0


async def test_5xx_are_retried_timeouts_are_uncertain_400_and_403_are_final(
    api: FakeBotAPI, tmp_path: Path
) -> None:
    db, users = tmp_path / "bot.sqlite3", range(1, 41)
    broadcast_id = await queued(db, users)
    api.fail("sendMessage", 500, count=2, chat_id=3)
    api.fail("sendMessage", 502, chat_id=4)
    api.fail("sendMessage", 503, count=10, chat_id=5)  # more than the 3 tries
    api.fail("sendMessage", 400, chat_id=6)
    api.fail("sendMessage", 403, chat_id=7)
    api.slow("sendMessage", 2.5, chat_id=8)  # sent, but answered after the bot gave up
    async with Storage.opened(db) as storage, sender(api, timeout=1.0) as telegram:
        final = await dispatcher(storage, telegram).run(broadcast_id)
        assert final is not None and final.finished
        assert await storage.is_blocked(7)
    counts = assert_never_twice(api, db, users)
    assert counts == {"sent": 36, "failed": 2, "blocked": 1, "uncertain": 1}
    copies = api.copies()
    assert [copies[chat] for chat in (3, 4, 5, 6, 7, 8)] == [1, 1, 0, 0, 0, 1]
    tries = Counter(int(c.params["chat_id"]) for c in api.calls if c.method == "sendMessage")
    assert [tries[chat] for chat in (3, 4, 5, 6, 7, 8)] == [3, 2, 3, 1, 1, 1]
    assert dict(final.tally.reasons) == {"Service Unavailable (3 tries)": 1, "Chat not found": 1}


async def test_no_connection_is_retried_then_failed_with_the_reason(tmp_path: Path) -> None:
    db, users = tmp_path / "bot.sqlite3", range(1, 4)
    broadcast_id = await queued(db, users)
    closed = FakeBotAPI()
    await closed.start()
    async with Storage.opened(db) as storage, sender(closed) as telegram:
        await closed.stop()  # nothing listens any more: connection refused
        final = await dispatcher(storage, telegram).run(broadcast_id)
    assert final is not None and final.tally.counts == {"failed": 3}
    assert final.tally.reasons == (("no connection to Telegram (ConnectError) (3 tries)", 3),)


async def test_kill_9_mid_broadcast_never_sends_twice(api: FakeBotAPI, tmp_path: Path) -> None:
    db, users = tmp_path / "bot.sqlite3", range(1, 151)
    broadcast_id = await queued(db, users)
    api.slow("sendMessage", 0.1, count=10_000)  # every answer late: some always in flight
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.url,
        "MUNIBOT_DB": str(db),
        "MUNIBOT_BROADCAST_RATE": "50",
        "MUNIBOT_BROADCAST_LEASE": "1",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stderr=asyncio.subprocess.DEVNULL
    )
    try:
        await until(lambda: sum(api.copies().values()) >= 30, timeout=60)
    finally:
        process.send_signal(signal.SIGKILL)  # no clean-up at all: the lease is left to expire
        await process.wait()
    interrupted = Counter(states(db).values())
    assert interrupted["sending"] >= 1 and interrupted["sent"] >= 20
    async with Storage.opened(db) as storage, sender(api) as telegram:
        await finish(lambda: dispatcher(storage, telegram).run(broadcast_id))
    final = assert_never_twice(api, db, users)
    assert final["uncertain"] == interrupted["sending"]
    assert final["sent"] + final["uncertain"] == 150
