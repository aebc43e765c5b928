"""The broadcaster with an in-memory sender: exactly once, limits, crashes, cancellation."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from pathlib import Path

from bot.services.broadcast import Blocked, Broadcaster, Progress, RateLimited, RateLimiter
from bot.storage import Storage


class FakeSender:
    """Records sends; can be told to fail some chats, or to hang (a crash mid-send)."""

    def __init__(self) -> None:
        self.sent: Counter[int] = Counter()
        self.blocked: set[int] = set()
        self.rate_limited = 0
        self.hang_after: int | None = None
        self.times: list[float] = []

    async def send(self, chat_id: int, html: str) -> int:
        if self.rate_limited:
            self.rate_limited -= 1
            raise RateLimited(0.05)
        if chat_id in self.blocked:
            raise Blocked("blocked")
        if self.hang_after is not None and sum(self.sent.values()) >= self.hang_after:
            await asyncio.sleep(3600)
        self.sent[chat_id] += 1
        self.times.append(time.monotonic())
        return sum(self.sent.values())


async def storage_with(tmp_path: Path, users: int) -> tuple[Storage, int]:
    storage = await Storage.open(tmp_path / "db.sqlite3")
    for user in range(1, users + 1):
        await storage.set_subscribed(user, True)
    broadcast_id = await storage.create_broadcast(
        "<b>Здравейте</b>", "<b>Hello</b>", None, await storage.audience(None)
    )
    return storage, broadcast_id


async def test_everyone_once_with_429_and_403(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 120)
    sender = FakeSender()
    sender.blocked = {5, 50}
    sender.rate_limited = 4
    reports: list[Progress] = []

    async def progress(state: Progress) -> None:
        reports.append(state)

    final = await Broadcaster(storage, sender, rate=1000).run(broadcast_id, progress)
    assert final is not None and final.finished
    assert (final.sent, final.blocked, final.failed, final.left) == (118, 2, 0, 0)
    assert set(sender.sent) == set(range(1, 121)) - {5, 50} and set(sender.sent.values()) == {1}
    assert await storage.is_blocked(5) and not await storage.is_blocked(6)
    assert reports[-1].finished
    await storage.close()


async def test_crash_mid_send_never_sends_twice(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 60)
    sender = FakeSender()
    sender.hang_after = 20
    first = Broadcaster(storage, sender, rate=1000, lease=0.2, workers=4)
    task = asyncio.create_task(first.run(broadcast_id))
    while sum(sender.sent.values()) < 20:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    task.cancel()  # the process dies: no clean-up, the lease is left to expire
    await asyncio.gather(task, return_exceptions=True)
    await asyncio.sleep(0.3)
    sender.hang_after = None
    second = Broadcaster(storage, sender, rate=1000, lease=0.2)
    assert await second.resume_orphans(lambda _: None) == [broadcast_id]
    await asyncio.gather(*second.tasks.values())
    counts = await storage.delivery_counts(broadcast_id)
    assert set(sender.sent.values()) == {1}
    assert counts["sent"] == sum(sender.sent.values()) and counts["uncertain"] == 4
    assert counts["sent"] + counts["uncertain"] == 60
    await storage.close()


async def test_second_runner_is_refused_while_the_lease_holds(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 5)
    assert await storage.take_lease(broadcast_id, "other", time.time() + 60, time.time())
    assert await Broadcaster(storage, FakeSender()).run(broadcast_id) is None
    await storage.close()


async def test_cancel_stops_and_keeps_the_rest(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 40)
    sender = FakeSender()
    broadcaster = Broadcaster(storage, sender, rate=50)
    task = broadcaster.start(broadcast_id)
    while sum(sender.sent.values()) < 5:
        await asyncio.sleep(0.01)
    broadcaster.cancel(broadcast_id)
    final = await task
    assert final is not None and final.cancelled
    counts = await storage.delivery_counts(broadcast_id)
    assert counts["cancelled"] + counts["sent"] == 40 and counts["sent"] < 40
    assert (await storage.broadcast(broadcast_id)).state == "cancelled"  # type: ignore[union-attr]
    await storage.close()


async def test_graceful_stop_resumes_at_once(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 40)
    sender = FakeSender()
    first = Broadcaster(storage, sender, rate=100)
    first.start(broadcast_id)
    while sum(sender.sent.values()) < 5:
        await asyncio.sleep(0.01)
    await first.stop()
    second = Broadcaster(storage, sender, rate=1000)
    assert await second.resume_orphans(lambda _: None) == [broadcast_id]
    await asyncio.gather(*second.tasks.values())
    assert set(sender.sent) == set(range(1, 41)) and set(sender.sent.values()) == {1}
    await storage.close()


async def test_rate_limiter_spaces_sends() -> None:
    limiter = RateLimiter(rate=50)
    granted = []
    for chat in range(10):
        await limiter.acquire(chat)
        granted.append(time.monotonic())
    gaps = [b - a for a, b in itertools.pairwise(granted)]
    assert min(gaps) >= 0.019


async def test_rate_limiter_one_message_a_second_per_chat() -> None:
    limiter = RateLimiter(rate=1000, per_chat=0.2)
    await limiter.acquire(7)
    start = time.monotonic()
    await limiter.acquire(7)
    assert time.monotonic() - start >= 0.19
