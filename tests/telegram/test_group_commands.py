"""In a group, an admin command of a non-admin and an unknown command look the same; staff are
sent to their private chat."""

from __future__ import annotations

import pytest

from tests.botapi import updates
from tests.botapi.server import BOT_USER, Call
from tests.telegram.conftest import ADMIN
from tests.telegram.harness import BotHarness

USER = 1001
GROUP = -5001
UNKNOWN = "Не познавам тази команда. Вижте /help."
PRIVATE_ONLY = (
    "Командите за служители работят само в личния ви чат с бота: отворете го и напишете "
    "командата там."
)


def replies(calls: list[Call]) -> list[str]:
    return [c.result["text"] for c in calls if c.method == "sendMessage" and c.error is None]


@pytest.mark.parametrize("command", ["/stats", "/foo"])
async def test_a_command_the_user_may_not_use_is_treated_as_unknown(
    bot: BotHarness, command: str
) -> None:
    plain = await bot.send(updates.message(USER, command, chat_id=GROUP, kind="group"))
    assert replies(plain) == []  # perhaps meant for another bot in the group
    other = f"{command}@another_bot"
    assert replies(await bot.send(updates.message(USER, other, chat_id=GROUP, kind="group"))) == []
    addressed = f"{command}@{BOT_USER['username']}"
    answer = await bot.send(updates.message(USER, addressed, chat_id=GROUP, kind="group"))
    assert replies(answer) == [UNKNOWN]
    assert replies(await bot.send(updates.message(USER, command))) == [UNKNOWN]  # private chat


@pytest.mark.parametrize("command", ["/broadcast", "/stats", "/addnews"])
async def test_a_staff_command_in_a_group_points_to_the_private_chat(
    bot: BotHarness, command: str
) -> None:
    """was: /broadcast in a group showed the audience picker and the preview to the group."""
    addressed = f"{command}@{BOT_USER['username']}"
    calls = await bot.send(updates.message(ADMIN, addressed, chat_id=GROUP, kind="group"))
    assert replies(calls) == [PRIVATE_ONLY]
    assert not [c for c in calls if c.method == "sendMessage" and c.params.get("reply_markup")]
    private = await bot.send(updates.message(ADMIN, command))
    assert replies(private) and replies(private) != [PRIVATE_ONLY]
