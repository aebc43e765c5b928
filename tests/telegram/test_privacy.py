"""/forget leaves nothing behind: not in the database, its WAL, nor the bot's memory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import Call, FakeBotAPI
from tests.telegram.harness import BotHarness

USER = 1001
SECRET_QUESTION = "колко струва паркът за zqxjvw"


@pytest.fixture
async def strict(api: FakeBotAPI, settings: Settings) -> AsyncIterator[BotHarness]:
    harness = await BotHarness(api, settings.with_overrides(flood_limit=3)).start()
    yield harness
    await harness.stop()


def texts(calls: list[Call]) -> list[str]:
    return [c.result["text"] for c in calls if c.method == "sendMessage" and c.error is None]


async def test_forget_leaves_no_copy_in_the_wal_or_the_database(
    strict: BotHarness, settings: Settings
) -> None:
    await strict.send(updates.message(USER, SECRET_QUESTION))
    db = Path(settings.db_path)
    wal = db.with_name(db.name + "-wal")
    assert SECRET_QUESTION.encode() in wal.read_bytes()
    await strict.send(updates.message(USER, "/forget"))
    for file in (db, wal):
        assert SECRET_QUESTION.encode() not in file.read_bytes()
        assert b"zqxjvw" not in file.read_bytes()


async def test_forget_clears_the_conversation_and_the_flood_count(strict: BotHarness) -> None:
    [budget] = texts(await strict.send(updates.message(USER, "колко струва паркът")))
    assert "199" in budget
    [dates] = texts(await strict.send(updates.message(USER, "а кога приключи?")))
    assert "2014" in dates  # the follow-up is about the park
    await strict.send(updates.message(USER, "/forget"))
    [after] = texts(await strict.send(updates.message(USER, "а кога приключи?")))
    assert "2014" not in after  # no park any more: the context went with the rest
    [answer] = texts(await strict.send(updates.message(USER, "контакти")))
    assert "7777" in answer  # answered, though it is the 5th message with a limit of 3
