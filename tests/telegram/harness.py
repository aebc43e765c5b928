"""The real Application, unchanged, talking HTTP to the tests' Bot API server."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from telegram.ext import Application

from bot.config import Settings
from bot.handlers.app import build_application
from tests.botapi.server import Call, FakeBotAPI


class BotHarness:
    """Starts the bot the way run_polling / run_webhook do, and feeds it updates."""

    def __init__(self, api: FakeBotAPI, settings: Settings, mode: str = "polling") -> None:
        self.api, self.settings, self.mode = api, settings, mode
        self.app: Application = build_application(settings)  # type: ignore[type-arg]

    async def start(self) -> BotHarness:
        """initialize, post_init, then polling or the webhook, then start: as run_* do."""
        await self.app.initialize()
        if self.app.post_init:
            await self.app.post_init(self.app)
        assert self.app.updater is not None
        if self.mode == "webhook":
            port = _free_port()
            await self.app.updater.start_webhook(
                listen="127.0.0.1",
                port=port,
                url_path="hook",
                webhook_url=f"http://127.0.0.1:{port}/hook",
                secret_token="s3cret",
            )
        else:
            await self.app.updater.start_polling(poll_interval=0.0, timeout=1)
        await self.app.start()
        return self

    async def stop(self) -> None:
        """Stop as run_* do on exit."""
        assert self.app.updater is not None
        if self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        if self.app.post_stop:
            await self.app.post_stop(self.app)
        await self.app.shutdown()
        if self.app.post_shutdown:
            await self.app.post_shutdown(self.app)

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


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
