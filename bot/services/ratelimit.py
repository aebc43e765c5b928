"""Outgoing pacing for everything the bot sends, within Telegram's limits.

One RateLimiter per process. Before a message leaves, the caller awaits `acquire(chat_id)`:

- a global rate, adaptive: it starts at the configured rate; after a 429 the whole bot waits
  `retry_after` seconds and then goes on at a little under what Telegram accepted in the last
  second, climbing back slowly (fast while far below the last limit found, then gently); never
  more than the rate in any one second, even when late wake-ups would bunch the sends;
- one message a second per chat (after a burst of `per_chat_burst`), and 20 a minute per group
  (a chat with a negative id);
- a chat that must wait waits alone: no global slot is held meanwhile, so other chats go on.

After the answer, the caller reports it: `accepted()` for a message Telegram took, and
`rate_limited(retry_after, chat_id)` for a 429. A 429 for one chat while the bot is not sending
near its rate (and no other chat was refused in the same second) is that chat's own limit: that
chat alone waits. Otherwise, and always without a chat, it is the bot's: everyone waits.
Requests that are no messages (answers to buttons and inline queries) take no slot, but wait
out a pause of the whole bot (`unpaused()`).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable

# after a 429: the new rate is this share of the rate, or of what Telegram accepted in the last
# second if that was less
BACKOFF = 0.95
# how fast the rate climbs back, per second: far below the last limit found, and near it
CLIMB_FAST = 0.05
CLIMB_SLOW = 0.001
NEAR = (0.95, 1.05)  # "near the last limit found": between these shares of it
ACHIEVED_WINDOW = 10.0


class RateLimiter:
    """Paces sends: adaptive global rate, per chat and per group limits, pauses after a 429."""

    def __init__(
        self,
        rate: float,
        *,
        per_chat: float = 1.0,
        per_chat_burst: int = 1,
        group_limit: int = 20,
        group_window: float = 60.0,
        floor: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.configured = rate if rate > 0 else math.inf
        self.rate = self.configured
        self.ceiling: float | None = None  # what Telegram accepted in a second, at the last 429
        self.per_chat, self.group_limit, self.group_window = per_chat, group_limit, group_window
        self._allowance = max(0, per_chat_burst - 1) * per_chat  # how far ahead a chat may go
        self.floor = floor
        self._clock, self._sleep = clock, sleep
        self._next = 0.0  # the next free global slot
        self._paused_until = 0.0
        self._lowered_until = 0.0  # 429s of the same burst lower the rate only once
        self._epoch = 0  # every pause voids the slots handed out before it
        self._chat_next: dict[int, float] = {}  # when the chat is free, burst not counted
        self._refused: tuple[float, int] | None = None  # the last 429 of one chat: when, which
        self._group_times: dict[int, deque[float]] = {}
        self._accepted: deque[float] = deque()
        self._granted: deque[float] = deque()  # the last second's grants
        self._climbed_at = clock()

    async def acquire(self, chat_id: int) -> None:
        """Wait until a message may go to chat_id (other chats are not held up meanwhile)."""
        while True:
            now = self._clock()
            ready = self._chat_ready(chat_id, now)
            if ready > now:
                await self._sleep(ready - now)
                continue
            slot = max(self._next, self._paused_until, now, self._window_ready(now))
            self._next = slot + (1.0 / self.rate if math.isfinite(self.rate) else 0.0)
            previous = self._chat_next.get(chat_id)
            reserved = self._reserve(chat_id, slot)
            epoch = self._epoch
            while slot > now or self._window_ready(now) > now:
                # wait for the slot; then, if others woke late too, for room in the last second
                await self._sleep(max(slot, self._window_ready(now)) - now)
                now = self._clock()
                if epoch != self._epoch:  # a 429 paused the bot meanwhile: queue again
                    break
            else:
                self._granted.append(now)
                return
            self._unreserve(chat_id, slot, previous, reserved)

    def accepted(self) -> None:
        """Telegram took a message: count it, and climb back towards the configured rate."""
        now = self._clock()
        self._accepted.append(now)
        while self._accepted and self._accepted[0] < now - ACHIEVED_WINDOW:
            self._accepted.popleft()
        elapsed = now - self._climbed_at
        if self.rate >= self.configured or elapsed < 1.0:
            return
        near = self.ceiling is not None and (
            NEAR[0] * self.ceiling <= self.rate <= NEAR[1] * self.ceiling
        )
        step = CLIMB_SLOW if near else CLIMB_FAST
        self.rate = min(self.configured, self.rate * (1 + step * elapsed))
        self._climbed_at = now

    async def unpaused(self) -> None:
        """Wait out a pause of the whole bot (for a request that is no message)."""
        while (wait := self._paused_until - self._clock()) > 0:
            await self._sleep(wait)

    def rate_limited(self, retry_after: float, chat_id: int | None = None) -> None:
        """A 429: chat_id alone waits retry_after seconds if the limit is that chat's; else the
        whole bot waits, then goes on at a lower rate."""
        now = self._clock()
        if chat_id is not None and not self._bot_wide(chat_id, now):
            self._refused = (now, chat_id)
            wait_until = now + retry_after + self._allowance
            self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0), wait_until)
            return
        self._paused_until = max(self._paused_until, now + retry_after)
        self._next = max(self._next, self._paused_until)
        self._epoch += 1
        if now < self._lowered_until:
            return
        self._lowered_until = self._paused_until + 1.0
        last_second = sum(1 for moment in self._accepted if moment > now - 1.0)
        current = self.rate if math.isfinite(self.rate) else float(last_second)
        if last_second >= current / 2:  # we were sending flat out: that is about the limit
            self.ceiling = float(last_second)
            lowered = min(current, last_second) * BACKOFF
        else:
            lowered = current * 0.8
        self.rate = max(self.floor, lowered)
        self._climbed_at = now

    def _bot_wide(self, chat_id: int, now: float) -> bool:
        """Whether a 429 for chat_id is the bot's limit: the bot was sending near its rate, or
        another chat was refused within the same second."""
        last_second = sum(1 for moment in self._accepted if moment > now - 1.0)
        near_rate = math.isfinite(self.rate) and last_second >= self.rate / 2
        refused = self._refused
        return near_rate or (refused is not None and refused[1] != chat_id and now - refused[0] < 1)

    def achieved(self) -> float:
        """Messages a second Telegram accepted over the last ten seconds."""
        now = self._clock()
        return sum(1 for moment in self._accepted if moment > now - ACHIEVED_WINDOW) / (
            ACHIEVED_WINDOW
        )

    def _window_ready(self, now: float) -> float:
        """When the last second's grants allow one more: never more than the rate in any
        second, even when the event loop wakes the waiting senders late, all at once."""
        while self._granted and self._granted[0] <= now - 1.0:
            self._granted.popleft()
        if not math.isfinite(self.rate) or len(self._granted) < max(1, int(self.rate)):
            return 0.0
        return self._granted[0] + 1.0

    def _chat_ready(self, chat_id: int, now: float) -> float:
        ready = self._chat_next.get(chat_id, 0.0) - self._allowance
        times = self._group_times.get(chat_id)
        if times is not None:
            while times and times[0] <= now - self.group_window:
                times.popleft()
            if len(times) >= self.group_limit:
                ready = max(ready, times[0] + self.group_window)
        return ready

    def _reserve(self, chat_id: int, slot: float) -> float:
        reserved = max(self._chat_next.get(chat_id, 0.0), slot) + self.per_chat
        self._chat_next[chat_id] = reserved
        if chat_id < 0:
            self._group_times.setdefault(chat_id, deque()).append(slot)
        if len(self._chat_next) > 10_000:  # forget chats whose wait is over
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > slot}
            self._group_times = {c: t for c, t in self._group_times.items() if t}
        return reserved

    def _unreserve(
        self, chat_id: int, slot: float, previous: float | None, reserved: float
    ) -> None:
        if self._chat_next.get(chat_id) != reserved:
            pass  # changed since (the chat's own 429): keep that
        elif previous is None:
            self._chat_next.pop(chat_id, None)
        else:
            self._chat_next[chat_id] = previous
        times = self._group_times.get(chat_id)
        if times and slot in times:
            times.remove(slot)
