"""Per-user flood control for every kind of update: past the limit a user gets one notice, then
silence until the pace is back under the limit.

A user may send `limit` updates at once and then one every `window / limit` seconds (20 a
minute by default: a burst of 20, then one every 3 s). Each user costs one number, the moment
from which a full burst is free again (the generic cell rate algorithm); a user whose moment
has passed is the same as one never seen, so idle users are forgotten (once a window) without
changing any verdict: memory holds only the users of the last two windows, and at most
`max_users` (past it, those unseen longest are forgotten).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from enum import Enum

MAX_USERS = 200_000


class Verdict(Enum):
    """What to do with an update."""

    ALLOW = "allow"
    NOTIFY = "notify"
    IGNORE = "ignore"


class FloodGuard:
    """The pace of each user's updates, in bounded memory."""

    def __init__(
        self,
        limit: int = 20,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_users: int = MAX_USERS,
    ) -> None:
        self.limit, self.window, self.clock = max(1, limit), window, clock
        self.interval = window / self.limit  # one update's worth of the budget, in seconds
        self.max_users = max_users
        self._free_at: dict[int, float] = {}  # when the user's whole burst is free again
        self._notified: set[int] = set()
        self._swept_at = clock()

    def __len__(self) -> int:
        """How many users are remembered."""
        return len(self._free_at)

    def check(self, user_id: int, cost: float = 1.0) -> Verdict:
        """Count one update of user_id (cost: its share of a message) and say whether to
        answer it."""
        now = self.clock()
        self._sweep(now)
        free_at = max(self._free_at.pop(user_id, now), now)  # re-inserted: newest last
        after = free_at + cost * self.interval
        if after - now <= self.window + 1e-9:
            self._free_at[user_id] = after
            if free_at == now:  # back under the limit with room to spare: a new notice later
                self._notified.discard(user_id)
            return Verdict.ALLOW
        self._free_at[user_id] = free_at
        if user_id in self._notified:
            return Verdict.IGNORE
        self._notified.add(user_id)
        return Verdict.NOTIFY

    def forget_idle(self) -> int:
        """Drop users whose whole burst is free again (nothing about them is lost); how many."""
        now = self.clock()
        idle = [user for user, free_at in self._free_at.items() if free_at <= now]
        for user in idle:
            del self._free_at[user]
            self._notified.discard(user)
        self._swept_at = now
        return len(idle)

    def forget(self, user_id: int) -> None:
        """Drop everything known about a user (/forget)."""
        self._free_at.pop(user_id, None)
        self._notified.discard(user_id)

    def _sweep(self, now: float) -> None:
        """Once a window, forget the idle; past max_users, also those unseen the longest, down
        to nine tenths of it (so that this happens rarely)."""
        if now - self._swept_at >= self.window or len(self._free_at) > self.max_users:
            self.forget_idle()
        excess = len(self._free_at) - self.max_users * 9 // 10
        if len(self._free_at) > self.max_users:
            for user in list(itertools.islice(self._free_at, excess)):
                self.forget(user)
