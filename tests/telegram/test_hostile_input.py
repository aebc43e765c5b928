"""Hostile buttons and input: a page button pressed twice, a message Telegram cannot edit,
forged payloads (numbers past 64 bits, lone surrogates), a forged stop, and broadcast HTML that
Telegram would refuse. None ends in an ERROR, "something went wrong" or a spinning button."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.config import Settings
from bot.texts import t
from tests.botapi import updates
from tests.botapi.server import Call, FakeBotAPI
from tests.telegram.conftest import ADMIN
from tests.telegram.harness import BotHarness

USER = 6001
STALE, WRONG = t("stale_button", "bg"), t("error", "bg")


def answers(calls: list[Call]) -> list[str | None]:
    return [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"]


def texts(calls: list[Call]) -> list[str]:
    return [c.result["text"] for c in calls if c.method == "sendMessage" and c.error is None]


def no_errors(caplog: pytest.LogCaptureFixture) -> bool:
    return not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_next_page_pressed_twice_is_nothing_to_do(
    bot: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    [listing] = [c.result for c in await bot.send(updates.message(USER, "/projects"))]
    first = await bot.send(updates.button(USER, "l:1", listing))
    shown = next(c.result for c in first if c.method == "editMessageText")
    again = await bot.send(updates.button(USER, "l:1", shown))
    [edit] = [c for c in again if c.method == "editMessageText"]
    assert edit.error is not None and "not modified" in edit.error
    assert answers(again) == [None]  # the button stops spinning
    assert not texts(again) and no_errors(caplog)


async def test_a_message_telegram_cannot_edit_is_sent_anew(
    bot: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    gone = {"message_id": 999, "date": 0, "chat": updates.chat(USER), "text": "..."}
    calls = await bot.send(updates.button(USER, "l:2", gone))
    [edit] = [c for c in calls if c.method == "editMessageText"]
    assert edit.error == "Bad Request: message to edit not found"
    [page] = texts(calls)
    assert "стр. 3 от 3" in page and WRONG not in page
    assert answers(calls) == [None] and no_errors(caplog)


@pytest.mark.parametrize(
    "data",
    [
        "fb:9223372036854775808:+",  # past SQLite's 64-bit integers
        "fb:99999999999999999999999:-",
        "l:99999999999999999999",
        "b:18446744073709551616:stop",
        "p:\ud800",  # a lone surrogate: no character at all
        "fb:1\udfff:+",
    ],
)
async def test_forged_payloads_get_the_stale_notice(
    bot: BotHarness, caplog: pytest.LogCaptureFixture, data: str
) -> None:
    calls = await bot.send(updates.button(ADMIN, data))  # an admin may press any button
    assert answers(calls) == [STALE]
    assert not texts(calls) and no_errors(caplog)


async def test_lone_surrogates_in_questions_and_inline_queries_are_answered(
    bot: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    [answer] = texts(await bot.send(updates.message(USER, "колко струва паркът\ud83d")))
    assert "199" in answer
    calls = await bot.send(updates.inline_query(USER, "hot lunch\udc00"))
    [inline] = [c for c in calls if c.method == "answerInlineQuery"]
    assert inline.error is None and inline.params["results"]
    group = updates.mention(USER, "колко\ud800 струва паркът", "munibot_test_bot", -6001)
    assert texts(await bot.send(group)) and no_errors(caplog)


async def test_a_forged_stop_for_a_future_broadcast_does_not_cancel_it(
    bot: BotHarness, api: FakeBotAPI
) -> None:
    storage = bot.app.bot_data["services"].storage
    await storage.set_subscribed(USER, True)
    stop = await bot.send(updates.button(ADMIN, "b:1:stop"))
    assert answers(stop) == [STALE]
    await bot.send(updates.message(ADMIN, "/broadcast <b>Внимание</b>: утре няма вода."))
    for ending in (":#all", ":#ok"):  # the audience, then Send
        shown = api.sent(ADMIN)[-1].result
        await bot.send(updates.button(ADMIN, button(shown, ending), shown))
    row = await storage.broadcast(1)
    assert row is not None and row.state != "cancelled"


def _admin_says(api: FakeBotAPI) -> str:
    return api.texts(ADMIN)[-1]


def button(message: dict[str, Any], ending: str) -> str:
    """The data of the button under message whose data ends so."""
    rows = message["reply_markup"]["inline_keyboard"]
    return next(
        b["callback_data"] for row in rows for b in row if b["callback_data"].endswith(ending)
    )


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("😀" * 3000, "6000"),  # 3,000 characters, 6,000 UTF-16 units: too long for Telegram
        ("<span>скрито</span>", 'must have class "tg-spoiler"'),
        ("<tg-emoji>👍</tg-emoji>", "Invalid custom emoji identifier"),
        ("Вода &#0; няма", "is not a character"),
        ("<b></b>", "message text is empty"),
    ],
)
async def test_broadcast_html_telegram_would_refuse_is_refused_before_sending(
    bot: BotHarness, api: FakeBotAPI, settings: Settings, text: str, refusal: str
) -> None:
    storage = bot.app.bot_data["services"].storage
    await storage.set_subscribed(USER, True)
    calls = await bot.send(updates.message(ADMIN, f"/broadcast {text}"))
    assert refusal in _admin_says(api)
    assert not [c for c in calls if c.method == "sendMessage" and c.params["chat_id"] != ADMIN]
    assert await storage.broadcasts(5) == []


async def test_an_expandable_blockquote_is_accepted(bot: BotHarness, api: FakeBotAPI) -> None:
    await bot.send(
        updates.message(ADMIN, "/broadcast <blockquote expandable>Дълъг текст</blockquote>")
    )
    assert button(api.sent(ADMIN)[-1].result, ":#all")  # the audience is asked: accepted
