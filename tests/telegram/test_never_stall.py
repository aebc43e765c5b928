"""Never stall: one chat that must wait (a 429, Telegram's limit per chat) or one user who
floods (commands, buttons, inline queries) holds up nobody else; the flood guard covers every
kind of update. Timeouts are generous: the figures are measured in benchmarks/stall_bench.py."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.conftest import ADMIN
from tests.telegram.harness import BotHarness, eventually

FLOODER, OTHER = 3001, 3002
LIMIT = 5  # the flood limit of these tests (the mechanism is the same at 20 a minute)
WINDOW = 3600.0  # seconds of its budget: nothing refills while a test runs on a busy machine


@pytest.fixture
async def guarded(api: FakeBotAPI, settings: Settings) -> AsyncIterator[BotHarness]:
    harness = await BotHarness(
        api, dataclasses.replace(settings, flood_limit=LIMIT, flood_window=WINDOW)
    ).start()
    yield harness
    await harness.stop()


def failed(api: FakeBotAPI, chat: int) -> list[str]:
    return [
        c.error
        for c in api.calls
        if c.method == "sendMessage" and c.error and int(c.params["chat_id"]) == chat
    ]


async def test_a_429_in_one_chat_holds_up_that_chat_alone(bot: BotHarness, api: FakeBotAPI) -> None:
    api.fail("sendMessage", 429, chat_id=FLOODER, retry_after=5)
    await bot.push(updates.message(FLOODER, "контакти"))
    await eventually(lambda: failed(api, FLOODER))
    await bot.push(updates.message(OTHER, "контакти"))
    await eventually(lambda: api.sent(OTHER), timeout=4)
    assert not api.sent(FLOODER)  # the other user was answered while this chat still waits
    await eventually(lambda: api.sent(FLOODER), timeout=15)
    assert len(api.sent(FLOODER)) == 1


async def test_commands_against_telegrams_limit_per_chat_hold_up_that_chat_alone(
    guarded: BotHarness, api: FakeBotAPI
) -> None:
    api.chat_limit, api.chat_retry_after = 1, 1
    for _ in range(40):
        await guarded.push(updates.message(FLOODER, "/start"))
    await eventually(lambda: failed(api, FLOODER))  # Telegram refuses this chat for now
    await guarded.push(updates.message(OTHER, "контакти"))
    await eventually(lambda: api.sent(OTHER), timeout=4)
    assert len(api.sent(FLOODER)) < LIMIT + 1  # answered while the flooder's chat still waits
    await guarded.settle()
    assert len(api.sent(FLOODER)) == LIMIT + 1  # the limit's answers, then one notice


async def test_900_start_from_one_user_are_not_900_replies(
    guarded: BotHarness, api: FakeBotAPI
) -> None:
    for _ in range(900):
        await guarded.push(updates.message(FLOODER, "/start"))
    await guarded.push(updates.message(OTHER, "колко струва паркът"))
    await eventually(lambda: api.sent(OTHER), timeout=10)
    await guarded.settle()
    texts = api.texts(FLOODER)
    assert len(texts) == LIMIT + 1
    assert all("Здравейте" in text for text in texts[:LIMIT])
    assert "много съобщения" in texts[-1]


async def test_2000_inline_queries_are_guarded_and_delay_nobody(
    guarded: BotHarness, api: FakeBotAPI
) -> None:
    for number in range(2000):
        await guarded.push(updates.inline_query(FLOODER, f"hot lunch {number}"))
    await guarded.push(updates.message(OTHER, "колко струва паркът"))
    await eventually(lambda: api.sent(OTHER), timeout=10)
    await guarded.settle()
    answered = api.sent(method="answerInlineQuery")
    assert len(answered) == LIMIT * 4  # an inline query costs a quarter of a message
    assert len(api.sent(OTHER)) == 1


async def test_button_presses_count_too(guarded: BotHarness, api: FakeBotAPI) -> None:
    for _ in range(LIMIT + 4):
        await guarded.push(updates.button(FLOODER, "m:contacts"))
    await guarded.settle()
    toasts = [c.params.get("text") for c in api.sent(method="answerCallbackQuery")]
    assert len(api.sent(FLOODER)) == LIMIT  # the contacts, for each press within the limit
    assert toasts == [None] * LIMIT + [
        "Изпращате много съобщения наведнъж. Ще ви отговоря отново след минута."
    ]


async def test_a_flooder_in_a_group_gets_no_notice_and_others_are_not_counted(
    guarded: BotHarness, api: FakeBotAPI
) -> None:
    group = -7001
    for _ in range(LIMIT + 3):  # not meant for the bot: not counted, not answered
        await guarded.push(updates.message(FLOODER, "здрасти", chat_id=group, kind="group"))
    await guarded.push(
        updates.message(FLOODER, "/contacts@munibot_test_bot", chat_id=group, kind="group")
    )
    await guarded.settle()
    assert len(api.sent(group)) == 1
    for _ in range(LIMIT + 3):
        await guarded.push(updates.message(FLOODER, "/contacts", chat_id=group, kind="group"))
    await guarded.settle()
    assert len(api.sent(group)) == LIMIT  # the rest dropped, and no notice in the group


async def test_admins_are_not_counted(guarded: BotHarness, api: FakeBotAPI) -> None:
    for _ in range(LIMIT + 3):
        await guarded.push(updates.message(ADMIN, "/contacts"))
    await guarded.settle()
    assert len(api.sent(ADMIN)) == LIMIT + 3
