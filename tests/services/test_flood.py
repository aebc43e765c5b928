"""The flood guard: a burst, then a pace; one notice; every user forgotten when idle, so that
memory holds only the users of the last two minutes (at most max_users)."""

from __future__ import annotations

from bot.services.flood import FloodGuard, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_of_the_limit_then_one_every_window_over_limit_seconds() -> None:
    clock = Clock()
    guard = FloodGuard(limit=20, window=60, clock=clock)
    assert [guard.check(1) for _ in range(21)] == [Verdict.ALLOW] * 20 + [Verdict.NOTIFY]
    clock.now = 2.9
    assert guard.check(1) is Verdict.IGNORE  # no second notice while the flood goes on
    clock.now = 3.0
    assert guard.check(1) is Verdict.ALLOW  # a message's worth of the budget is back
    assert guard.check(1) is Verdict.IGNORE
    assert guard.check(2) is Verdict.ALLOW  # others are not affected


def test_a_new_notice_only_after_the_user_was_quiet() -> None:
    clock = Clock()
    guard = FloodGuard(limit=2, window=60, clock=clock)
    assert [guard.check(1) for _ in range(3)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY]
    clock.now = 30.0
    assert [guard.check(1) for _ in range(2)] == [Verdict.ALLOW, Verdict.IGNORE]
    clock.now = 200.0
    assert [guard.check(1) for _ in range(3)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY]


def test_an_inline_query_costs_a_quarter() -> None:
    guard = FloodGuard(limit=5, window=60, clock=Clock())
    verdicts = [guard.check(1, 0.25) for _ in range(22)]
    assert verdicts.count(Verdict.ALLOW) == 20 and verdicts[20] is Verdict.NOTIFY


def test_idle_users_are_forgotten_without_changing_any_verdict() -> None:
    clock = Clock()
    guard = FloodGuard(limit=3, window=60, clock=clock)
    for user in range(100):
        guard.check(user)
    guard.check(7)
    guard.check(7)
    clock.now = 20.0  # users with one message are free again; user 7 is not yet
    assert guard.forget_idle() == 99 and len(guard) == 1
    assert [guard.check(7) for _ in range(2)] == [Verdict.ALLOW, Verdict.NOTIFY]


def test_memory_holds_only_the_last_window_of_100000_users() -> None:
    clock = Clock()
    guard = FloodGuard(limit=20, window=60, clock=clock)
    for user in range(100_000):  # 100,000 users, one message each, over 10 minutes
        clock.now = user * 0.006
        assert guard.check(user) is Verdict.ALLOW
    assert len(guard) <= 2 * 60 / 0.006  # only those of the last two minutes (swept each one)


def test_past_max_users_those_unseen_longest_are_forgotten() -> None:
    clock = Clock()
    guard = FloodGuard(limit=20, window=60, clock=clock, max_users=1000)
    for user in range(5000):  # all within the same second: none is idle
        guard.check(user)
    assert len(guard) <= 1000
    for _ in range(19):
        guard.check(4999)
    assert guard.check(4999) is Verdict.NOTIFY  # the newest is still remembered


def test_forget_erases_a_user() -> None:
    guard = FloodGuard(limit=1, window=60, clock=Clock())
    assert [guard.check(5) for _ in range(2)] == [Verdict.ALLOW, Verdict.NOTIFY]
    guard.forget(5)
    assert guard.check(5) is Verdict.ALLOW and len(guard) == 1
