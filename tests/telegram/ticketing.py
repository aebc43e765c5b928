"""Helpers of the tickets' end-to-end tests: the people, pressing buttons, replying in the group."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.harness import BotHarness, eventually

STAFF_CHAT = -100500
ANNA, BORIS = 1001, 1002  # citizens
STAFF_1, STAFF_2 = 2001, 2002
OUTSIDER = 3001
QUESTION = "Може ли да си извадя шофьорска книжка онлайн?"


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """callback_data -> label of a message's inline buttons."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["callback_data"]: b["text"] for row in rows for b in row if "callback_data" in b}


def last(api: FakeBotAPI, chat_id: int) -> dict[str, Any]:
    """The newest message the bot has in a chat (as it is now, after edits)."""
    return api.messages[chat_id][max(api.messages[chat_id])]


def toasts(api: FakeBotAPI) -> list[str]:
    return [c.params.get("text") or "" for c in api.sent(method="answerCallbackQuery")]


async def press(bot: BotHarness, user_id: int, data: str, shown: dict[str, Any]) -> None:
    await bot.send(updates.button(user_id, data, shown))


async def open_draft(bot: BotHarness, api: FakeBotAPI, user_id: int, text: str) -> dict[str, Any]:
    """A citizen asks what the bot cannot answer and presses Ask; returns the bot's answer."""
    await bot.send(updates.message(user_id, text))
    answer = last(api, user_id)
    ask = next(data for data in buttons(answer) if data.startswith("q:ask:"))
    await press(bot, user_id, ask, answer)
    return answer


async def ask_municipality(bot: BotHarness, api: FakeBotAPI, user_id: int, text: str) -> int:
    """A citizen asks what the bot cannot answer and sends it on; returns the ticket number."""
    await open_draft(bot, api, user_id, text)
    draft = last(api, user_id)
    assert text in draft["text"] and "q:send:0" in buttons(draft)
    await press(bot, user_id, "q:send:0", draft)
    sent = last(api, user_id)["text"]
    assert "№" in sent or "No." in sent
    return int(sent.split("№ ")[1].split(".")[0])


async def ticket_post(bot: BotHarness, number: int) -> dict[str, Any]:
    """The ticket's newest message in the staff group, once the dispatcher has sent it and
    stored its message id (a reply to it is then found; a person replies seconds later)."""
    api, storage = bot.api, bot.app.bot_data["services"].storage

    def find() -> dict[str, Any] | None:
        posts = [m for m in api.messages[STAFF_CHAT].values() if f":{number}" in str(buttons(m))]
        return posts[-1] if posts else None

    await eventually(lambda: find() is not None)
    post = find()
    assert post is not None
    while await storage.ticket_at(STAFF_CHAT, post["message_id"]) is None:
        await asyncio.sleep(0.01)
    return post


async def staff_reply(
    bot: BotHarness, api: FakeBotAPI, staff: int, to: dict[str, Any], text: str
) -> dict[str, Any]:
    """A staff member replies in the group to a message; returns the bot's answer to it."""
    before = max(api.messages[STAFF_CHAT])
    await bot.send(
        updates.message(staff, text, chat_id=STAFF_CHAT, kind="group", reply_to_message=to)
    )
    newest = last(api, STAFF_CHAT)
    assert newest["message_id"] > before
    return newest
