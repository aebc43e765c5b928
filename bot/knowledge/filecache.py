"""What each file gave at the last load, so that a reload reads again only the files that changed.

A file is taken as unchanged when its size and modification time are those it had when it was
read, or, failing that, when its content hashes the same. A file modified within SETTLE_NS of
being read is always hashed again: a change made in the same clock tick keeps the old time.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.reading import FileResult
from bot.knowledge.yamlsource import read_limited

SETTLE_NS = 2_000_000_000
Reader = Callable[[bytes, int], FileResult]


@dataclass(frozen=True)
class _Entry:
    """One file as it was read, and what it gave."""

    role: tuple[Any, ...]
    size: int
    mtime_ns: int
    settled: bool
    digest: bytes
    result: FileResult


class FileCache:
    """The results of the last load, by file; give the same cache to every load of a folder."""

    def __init__(self) -> None:
        self._entries: dict[Path, _Entry] = {}
        self.reads = 0  # files read and validated by the last load (the others were reused)

    def loader(self) -> CachedReads:
        """The reads of one load; its entries replace these when it is finished."""
        return CachedReads(self)


class CachedReads:
    """The files of one load: each is read only if it changed since the cache's last load."""

    def __init__(self, cache: FileCache | None) -> None:
        self.cache = cache
        self.entries: dict[Path, _Entry] = {}
        self.reads = 0

    def result(self, file: Path, role: tuple[Any, ...], read: Reader) -> FileResult:
        """What file gives when read by read; role: whatever else the result depends on."""
        if self.cache is None:
            self.reads += 1
            return read(*read_limited(file))
        started = time.time_ns()
        stat = os.stat(file)
        old = self.cache._entries.get(file)
        if old is not None and old.role != role:
            old = None
        stamp = (stat.st_size, stat.st_mtime_ns)
        if old is not None and old.settled and (old.size, old.mtime_ns) == stamp:
            self.entries[file] = old
            return old.result
        raw, size = read_limited(file)
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        if old is not None and (old.digest, old.size) == (digest, size):
            result = old.result
        else:
            self.reads += 1
            result = read(raw, size)
        settled = stat.st_mtime_ns < started - SETTLE_NS
        self.entries[file] = _Entry(role, size, stat.st_mtime_ns, settled, digest, result)
        return result

    def finish(self) -> None:
        """Keep this load's files (and only them) for the next load."""
        if self.cache is not None:
            self.cache._entries = self.entries
            self.cache.reads = self.reads
