"""The dispatcher with an in-memory sender: outcomes, retries, stopping, notices, retention."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from pathlib import Path

from bot.services.broadcast import Blocked, NotSent, RateLimited, Rejected, RetryPolicy, SendError
from bot.services.dispatcher import Dispatcher
from bot.services.ratelimit import RateLimiter
from bot.storage import Storage


class FakeSender:
    """Records sends; a chat's listed errors are raised in turn (then it succeeds), its
    `always` error on every try."""

    def __init__(self) -> None:
        self.sent: Counter[int] = Counter()
        self.tries: Counter[int] = Counter()
        self.texts: dict[int, str] = {}
        self.errors: dict[int, list[SendError]] = {}
        self.always: dict[int, SendError] = {}
        self.pause = 0.0

    async def send(
        self, chat_id: int, html: str, markup: str | None = None, thread_id: int | None = None
    ) -> int:
        self.tries[chat_id] += 1
        await asyncio.sleep(self.pause)
        if chat_id in self.always:
            raise self.always[chat_id]
        if self.errors.get(chat_id):
            raise self.errors[chat_id].pop(0)
        self.sent[chat_id] += 1
        self.texts[chat_id] = html
        return sum(self.sent.values())


async def storage_with(tmp_path: Path, users: int) -> tuple[Storage, int]:
    storage = await Storage.open(tmp_path / "db.sqlite3")
    for user in range(1, users + 1):
        await storage.set_subscribed(user, True)
    broadcast_id = await storage.create_broadcast(
        "<b>Здравейте</b>", "<b>Hello</b>", None, await storage.audience(None)
    )
    return storage, broadcast_id


def dispatcher(storage: Storage, sender: FakeSender, rate: float = 2000.0) -> Dispatcher:
    return Dispatcher(
        storage,
        sender,
        RateLimiter(rate, per_chat=0.01),
        lease=2.0,
        retry=RetryPolicy(3, base=0.01),
    )


async def test_every_outcome_once(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 60)
    sender = FakeSender()
    sender.always = {
        5: Blocked("Forbidden: bot was blocked by the user"),
        6: Rejected("Chat not found"),
        8: NotSent("Internal Server Error"),
        10: SendError("no answer from Telegram (ReadTimeout)"),
    }
    sender.errors = {
        7: [NotSent("Internal Server Error"), NotSent("Bad Gateway")],
        9: [RateLimited(0.05)],
    }
    final = await dispatcher(storage, sender).run(broadcast_id)
    assert final is not None and final.finished and not final.cancelled
    tally = final.tally
    assert tally.counts == {"sent": 56, "blocked": 1, "failed": 2, "uncertain": 1}
    assert dict(tally.reasons) == {"Chat not found": 1, "Internal Server Error (3 tries)": 1}
    assert set(sender.sent) == set(range(1, 61)) - {5, 6, 8, 10}
    assert set(sender.sent.values()) == {1}
    assert [sender.tries[chat] for chat in (5, 6, 7, 8, 9, 10)] == [1, 1, 3, 3, 2, 1]
    assert await storage.is_blocked(5) and not await storage.is_blocked(6)
    assert (await storage.broadcast(broadcast_id)).state == "done"  # type: ignore[union-attr]
    await storage.close()


async def test_a_second_run_of_the_same_broadcast_is_refused(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 40)
    sender = FakeSender()
    sender.pause = 0.002
    first, second = dispatcher(storage, sender), dispatcher(storage, sender)
    results = await asyncio.gather(first.run(broadcast_id), second.run(broadcast_id))
    assert sorted(result is None for result in results) == [False, True]
    assert set(sender.sent) == set(range(1, 41)) and set(sender.sent.values()) == {1}
    await storage.close()


async def test_stop_button_cancels_what_is_not_in_flight(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 40)
    sender = FakeSender()
    sending = dispatcher(storage, sender, rate=50)
    task = asyncio.create_task(sending.run(broadcast_id))
    while sum(sender.sent.values()) < 5:
        await asyncio.sleep(0.01)
    assert await sending.cancel(broadcast_id)
    final = await task
    assert final is not None and final.cancelled and final.finished
    counts = final.tally.counts
    assert counts["cancelled"] + counts["sent"] == 40 and counts["sent"] == sum(
        sender.sent.values()
    )
    assert not await sending.cancel(broadcast_id)  # over already
    await storage.close()


async def test_graceful_stop_leaves_the_rest_to_the_next_start(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 40)
    sender = FakeSender()
    first = dispatcher(storage, sender, rate=100)
    serving = asyncio.create_task(first.serve(poll=0.05))
    while sum(sender.sent.values()) < 5:
        await asyncio.sleep(0.01)
    await first.stop()
    await serving
    assert sum(sender.sent.values()) < 40
    assert (await storage.broadcast(broadcast_id)).state == "running"  # type: ignore[union-attr]
    second = dispatcher(storage, sender)
    assert await second.adopt() == [broadcast_id]  # at once: the lease was released
    await asyncio.gather(*second.runs.values())
    assert set(sender.sent) == set(range(1, 41)) and set(sender.sent.values()) == {1}
    await storage.close()


async def test_a_notice_carries_its_own_text_to_one_user(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db.sqlite3")
    notice = await storage.queue_notice(77, "bg", "Отговор на вашия сигнал №12")
    sender = FakeSender()
    final = await dispatcher(storage, sender).run(notice)
    assert final is not None and final.tally.counts == {"sent": 1}
    assert sender.texts == {77: "Отговор на вашия сигнал №12"} and sender.sent[77] == 1
    assert await dispatcher(storage, sender).run(notice) is None  # done: never again
    await storage.close()


async def test_retention_of_broadcasts_and_idle_users(tmp_path: Path) -> None:
    storage, broadcast_id = await storage_with(tmp_path, 3)
    await dispatcher(storage, FakeSender()).run(broadcast_id)
    running = await storage.create_broadcast("x", None, None, [(1, "bg")])
    await storage.execute("UPDATE broadcasts SET finished_at = '2020-01-01T00:00:00+00:00'")
    await storage.touch_user(10)  # idle, follows nothing: goes
    await storage.follow(11, "hot-lunch")  # idle, follows a project: stays
    await storage.execute("UPDATE users SET last_seen = '2020-01-01T00:00:00+00:00'")
    await storage.touch_user(12)  # seen now: stays
    cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(days=30)).isoformat(timespec="seconds")
    assert await storage.prune_broadcasts(cutoff) == 1  # the finished one; not the queued one
    assert await storage.scalar("SELECT COUNT(*) FROM deliveries") == 1
    assert [row.id for row, _ in await storage.broadcasts()] == [running]
    assert await storage.prune_idle_users(cutoff) == 1
    remaining = await storage.fetch_all("SELECT id FROM users ORDER BY id")
    assert [row[0] for row in remaining] == [1, 2, 3, 11, 12]  # 1-3 are subscribed
    await storage.close()
