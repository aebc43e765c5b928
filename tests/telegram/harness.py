"""The real Application, unchanged, talking HTTP to the tests' Bot API server."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import Application

from bot.config import Settings
from bot.handlers.app import build_application
from bot.handlers.runner import BotRunner
from tests.botapi.server import Call, FakeBotAPI


class BotHarness:
    """Starts the bot as `munibot run` does (BotRunner: long polling, or the webhook of our own
    server), and feeds it updates."""

    def __init__(self, api: FakeBotAPI, settings: Settings, mode: str = "polling") -> None:
        if mode == "webhook":
            port = free_port()
            settings = settings.with_overrides(
                webhook_url=f"http://127.0.0.1:{port}/hook",
                listen="127.0.0.1",
                port=port,
                webhook_secret="s3cret",
            )
        self.api, self.settings, self.mode = api, settings, mode
        self.app: Application = build_application(settings)  # type: ignore[type-arg]
        self.runner = BotRunner(self.app, settings, poll_timeout=1, first_delay=0.05)

    async def start(self) -> BotHarness:
        """initialize, post_init, then polling or the webhook, then start: as `munibot run`."""
        await self.runner.start()
        return self

    async def stop(self) -> None:
        """Stop as `munibot run` does on SIGTERM."""
        await self.runner.stop()

    async def send(self, update: dict[str, Any], timeout: float = 10.0) -> list[Call]:
        """Deliver an update and wait until the bot has handled it; returns the calls it made."""
        before = len(self.api.calls)
        update_id = await self.api.push(update)
        deadline = time.monotonic() + timeout
        if self.mode == "polling":
            while not any(
                c.method == "getUpdates" and int(c.params.get("offset") or 0) > update_id
                for c in self.api.calls[before:]
            ):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"update {update_id} was not fetched")
                await asyncio.sleep(0.005)
        await asyncio.wait_for(self.app.update_queue.join(), timeout)
        return [c for c in self.api.calls[before:] if c.method != "getUpdates"]

    async def push(self, update: dict[str, Any]) -> int:
        """Deliver an update without waiting for the bot; returns its update_id."""
        return await self.api.push(update)

    async def settle(self, timeout: float = 30.0) -> None:
        """Wait until every update delivered so far has been handled."""
        await eventually(lambda: not self.api.updates, timeout)
        await asyncio.wait_for(self.app.update_queue.join(), timeout)


async def eventually(check: Callable[[], object], timeout: float = 20.0) -> None:
    """Wait until check() is true; TimeoutError after timeout seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.02)


def free_port() -> int:
    """A TCP port nobody listens on at the moment."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def sofia_minutes(start: dt.datetime) -> set[str]:
    """The minutes in Septemvri from start to now, as staff read them on their clocks."""
    zone, now = ZoneInfo("Europe/Sofia"), dt.datetime.now(dt.UTC)
    start = start.replace(second=0, microsecond=0)
    count = int((now - start).total_seconds() // 60) + 1
    moments = (start + dt.timedelta(minutes=n) for n in range(count))
    return {m.astimezone(zone).strftime("%Y-%m-%d %H:%M") for m in moments if m <= now}
