"""Fixtures: the tests' Bot API server and the bot running against it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from tests.botapi.server import FakeBotAPI
from tests.telegram.harness import BotHarness
from tests.telegram.ticketing import STAFF_1, STAFF_2, STAFF_CHAT

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"
ADMIN = 42


@pytest.fixture
def settings(api: FakeBotAPI, tmp_path: Path) -> Settings:
    return Settings(
        knowledge_dir=KNOWLEDGE,
        db_path=tmp_path / "bot.sqlite3",
        token=api.token,
        api_base_url=api.url,
        admin_ids=frozenset({ADMIN}),
        flood_limit=20,
    )


@pytest.fixture
async def bot(api: FakeBotAPI, settings: Settings) -> AsyncIterator[BotHarness]:
    harness = await BotHarness(api, settings).start()
    yield harness
    await harness.stop()


@pytest.fixture
async def desk(api: FakeBotAPI, settings: Settings) -> AsyncIterator[BotHarness]:
    """The bot with a staff group for tickets, two staff members in it."""
    api.members.update({(STAFF_CHAT, STAFF_1): "member", (STAFF_CHAT, STAFF_2): "creator"})
    harness = await BotHarness(api, settings.with_overrides(staff_chat_id=STAFF_CHAT)).start()
    yield harness
    await harness.stop()
