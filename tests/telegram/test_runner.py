"""Starting and stopping when Telegram refuses the token or cannot be reached."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest

from bot.config import Settings
from bot.handlers.runner import BotStartError
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.harness import BotHarness, free_port

USER = 1001


def warnings_about(caplog: pytest.LogCaptureFixture, text: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if text in r.getMessage() and r.levelname == "WARNING"]


async def eventually(check: Callable[[], bool], timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.02)


async def test_a_rejected_token_is_one_sentence_without_the_token(
    api: FakeBotAPI, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = settings.with_overrides(token="999:wrongSECRETtokenwrongSECRETtoken12345")
    harness = BotHarness(api, wrong)
    with pytest.raises(BotStartError) as raised:
        await harness.start()
    await harness.stop()
    assert str(raised.value).startswith("Telegram rejected the token (401 Unauthorized)")
    assert "wrongSECRET" not in str(raised.value) + caplog.text
    assert not any(r.exc_info or r.exc_text for r in caplog.records)


async def test_an_unreachable_api_at_start_is_one_line_per_attempt_with_back_off(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    closed = settings.with_overrides(api_base_url=f"http://127.0.0.1:{free_port()}")
    harness = BotHarness(FakeBotAPI(), closed)
    starting = asyncio.create_task(harness.start())
    await eventually(lambda: len(warnings_about(caplog, "did not answer getMe")) >= 3)
    harness.runner.stopping.set()
    with pytest.raises(BotStartError) as raised:
        await starting
    await harness.stop()
    lines = [r.getMessage() for r in warnings_about(caplog, "did not answer getMe")]
    assert [line.rsplit("trying again in ", 1)[1] for line in lines[:3]] == [
        "0.05 s",
        "0.1 s",
        "0.2 s",
    ]
    assert "ConnectError" in lines[0]
    assert str(raised.value).startswith(
        f"stopped before Telegram's Bot API at {closed.api_base_url}"
    )
    assert "check the network and TELEGRAM_API_BASE_URL" in str(raised.value)
    assert not any(r.exc_info or r.exc_text for r in caplog.records)


async def test_an_api_that_goes_away_while_polling_is_one_line_per_failure(
    api: FakeBotAPI, bot: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    await bot.send(updates.message(USER, "контакти"))
    await api.stop()
    await eventually(lambda: len(warnings_about(caplog, "did not answer getUpdates")) >= 2)
    await bot.stop()
    [failure, *_] = warnings_about(caplog, "did not answer getUpdates")
    assert "polling again with back-off" in failure.getMessage()
    [end] = warnings_about(caplog, "stopped; Telegram's Bot API")
    assert "failed to answer" in end.getMessage() and "ConnectError" in end.getMessage()
    assert not any(r.exc_info or r.exc_text for r in caplog.records)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_the_ready_line_is_plain_text_for_the_operator(
    api: FakeBotAPI, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    harness = await BotHarness(api, settings).start()
    await harness.stop()
    [ready] = [r.getMessage() for r in caplog.records if r.getMessage().startswith("ready:")]
    assert ready == "ready: {'projects': 17, 'activities': 9, 'news': 17, 'faq': 8}"
