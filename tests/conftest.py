"""Shared by every test: the shipped knowledge base is loaded once per test process.

Hundreds of tests start the bot on the shipped `knowledge/` folder; each start would read the
files and build the engine again (about 0.25 s). While the folder's files are unchanged (same
names, sizes and modification times: the service's own fingerprint), a later start takes the
version the first one loaded. Any other folder, or a changed one, is loaded for real.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.knowledge import LoadResult, agreement
from bot.services.knowledge import KnowledgeService, Snapshot, Stamps, fingerprint
from tests.botapi.server import FakeBotAPI

SHIPPED = (Path(__file__).parent.parent / "knowledge").resolve()


@pytest.fixture(autouse=True, scope="session")
def shipped_knowledge_loaded_once() -> Iterator[None]:
    loaded: dict[Stamps, tuple[LoadResult, Snapshot]] = {}
    real_load = KnowledgeService.load

    def load(self: KnowledgeService) -> LoadResult:
        if self.directory.resolve() != SHIPPED:
            return real_load(self)
        stamp = fingerprint(self.directory)
        if stamp in loaded:
            result, self._snapshot = loaded[stamp]
            self._attempted = stamp
            return result
        result = real_load(self)
        if self._snapshot is not None and self._snapshot.fingerprint == stamp:
            loaded[stamp] = (result, self._snapshot)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(KnowledgeService, "load", load)
        yield


@pytest.fixture(autouse=True, scope="session")
def status_unchecked_against_the_clock() -> Iterator[None]:
    """No test depends on the day it runs: a status is checked against today's date only
    where a test gives that date (tests/knowledge/test_agreement.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(agreement, "today", lambda: None)
        yield


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    """The tests' Bot API server on 127.0.0.1, stopped after the test."""
    server = FakeBotAPI()
    await server.start()
    yield server
    await server.stop()
