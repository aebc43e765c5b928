"""Flows are stored: one per user, moved on step by step, ended, and timed out when idle."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services.flows import Flows
from bot.storage import Storage


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[Storage]:
    async with Storage.opened(tmp_path / "db.sqlite3") as opened:
        yield opened


async def test_a_flow_moves_on_and_ends(storage: Storage) -> None:
    flows = Flows(storage, timeout=60)
    state = await flows.start(1, 10, "addnews", "project")
    await flows.advance(state, "title", project="park", title={"bg": "Парк"})
    again, expired = await flows.current(1)
    assert (again.step, again.data["title"], expired) == ("title", {"bg": "Парк"}, False)  # type: ignore[union-attr]
    assert again.data["n"] == state.data["n"]  # type: ignore[union-attr]
    replaced = await flows.start(1, 10, "upload", "confirm")
    assert (await flows.current(1))[0].kind == "upload" and replaced.data["n"] != 0  # type: ignore[union-attr]
    assert await flows.end(1) and not await flows.end(1)
    assert await flows.current(1) == (None, False)


async def test_an_idle_flow_times_out_once_and_the_upkeep_clears_the_rest(
    storage: Storage,
) -> None:
    flows = Flows(storage, timeout=60)
    for user in (1, 2, 3):
        await flows.start(user, user, "addnews", "title")
    await storage.execute("UPDATE flows SET updated_at = updated_at - 61 WHERE user_id != 3")
    assert await flows.current(1) == (None, True)
    assert await flows.current(1) == (None, False)  # told once
    assert [state.user_id for state in await flows.expire()] == [2]
    assert (await flows.current(3))[0] is not None
