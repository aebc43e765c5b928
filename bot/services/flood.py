"""Per-user flood control: past the limit a user gets one notice, then silence until it passes."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum


class Verdict(Enum):
    """What to do with a message."""

    ALLOW = "allow"
    NOTIFY = "notify"
    IGNORE = "ignore"


class FloodGuard:
    """A sliding window of message times per user."""

    def __init__(
        self, limit: int = 20, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._times: dict[int, deque[float]] = {}
        self._notified: set[int] = set()

    def check(self, user_id: int) -> Verdict:
        """Count one message from user_id and say whether to answer it."""
        now = self.clock()
        times = self._times.setdefault(user_id, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            self._notified.discard(user_id)
            return Verdict.ALLOW
        if user_id in self._notified:
            return Verdict.IGNORE
        self._notified.add(user_id)
        return Verdict.NOTIFY

    def forget_idle(self) -> None:
        """Drop users with no message in the window (keeps memory bounded)."""
        now = self.clock()
        for user_id in [u for u, t in self._times.items() if not t or now - t[-1] > self.window]:
            self._times.pop(user_id, None)
            self._notified.discard(user_id)

    def forget(self, user_id: int) -> None:
        """Drop everything known about a user (/forget)."""
        self._times.pop(user_id, None)
        self._notified.discard(user_id)
