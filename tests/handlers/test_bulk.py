"""The dispatcher's sender against the tests' Bot API server: each answer of Telegram becomes
the dispatcher's error for it, and a message sent is counted once by the server."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator

import pytest

from bot.handlers.bulk import DirectSender
from bot.services.broadcast import Blocked, NotSent, RateLimited, Rejected, SendError
from tests.botapi.server import FakeBotAPI


@pytest.fixture
async def sender(api: FakeBotAPI) -> AsyncIterator[DirectSender]:
    direct = DirectSender(api.url, api.token, timeout=0.5)
    yield direct
    await direct.close()


async def test_a_message_with_keyboard_and_topic_is_sent_once(
    api: FakeBotAPI, sender: DirectSender
) -> None:
    markup = json.dumps({"inline_keyboard": [[{"text": "OK", "callback_data": "x"}]]})
    message_id = await sender.send(-100, "<b>Здравейте</b>", markup, thread_id=7)
    [call] = api.sent(-100)
    assert call.result["message_id"] == message_id
    assert call.params["parse_mode"] == "HTML" and call.params["message_thread_id"] == 7


@pytest.mark.parametrize(
    ("code", "error"),
    [(429, RateLimited), (403, Blocked), (400, Rejected), (500, NotSent), (502, NotSent)],
)
async def test_telegrams_refusals(
    api: FakeBotAPI, sender: DirectSender, code: int, error: type[SendError]
) -> None:
    api.fail("sendMessage", code, retry_after=3)
    with pytest.raises(error) as raised:
        await sender.send(1, "x")
    assert type(raised.value) is error
    assert not api.sent(1)


async def test_retry_after_is_telegrams(api: FakeBotAPI, sender: DirectSender) -> None:
    api.fail("sendMessage", 429, retry_after=7)
    with pytest.raises(RateLimited) as raised:
        await sender.send(1, "x")
    assert raised.value.retry_after == 7


async def test_no_answer_after_sending_is_unknown_not_unsent(
    api: FakeBotAPI, sender: DirectSender
) -> None:
    api.slow("sendMessage", 2.0)
    with pytest.raises(SendError) as raised:
        await sender.send(1, "x")
    assert not isinstance(raised.value, NotSent)  # it may have arrived: never sent again


async def test_a_refused_connection_is_not_sent() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    direct = DirectSender(f"http://127.0.0.1:{port}", "1:x", timeout=0.5)
    try:
        with pytest.raises(NotSent):
            await direct.send(1, "x")
    finally:
        await direct.close()


async def test_reasons_read_as_python_telegram_bots(api: FakeBotAPI, sender: DirectSender) -> None:
    api.fail("sendMessage", 400)
    with pytest.raises(Rejected) as raised:
        await sender.send(1, "x")
    assert str(raised.value) == "Chat not found"
