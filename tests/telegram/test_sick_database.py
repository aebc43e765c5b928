"""Keep answering when the database is sick: another process holds the write lock, or the disk
is full. Answers do not wait for writes; the admins are told once, and again when writing works;
what was asked meanwhile is written when the database recovers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.storage import Storage
from bot.texts import t
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.storage.sick import fill_the_disk, free_the_disk, write_lock
from tests.telegram.conftest import ADMIN
from tests.telegram.harness import BotHarness, eventually

USERS = range(4001, 4004)
FAILING, RECOVERED = "не може да се записва", "отново се записва"


def admin_told(api: FakeBotAPI, words: str) -> int:
    return sum(words in text for text in api.texts(ADMIN))


@pytest.fixture
def locked(settings: Settings) -> Iterator[sqlite3.Connection]:
    """Another process holding the write lock (a second connection with BEGIN IMMEDIATE)."""
    other = write_lock(settings.db_path)
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


async def test_answers_while_another_process_holds_the_write_lock(
    bot: BotHarness, api: FakeBotAPI, locked: sqlite3.Connection
) -> None:
    storage: Storage = bot.app.bot_data["services"].storage
    locked.execute("INSERT INTO meta (key, value) VALUES ('held', 'by another process')")
    for user in USERS:
        await bot.push(updates.message(user, "колко струва паркът"))
    await eventually(lambda: all(api.sent(user) for user in USERS), timeout=10)
    assert all("199" in api.texts(user)[0] for user in USERS)
    await eventually(lambda: admin_told(api, FAILING) == 1)
    assert await storage.count_questions() == 0  # nothing could be written meanwhile

    locked.execute("COMMIT")  # the lock comes back
    await bot.send(updates.message(USERS[0], "контакти"))
    await eventually(lambda: admin_told(api, RECOVERED) == 1)
    assert admin_told(api, FAILING) == 1
    assert await storage.count_questions() == len(USERS) + 1  # the waiting ones written too
    assert await storage.count_users() == len(USERS)


async def test_a_citizens_own_write_that_cannot_wait_asks_to_try_again(
    bot: BotHarness, api: FakeBotAPI, locked: sqlite3.Connection
) -> None:
    await bot.send(updates.message(USERS[0], "/subscribe"))
    assert api.texts(USERS[0])[-1] == t("storage_busy", "bg")
    locked.execute("ROLLBACK")
    await bot.send(updates.message(USERS[0], "/subscribe"))
    assert api.texts(USERS[0])[-1] == t("subscribe.done", "bg")


async def test_a_button_whose_write_cannot_wait_is_not_called_stale(
    bot: BotHarness, api: FakeBotAPI, locked: sqlite3.Connection
) -> None:
    """Follow pressed while the database cannot be written: "try again", never "this button
    is no longer valid" (the button is fine, and works once the database does)."""
    locked.execute("ROLLBACK")
    [answer] = [c.result for c in await bot.send(updates.message(USERS[0], "колко струва паркът"))]
    locked.execute("BEGIN IMMEDIATE")
    calls = await bot.send(updates.button(USERS[0], "f:park-block-66", answer))
    toasts = [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"]
    assert toasts == [None] and api.texts(USERS[0])[-1] == t("storage_busy", "bg")
    locked.execute("ROLLBACK")
    calls = await bot.send(updates.button(USERS[0], "f:park-block-66", answer))
    toasts = [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"]
    assert toasts == [t("follow.done", "bg")]


async def test_answers_with_the_disk_full_and_recovers_when_space_comes_back(
    bot: BotHarness, api: FakeBotAPI
) -> None:
    storage: Storage = bot.app.bot_data["services"].storage
    await fill_the_disk(storage)
    before = await storage.count_questions()
    users = range(5001, 5041)
    for user in users:
        await bot.push(updates.message(user, "колко струва паркът"))
    await eventually(lambda: all(api.sent(user) for user in users), timeout=20)
    await eventually(lambda: admin_told(api, FAILING) == 1)
    assert await storage.count_questions() == before

    await free_the_disk(storage)
    await bot.send(updates.message(users[0], "контакти"))
    await eventually(lambda: admin_told(api, RECOVERED) == 1)
    assert admin_told(api, FAILING) == 1
    assert await storage.count_questions() == before + len(users) + 1
