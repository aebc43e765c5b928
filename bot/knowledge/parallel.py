"""Read many files on two processors: a forked copy of this process does the second half (or a
given share) and hands back what it made, pickled through a temporary file.

Only where it is safe and pays: a fork needs no thread besides this one (another thread may
hold a lock the copy would wait for forever), two processors, and MIN_ITEMS or more files (a
reload that reads a few changed files stays in this process). If the copy fails in any way, this
process does its half too: the result is the same either way.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

MIN_ITEMS = 1000
# the copy also pickles what it made for this process (about a quarter of making it): it takes
# fewer items, so that both finish together
COPY_SHARE = 0.45
Item = TypeVar("Item")
Result = TypeVar("Result")
Mine = TypeVar("Mine")
Theirs = TypeVar("Theirs")


def can_fork() -> bool:
    """True where a forked copy can work beside this process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return hasattr(os, "fork") and (cores or 1) >= 2 and threading.active_count() == 1


def map_forked(
    work: Callable[[Item], Result], items: Sequence[Item], copy_share: float = 0.5
) -> list[Result]:
    """[work(item) for item in items], the last copy_share of them done by a forked copy when
    that pays (less than half where pickling what the copy made is a large part of its work)."""
    if len(items) < MIN_ITEMS or not can_fork():
        return [work(item) for item in items]
    split = int(len(items) * (1 - copy_share))
    mine, theirs = in_two(
        lambda: [work(item) for item in items[:split]],
        lambda: [work(item) for item in items[split:]],
    )
    return mine + theirs


def in_two(mine: Callable[[], Mine], theirs: Callable[[], Theirs]) -> tuple[Mine, Theirs]:
    """(mine(), theirs()), theirs() made by a forked copy at the same time and handed back
    pickled (made here after mine() when the copy fails, or when no copy can work beside this
    process)."""
    if not can_fork():
        return mine(), theirs()
    with tempfile.TemporaryFile() as handed:
        pid = os.fork()
        if pid == 0:  # the copy: never returns to the caller
            code = 1
            try:
                pickle.dump(theirs(), handed, pickle.HIGHEST_PROTOCOL)
                handed.flush()
                code = 0
            finally:
                os._exit(code)
        try:
            made = mine()
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return made, theirs()
        handed.seek(0)
        found: Theirs = pickle.load(handed)
        return made, found
