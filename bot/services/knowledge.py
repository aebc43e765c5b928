"""Holds the current knowledge base and engine; reloads atomically and keeps the last good one."""

from __future__ import annotations

import asyncio
import copy
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.engine import Engine, Prepared
from bot.knowledge import (
    FileCache,
    KnowledgeBase,
    KnowledgeError,
    LoadResult,
    collector_paused,
    load_knowledge,
)
from bot.knowledge.files import watched
from bot.services.knowledge_cache import Cached, read_cache, write_cache

log = logging.getLogger(__name__)
# name, size, modification time, mode and owner of each file: a change of any is a change
Stamps = tuple[tuple[str, int, int, int, int], ...]


@dataclass(frozen=True)
class Snapshot:
    """One loaded version of the knowledge base with its engine."""

    knowledge: KnowledgeBase
    engine: Engine
    fingerprint: Stamps


def fingerprint(directory: Path) -> Stamps:
    """Name, size, modification time, mode and owner of every file the validator looks at (a
    file made readable with chmod or chown is read again)."""
    stamps = []
    for path in watched(directory):
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps.append((str(path), stat.st_size, stat.st_mtime_ns, stat.st_mode, stat.st_uid))
    return tuple(stamps)


class KnowledgeService:
    """The knowledge folder as the bot sees it: always a valid version."""

    def __init__(self, directory: Path, cache_file: Path | None = None) -> None:
        """cache_file: where what the files gave is kept across restarts (None: nowhere)."""
        self.directory = directory
        self._snapshot: Snapshot | None = None
        self._attempted: Stamps | None = None
        self.files = FileCache()
        self.prepared = Prepared()
        self.cache_file = cache_file
        self._kept: int | None = None  # files the cache file holds (-1: none; None: not read)
        self._writer: threading.Thread | None = None

    def load(self) -> LoadResult:
        """Load the folder; on success switch to it, on failure keep the last good version.

        The version is remembered before it is read, so that a file that cannot be read is
        not read again until it changes; only the files changed since the last load (or, at
        the first, since the cache file was written) are read and validated again, and only
        their projects analysed again.
        """
        with collector_paused():  # one pause for the cache, the files and the engine
            return self._load()

    def _restore(self) -> None:
        """At the first load: what the cache file holds, if it holds anything usable."""
        if self._kept is None:
            cached = read_cache(self.cache_file) if self.cache_file is not None else None
            if cached is not None:
                self.files, self.prepared = cached
            self._kept = len(self.files.entries) if cached is not None else -1

    def _load(self) -> LoadResult:
        stamp = fingerprint(self.directory)
        self._attempted = stamp
        self._restore()
        result = load_knowledge(self.directory, cache=self.files)
        if result.knowledge is not None:
            engine = Engine(result.knowledge, self.prepared)
            self._snapshot = Snapshot(result.knowledge, engine, stamp)
            log.info("knowledge loaded: %s", result.knowledge.counts())
            self._keep()
        elif self._snapshot is not None:  # the running bot answers from the last good version
            log.warning(
                "knowledge not reloaded: %d error(s); the last good version stays",
                len(result.errors),
            )
        else:  # the first load: the caller reports the problems (load_or_raise)
            log.info("knowledge not loaded: %d error(s)", len(result.errors))
        return result

    def _keep(self) -> None:
        """Write the cache file when files were read anew, added or removed since it was: in
        a thread of its own, so that the bot answers meanwhile (the objects written are never
        changed in place by a later load, only replaced)."""
        self.cache_written()  # one write at a time
        count = len(self.files.entries)
        if self.cache_file is not None and (self.files.reads or count != self._kept):
            cached = (copy.copy(self.files), self.prepared.snapshot())  # as they are now
            file = self.cache_file
            self._writer = threading.Thread(
                target=self._write, args=(file, cached, count), name="knowledge-cache"
            )
            self._writer.start()

    def _write(self, file: Path, cached: Cached, count: int) -> None:
        self._kept = count if write_cache(file, cached) else -1

    def cache_written(self) -> None:
        """Wait until the cache file being written (if any) is written."""
        if self._writer is not None:
            self._writer.join()

    def load_or_raise(self) -> Snapshot:
        """Load and return the snapshot, or raise KnowledgeError."""
        result = self.load()
        if result.knowledge is None or self._snapshot is None:
            raise KnowledgeError(result.problems)
        return self._snapshot

    def changed(self) -> bool:
        """True when the files differ from the version last loaded (or tried)."""
        return fingerprint(self.directory) != self._attempted

    def _refresh(self, force: bool) -> LoadResult | None:
        return self.load() if force or self.changed() else None

    async def refresh(self, force: bool = False) -> LoadResult | None:
        """Load the folder if it changed (or when forced), in a worker thread so that the
        event loop goes on answering; None when nothing changed."""
        return await asyncio.to_thread(self._refresh, force)

    @property
    def snapshot(self) -> Snapshot:
        """The version in use."""
        if self._snapshot is None:
            raise RuntimeError("the knowledge base has not been loaded")
        return self._snapshot

    @property
    def engine(self) -> Engine:
        """The engine of the version in use."""
        return self.snapshot.engine

    @property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge base in use."""
        return self.snapshot.knowledge
