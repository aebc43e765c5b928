"""Running the bot until it is stopped: long polling, or the webhook of our own server.

It does what Application.run_polling / run_webhook do (initialize, post_init, receive updates,
start; then stop, post_stop, shutdown, post_shutdown), and also: Telegram is reached with
back-off and one log line per failure, the webhook is our server (webhook.py), /healthz is
served when a port is given, and a start that cannot succeed ends in one sentence.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import secrets
import signal
from collections.abc import Awaitable, Callable
from urllib.parse import urlparse

from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError

from bot import logs
from bot.config import DEFAULT_PORT, Settings
from bot.handlers.lifecycle import App
from bot.handlers.webhook import WebhookServer

log = logging.getLogger(__name__)
FIRST_DELAY, LONGEST_DELAY = 1.0, 60.0
HEALTH_TIMEOUT = 3.0


class BotStartError(Exception):
    """The bot could not start; the message is one sentence for the operator."""


class BotRunner:
    """Starts, runs until SIGINT / SIGTERM, and stops the bot of an Application."""

    def __init__(
        self,
        application: App,
        settings: Settings,
        poll_timeout: float = 10.0,
        first_delay: float = FIRST_DELAY,
    ) -> None:
        self.application, self.settings = application, settings
        self.poll_timeout, self.first_delay = poll_timeout, first_delay
        self.secret = settings.webhook_secret or secrets.token_urlsafe(32)
        logs.add_secret(self.secret)
        self.stopping = asyncio.Event()
        self.server: WebhookServer | None = None
        self.failures = 0
        self.last_failure = ""
        self._probe: asyncio.Task[bool] | None = None

    async def run(self) -> None:
        """Start, wait for a stop signal, stop."""
        loop = asyncio.get_running_loop()
        for stop_signal in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(stop_signal, self.stopping.set)
        try:
            await self.start()
            await self.stopping.wait()
        finally:
            await self.stop()

    async def start(self) -> None:
        """Reach Telegram, open the services, then receive updates; BotStartError if it cannot."""
        app, settings = self.application, self.settings
        await self._until_reachable("getMe", app.initialize)
        if app.post_init:
            await app.post_init(app)
        port = settings.port or (DEFAULT_PORT if settings.webhook_url else None)
        if port is not None:
            await self._serve(port)
        if settings.webhook_url:
            url = settings.webhook_url
            await self._until_reachable(
                "setWebhook",
                lambda: app.bot.set_webhook(
                    url, secret_token=self.secret, allowed_updates=Update.ALL_TYPES
                ),
            )
            log.info("receiving updates by webhook at %s", url)
        else:
            assert app.updater is not None
            updater = app.updater
            await self._until_reachable("deleteWebhook", app.bot.delete_webhook)
            await self._until_reachable(
                "getUpdates",
                lambda: updater.start_polling(
                    timeout=dt.timedelta(seconds=self.poll_timeout),
                    allowed_updates=Update.ALL_TYPES,
                    error_callback=self._poll_failed,
                ),
            )
            log.info("receiving updates by long polling")
        await app.start()

    async def stop(self) -> None:
        """Stop receiving, let the handlers finish, close everything; say how it ended."""
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if self.server is not None:
            await self.server.stop()
            self.server = None
        if self._probe is not None:  # a health probe may still wait for a locked database
            await asyncio.wait({self._probe})
        if app.running:
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
        if self.failures:
            log.warning(
                "stopped; Telegram's Bot API at %s failed to answer %d time(s), last %s",
                self.settings.api_base_url,
                self.failures,
                self.last_failure,
            )
        else:
            log.info("stopped")

    async def healthy(self) -> bool:
        """Running, knowledge loaded (the services exist only then), and the database takes a
        write within HEALTH_TIMEOUT. One write probe at a time, however often this is asked."""
        services = self.application.bot_data.get("services")
        if services is None or not self.application.running:
            return False
        if self._probe is None or self._probe.done():
            self._probe = asyncio.create_task(services.storage.writable())
        done, _ = await asyncio.wait({self._probe}, timeout=HEALTH_TIMEOUT)
        return bool(done) and self._probe.result()

    async def _serve(self, port: int) -> None:
        settings = self.settings
        path = urlparse(settings.webhook_url).path if settings.webhook_url else None
        self.server = WebhookServer(
            self.application, self.healthy, settings.listen, port, path, self.secret
        )
        try:
            await self.server.start()
        except OSError as error:
            self.server = None
            raise BotStartError(
                f"cannot listen on {settings.listen}:{port} ({error.strerror or error}): "
                "choose another --port or --listen"
            ) from None

    def _failed(self, error: TelegramError) -> str:
        self.failures += 1
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        self.last_failure = f"at {now}: {type(error).__name__}: {error}"
        return f"{type(error).__name__}: {error}"

    def _poll_failed(self, error: TelegramError) -> None:
        """PTB's polling loop calls this on each failure and then waits longer each time."""
        log.warning(
            "Telegram's Bot API at %s did not answer getUpdates (%s); polling again with back-off",
            self.settings.api_base_url,
            self._failed(error),
        )

    async def _until_reachable(self, what: str, action: Callable[[], Awaitable[object]]) -> None:
        """Run action, retrying network failures with back-off until it works or stop is asked."""
        delay, api = self.first_delay, self.settings.api_base_url
        while True:
            try:
                await action()
                return
            except InvalidToken:
                raise BotStartError(
                    "Telegram rejected the token (401 Unauthorized): check TELEGRAM_BOT_TOKEN "
                    "(@BotFather gives it)"
                ) from None
            except BadRequest as error:
                raise BotStartError(f"Telegram refused {what}: {error.message}") from None
            except NetworkError as error:
                log.warning(
                    "Telegram's Bot API at %s did not answer %s (%s); trying again in %g s",
                    api,
                    what,
                    self._failed(error),
                    delay,
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stopping.wait(), delay)
                raise BotStartError(
                    f"stopped before Telegram's Bot API at {api} answered ({self.failures} "
                    f"attempt(s), last {self.last_failure}): check the network and "
                    "TELEGRAM_API_BASE_URL"
                )
            delay = min(delay * 2, LONGEST_DELAY)
