"""The rate limiter on a virtual clock: spacing, per chat and group limits, 429s, adaptation."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections import deque
from collections.abc import Coroutine
from typing import Any

import pytest

from bot.services.ratelimit import RateLimiter


class VirtualTime:
    """A clock and a sleep for the limiter: time jumps to the next sleeper's wake-up once every
    task is asleep, so that seconds pass in no time and the results are exact."""

    def __init__(self, late: float = 0.0) -> None:
        self.now = 0.0
        self.late = late  # every sleeper wakes this much later than it asked (a busy loop)
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        wake = self.now + max(0.0, seconds) + self.late
        heapq.heappush(self._sleepers, (wake, next(self._order), future))
        await future

    async def run(self, *coroutines: Coroutine[Any, Any, Any]) -> list[Any]:
        tasks = [asyncio.ensure_future(c) for c in coroutines]
        while not all(task.done() for task in tasks):
            for _ in range(20):  # let every task run until it sleeps
                await asyncio.sleep(0)
            if self._sleepers:
                self.now, _, future = heapq.heappop(self._sleepers)
                future.set_result(None)
        return [task.result() for task in tasks]

    def limiter(self, rate: float, **options: Any) -> RateLimiter:
        return RateLimiter(rate, clock=self.clock, sleep=self.sleep, **options)


async def grant_times(time: VirtualTime, limiter: RateLimiter, chats: list[int]) -> list[float]:
    times = []
    for chat in chats:
        await limiter.acquire(chat)
        times.append(time.now)
    return times


async def test_sends_are_spaced_by_the_rate() -> None:
    time = VirtualTime()
    limiter = time.limiter(20)
    [times] = await time.run(grant_times(time, limiter, list(range(1, 11))))
    assert times == pytest.approx([i * 0.05 for i in range(10)])


async def test_one_message_a_second_per_chat_without_holding_up_other_chats() -> None:
    time = VirtualTime()
    limiter = time.limiter(100)
    first, second = await time.run(
        grant_times(time, limiter, [7, 7, 7]), grant_times(time, limiter, [8, 9])
    )
    assert first == pytest.approx([0.0, 1.0, 2.0])
    assert second == pytest.approx([0.01, 0.02])  # chat 7's wait does not delay 8 and 9


async def test_twenty_messages_a_minute_per_group() -> None:
    time = VirtualTime()
    limiter = time.limiter(100)

    async def private_chat_later() -> float:
        await time.sleep(30.0)
        await limiter.acquire(5)
        return time.now

    times, private = await time.run(grant_times(time, limiter, [-100] * 21), private_chat_later())
    assert times[19] == pytest.approx(19.0)  # one a second
    assert times[20] == pytest.approx(60.0)  # the 21st waits for the minute
    assert private == pytest.approx(30.0)  # meanwhile other chats go on


async def test_late_wake_ups_never_make_a_burst_beyond_the_rate() -> None:
    time = VirtualTime(late=0.35)  # the event loop wakes everyone a third of a second late
    limiter = time.limiter(10)
    granted: list[float] = []

    async def sender(chat: int) -> None:
        await limiter.acquire(chat)
        granted.append(time.now)

    await time.run(*(sender(chat) for chat in range(1, 41)))
    assert len(granted) == 40
    assert max(sum(1 for g in granted if t - 1.0 < g <= t) for t in granted) <= 10


async def test_a_429_pauses_every_chat_then_lowers_the_rate() -> None:
    time = VirtualTime()
    limiter = time.limiter(30)

    async def scenario() -> list[float]:
        for chat in range(1, 31):  # one second at 30/s, all accepted
            await limiter.acquire(chat)
            limiter.accepted()
        limiter.rate_limited(3.0)
        limiter.rate_limited(3.0)  # the same burst: lowered once
        return await grant_times(time, limiter, [100, 101])

    [times] = await time.run(scenario())
    assert times[0] == pytest.approx(time.now - 1 / limiter.rate)
    assert times[0] == pytest.approx(29 / 30 + 3.0)  # nothing went out during the pause
    assert limiter.ceiling == 30 and limiter.rate == pytest.approx(30 * 0.95)


async def test_reservations_made_before_a_429_wait_for_the_pause() -> None:
    time = VirtualTime()
    limiter = time.limiter(10)

    async def late() -> float:
        await limiter.acquire(2)  # reserved for 0.1 s
        return time.now

    async def rejected() -> None:
        await limiter.acquire(1)
        await time.sleep(0.05)
        limiter.rate_limited(2.0)

    _, granted = await time.run(rejected(), late())
    assert granted >= 2.05


async def test_adapts_to_a_server_limit_below_the_configured_rate() -> None:
    """A server taking at most 20 messages in any second, the bot configured at 30/s: after
    a few 429s the bot settles just under the limit and keeps 90 % of it."""
    time = VirtualTime()
    limiter = time.limiter(30)
    window: deque[float] = deque()
    counts = {"accepted": 0, "rejected": 0}

    async def send_for(seconds: float) -> None:
        chat = 0
        while time.now < seconds:
            chat += 1
            await limiter.acquire(chat)
            while window and window[0] <= time.now - 1.0:
                window.popleft()
            if len(window) >= 20:
                counts["rejected"] += 1
                limiter.rate_limited(1.0)
            else:
                window.append(time.now)
                counts["accepted"] += 1
                limiter.accepted()

    await time.run(send_for(300.0))
    assert counts["accepted"] / 300.0 >= 0.9 * 20
    assert counts["rejected"] < 30
    assert limiter.rate <= 30


async def test_climbs_back_to_the_configured_rate_when_the_limit_goes() -> None:
    time = VirtualTime()
    limiter = time.limiter(30)

    async def scenario() -> None:
        for chat in range(1, 11):
            await limiter.acquire(chat)
            limiter.accepted()
        limiter.rate_limited(1.0)  # a 429 while sending slowly: down to 80 %
        chat = 100
        while time.now < 120:
            chat += 1
            await limiter.acquire(chat)
            limiter.accepted()

    await time.run(scenario())
    assert limiter.rate == pytest.approx(30.0)
    assert limiter.achieved() == pytest.approx(30.0, rel=0.05)


async def test_no_configured_rate_means_no_global_limit_until_a_429() -> None:
    time = VirtualTime()
    limiter = time.limiter(0)
    [times] = await time.run(grant_times(time, limiter, list(range(1, 101))))
    assert times[-1] == 0.0
    for _ in range(50):
        limiter.accepted()
    limiter.rate_limited(1.0)
    assert limiter.rate == pytest.approx(50 * 0.95)


async def test_a_429_of_one_chat_makes_that_chat_alone_wait() -> None:
    """Sent slowly, a 429 for one chat is that chat's own limit: the others go on at once."""
    time = VirtualTime()
    limiter = time.limiter(30)

    async def scenario() -> tuple[list[float], list[float]]:
        await limiter.acquire(7)
        limiter.accepted()
        limiter.rate_limited(10.0, 7)
        others = await grant_times(time, limiter, [8, 9])
        return others, await grant_times(time, limiter, [7])

    [(others, again)] = await time.run(scenario())
    assert others == pytest.approx([1 / 30, 2 / 30])
    assert again[0] == pytest.approx(10.0)


@pytest.mark.parametrize("flat_out", [True, False])
async def test_a_429_while_sending_flat_out_or_for_two_chats_pauses_everyone(
    flat_out: bool,
) -> None:
    time = VirtualTime()
    limiter = time.limiter(10)

    async def scenario() -> list[float]:
        for chat in range(1, 11 if flat_out else 2):
            await limiter.acquire(chat)
            limiter.accepted()
        limiter.rate_limited(5.0, 1)
        if not flat_out:
            limiter.rate_limited(5.0, 2)  # a second chat refused in the same second
        return await grant_times(time, limiter, [50])

    [[granted]] = await time.run(scenario())
    assert granted >= 5.0


async def test_a_chat_may_get_a_burst_then_one_a_second() -> None:
    time = VirtualTime()
    limiter = time.limiter(100, per_chat_burst=3)
    [times] = await time.run(grant_times(time, limiter, [7] * 5))
    assert times == pytest.approx([0.0, 0.01, 0.02, 1.0, 2.0])


async def test_requests_that_are_no_messages_wait_only_for_a_pause_of_the_bot() -> None:
    time = VirtualTime()
    limiter = time.limiter(1)

    async def scenario() -> list[float]:
        await limiter.acquire(1)  # the only message slot of this second
        await limiter.unpaused()  # an answer to a button: no slot needed
        moments = [time.now]
        limiter.rate_limited(4.0)
        await limiter.unpaused()
        return [*moments, time.now]

    [moments] = await time.run(scenario())
    assert moments == pytest.approx([0.0, 4.0])
