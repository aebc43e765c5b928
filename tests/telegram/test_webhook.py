"""The webhook and /healthz as an attacker and an orchestrator see them, through raw HTTP."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot import healthcheck
from bot.config import Settings
from bot.handlers import runner
from bot.handlers.webhook import RecentIds
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.harness import BotHarness, free_port

USER = 1001
HUGE = 50_000_000  # declared, never sent: the server must answer without reading it


@pytest.fixture
async def hook(api: FakeBotAPI, settings: Settings) -> AsyncIterator[BotHarness]:
    harness = await BotHarness(api, settings, mode="webhook").start()
    yield harness
    await harness.stop()


def head(path: str, length: int | None, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def exchange(port: int, request: bytes) -> bytes:
    """Send request (perhaps only the start of a body) and read until the server closes."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        return await asyncio.wait_for(reader.read(), 10)  # a server waiting for the body hangs
    finally:
        writer.close()


def status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def secret(value: str = "s3cret") -> dict[str, str]:
    return {"X-Telegram-Bot-Api-Secret-Token": value}


@pytest.mark.parametrize("headers", [{}, secret("s3cre")])
async def test_a_request_without_the_secret_is_refused_before_its_body_is_read(
    hook: BotHarness, headers: dict[str, str]
) -> None:
    port = hook.settings.port or 0
    response = await exchange(port, head("/hook", HUGE, headers) + b"{" + b" " * 1000)
    assert status(response) == 403
    assert response.endswith(b"\r\n\r\n403\n")  # one answer, then the connection was closed
    assert b"Server:" not in response


async def test_a_body_over_1_mb_is_refused_before_it_is_read(hook: BotHarness) -> None:
    port = hook.settings.port or 0
    response = await exchange(port, head("/hook", HUGE, secret()) + b"{")
    assert status(response) == 413
    chunked = await exchange(
        port, head("/hook", None, {**secret(), "Transfer-Encoding": "chunked"})
    )
    assert status(chunked) == 411


async def test_other_paths_and_methods_read_no_body(hook: BotHarness) -> None:
    port = hook.settings.port or 0
    assert status(await exchange(port, head("/other", HUGE) + b"x")) == 404
    assert status(await exchange(port, head("/healthz", HUGE) + b"x")) == 405
    get = b"GET /hook HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    assert status(await exchange(port, get)) == 405


async def test_an_update_posted_three_times_is_answered_once(
    hook: BotHarness, api: FakeBotAPI
) -> None:
    update = {"update_id": 777, **updates.message(USER, "контакти")}
    body = json.dumps(update).encode()
    port = hook.settings.port or 0
    request = head("/hook", len(body), {**secret(), "Connection": "close"}) + body
    answers = await asyncio.gather(*(exchange(port, request) for _ in range(3)))
    assert [status(a) for a in answers] == [200, 200, 200]
    await asyncio.wait_for(hook.app.update_queue.join(), 10)
    assert len(api.sent(USER)) == 1


@pytest.mark.parametrize("body", [b"not json", b'{"update_id": "1"}'])
async def test_a_body_that_is_not_an_update_gets_400_and_the_bot_goes_on(
    hook: BotHarness, api: FakeBotAPI, body: bytes
) -> None:
    port = hook.settings.port or 0
    request = head("/hook", len(body), {**secret(), "Connection": "close"}) + body
    assert status(await exchange(port, request)) == 400
    [answer] = [c for c in await hook.send(updates.message(USER, "контакти")) if c.result]
    assert "7777" in answer.result["text"]


async def healthz(port: int) -> tuple[int, bytes]:
    response = await exchange(
        port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    return status(response), response.split(b"\r\n\r\n", 1)[1]


async def test_healthz_says_ok_and_nothing_else(hook: BotHarness) -> None:
    assert await healthz(hook.settings.port or 0) == (200, b"ok\n")


async def test_healthz_is_unavailable_while_the_database_takes_no_writes(
    hook: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "HEALTH_TIMEOUT", 0.5)
    locker = sqlite3.connect(hook.settings.db_path, timeout=0)
    locker.execute("BEGIN EXCLUSIVE")  # another process holding the write lock
    try:
        assert await healthz(hook.settings.port or 0) == (503, b"unavailable\n")
    finally:
        locker.rollback()
        locker.close()
    assert await healthz(hook.settings.port or 0) == (200, b"ok\n")


async def test_healthz_in_long_polling_when_a_port_is_given(
    api: FakeBotAPI, settings: Settings
) -> None:
    port = free_port()
    harness = await BotHarness(api, settings.with_overrides(port=port, listen="127.0.0.1")).start()
    try:
        assert await healthz(port) == (200, b"ok\n")
        [answer] = [c for c in await harness.send(updates.message(USER, "контакти")) if c.result]
        assert "7777" in answer.result["text"]
    finally:
        await harness.stop()


async def test_the_webhook_is_set_with_the_secret_and_all_update_types(
    hook: BotHarness, api: FakeBotAPI
) -> None:
    [call] = [c for c in api.calls if c.method == "setWebhook"]
    params: dict[str, Any] = call.params
    assert params["url"] == hook.settings.webhook_url and params["secret_token"] == "s3cret"
    assert "callback_query" in params["allowed_updates"]


async def test_the_image_healthcheck_asks_healthz(
    hook: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUNIBOT_LISTEN", "0.0.0.0")
    monkeypatch.setenv("MUNIBOT_PORT", str(hook.settings.port))
    assert await asyncio.to_thread(healthcheck.main) == 0
    monkeypatch.setenv("MUNIBOT_PORT", str(free_port()))  # nothing listens there
    assert await asyncio.to_thread(healthcheck.main) == 1


def test_the_last_update_ids_are_remembered_and_older_ones_forgotten() -> None:
    recent = RecentIds(size=3)
    assert [recent.first_time(i) for i in (1, 2, 1, 3, 4, 2)] == [
        True,
        True,
        False,
        True,
        True,
        False,
    ]
    assert recent.first_time(1)  # the oldest was forgotten past 3
