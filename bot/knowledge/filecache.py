"""What each file gave at the last load, so that a reload reads again only the files that changed.

A file is taken as unchanged when its size and modification time are those it had when it was
read, or, failing that, when its content hashes the same. A file modified within SETTLE_NS of
being read is always hashed again: a change made in the same clock tick keeps the old time. A
cache read back from disk (pickled by another process) trusts no time: every file is hashed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.knowledge.parallel import COPY_SHARE, map_forked
from bot.knowledge.problems import Problem
from bot.knowledge.reading import FileResult
from bot.knowledge.yamlsource import read_limited

SETTLE_NS = 2_000_000_000
UNREAD = -1  # the size of a file that could not be read: read again at the next load
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

    @property
    def stamp(self) -> tuple[int, int]:
        return self.size, self.mtime_ns


class FileCache:
    """The results of the last load, by file; give the same cache to every load of a folder."""

    def __init__(self) -> None:
        self.entries: dict[Path, _Entry] = {}
        self.reads = 0  # files read and validated by the last load (the others were reused)

    def restore(self, file: object, entry: object) -> bool:
        """Take back one file's entry read from disk, known by its content only (its time may
        lie); False, and nothing taken, when they are not a path and an entry."""
        if not (isinstance(file, Path) and isinstance(entry, _Entry)):
            return False
        self.entries[file] = replace(entry, settled=False)
        return True


@dataclass(frozen=True)
class Job:
    """One file to read, whatever else its result depends on, and how to read its bytes."""

    file: Path
    role: tuple[Any, ...]  # (the name problems show, the model, its extra fields)
    read: Reader


class CachedReads:
    """The files of one load: each is read only if it changed since the cache's last load."""

    def __init__(self, cache: FileCache | None) -> None:
        self.cache = cache
        self.entries: dict[Path, _Entry] = {}
        self.reads = 0

    def results(self, jobs: Sequence[Job]) -> list[FileResult]:
        """What each job's file gives, in order; many files are read on two processors."""
        if self.cache is None:
            self.reads += len(jobs)
            return map_forked(_read, jobs, COPY_SHARE)
        started = time.time_ns()
        entries: list[_Entry | None] = []
        stale: list[tuple[int, Job, os.stat_result, _Entry | None]] = []
        for job in jobs:
            stat = os.stat(job.file)
            old = self.cache.entries.get(job.file)
            if old is not None and old.role != job.role:
                old = None
            if old is not None and old.settled and old.stamp == (stat.st_size, stat.st_mtime_ns):
                entries.append(old)
            else:
                stale.append((len(entries), job, stat, old))
                entries.append(None)
        fresh = map_forked(_read_unless_same, [(job, old) for _, job, _, old in stale], COPY_SHARE)
        for (index, job, stat, old), (size, digest, result) in zip(stale, fresh, strict=True):
            if result is None:  # the same content: the very object the cache holds
                assert old is not None
                result = old.result
            else:
                self.reads += 1
            settled = stat.st_mtime_ns < started - SETTLE_NS and size != UNREAD
            entries[index] = _Entry(job.role, size, stat.st_mtime_ns, settled, digest, result)
        results = []
        for job, entry in zip(jobs, entries, strict=True):
            assert entry is not None
            self.entries[job.file] = entry
            results.append(entry.result)
        return results

    def finish(self) -> None:
        """Keep this load's files (and only them) for the next load."""
        if self.cache is not None:
            self.cache.entries = self.entries
            self.cache.reads = self.reads


def _read(job: Job) -> FileResult:
    try:
        return job.read(*read_limited(job.file))
    except OSError as error:
        return _unreadable(job, error)


def _unreadable(job: Job, error: OSError) -> FileResult:
    """The problem of a file the bot may not read (its permissions), or that went away."""
    reason = os.strerror(error.errno) if error.errno else str(error)
    message = (
        f"the file cannot be read ({reason}): let the user the bot runs as read it "
        f"(e.g. 'chmod a+r {job.file.name}'), or move it out of the knowledge folder"
    )
    return FileResult(None, (Problem(job.role[0], 1, 1, message),))


def _read_unless_same(task: tuple[Job, _Entry | None]) -> tuple[int, bytes, FileResult | None]:
    """(size, content hash, result): no result when the content is the old entry's (a forked
    copy then hands back nothing to pickle, and the old result is kept as the same object)."""
    job, old = task
    try:
        raw, size = read_limited(job.file)
    except OSError as error:
        return UNREAD, b"", _unreadable(job, error)
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    if old is not None and (old.digest, old.size) == (digest, size):
        return size, digest, None
    return size, digest, job.read(raw, size)
