"""Traffic: updates in each chat's order behind one flood guard; requests through one limiter.

In: `ChatOrder`, python-telegram-bot's update processor. Updates of different chats are handled
at the same time (at most RUNNING at once); those of one chat (or of one user, for inline
queries) one after the other, in the order they came. Before an update waits for its turn, the
flood guard may drop it (`flood_gate`), so a flood never queues up; the first update dropped is
answered with a notice, in its turn.

Out: `Pacing`, python-telegram-bot's rate-limiter hook on the Bot: every request goes through
the one RateLimiter of the services, which the dispatcher uses too. A message (sent, edited,
copied) waits for its chat's turn and a global slot; any other request (answers to buttons and
inline queries) only waits out a pause of the whole bot. A 429 is reported to the limiter and
the request is tried again after the wait, which holds up only its own chat's updates. The
dispatcher's sends, which took their slot already, pass with `rate_limit_args=PACED`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.error import RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter, BaseUpdateProcessor

from bot.handlers.common import html_text
from bot.handlers.lifecycle import App
from bot.handlers.messages import question_text
from bot.handlers.sender import PACED, retry_seconds
from bot.services.assistant import language_of
from bot.services.container import Services
from bot.services.flood import Verdict
from bot.services.ratelimit import RateLimiter
from bot.texts import t

log = logging.getLogger(__name__)
RUNNING = 64  # updates handled at once
HELD = 10_000  # updates held at once, running or waiting for their chat's turn
TRIES = 4  # of a request answered 429
INLINE_COST = 0.25  # an inline query is a quarter of a message (one comes with each keystroke)
_MESSAGES = ("send", "edit", "copy", "forward")
_NO_MESSAGE = frozenset({"sendChatAction"})

JSON = bool | dict[str, Any] | list[dict[str, Any]]


def order_key(update: object) -> int | None:
    """The chat an update belongs to (the user's id for inline queries); None: no order."""
    if not isinstance(update, Update):
        return None
    chat, user = update.effective_chat, update.effective_user
    return chat.id if chat else user.id if user else None


class ChatOrder(BaseUpdateProcessor):
    """Updates of one chat one after the other, of different chats at the same time; the
    gate's verdict first: an update to drop is dropped at once, one to answer with a notice
    gets the notice instead, in its turn."""

    def __init__(self, running: int = RUNNING, held: int = HELD) -> None:
        super().__init__(held)
        self.gate: Callable[[object], Verdict] = lambda update: Verdict.ALLOW
        self.notice: Callable[[object], Awaitable[None]] | None = None
        self._running = running
        self._slots = asyncio.Semaphore(running)
        self._tails: dict[int, asyncio.Future[None]] = {}  # each chat's last update

    async def initialize(self) -> None:
        """Slots for the running loop."""
        self._slots = asyncio.Semaphore(self._running)

    async def shutdown(self) -> None:
        """Nothing to free."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Drop the update if the flood guard says so; else run it (or the notice) in its
        chat's turn."""
        verdict = self.gate(update)
        if verdict is not Verdict.ALLOW:
            _close(coroutine)
            if verdict is Verdict.IGNORE or self.notice is None:
                return
            coroutine = self.notice(update)
        key = order_key(update)
        previous = self._tails.get(key) if key is not None else None
        mine = asyncio.get_running_loop().create_future()
        if key is not None:
            self._tails[key] = mine
        started = False
        try:
            if previous is not None:
                await asyncio.wait([previous])  # (never cancels the other update)
            async with self._slots:
                started = True
                await coroutine
        finally:
            if not started:
                _close(coroutine)
            mine.set_result(None)
            if key is not None and self._tails.get(key) is mine:
                del self._tails[key]


def _close(coroutine: Awaitable[Any]) -> None:
    if isinstance(coroutine, Coroutine):
        coroutine.close()


def _chat_of_message(endpoint: str, data: dict[str, Any]) -> int | None:
    """The chat a request puts a message in; None for a request that is no message."""
    if not endpoint.startswith(_MESSAGES) or endpoint in _NO_MESSAGE:
        return None
    chat = data.get("chat_id")
    if isinstance(chat, int):
        return chat
    return int(chat) if isinstance(chat, str) and chat.lstrip("-").isdigit() else None


class Pacing(BaseRateLimiter[dict[str, bool]]):
    """Every request of the Bot through the services' RateLimiter (once it exists)."""

    def __init__(self) -> None:
        self.limiter_of: Callable[[], RateLimiter | None] = lambda: None

    async def initialize(self) -> None:
        """Nothing to set up: the limiter belongs to the services."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, bool] | None,
    ) -> JSON:
        """Wait for the request's turn, send it, and on a 429 wait (that chat alone, unless the
        limit is the bot's) and try again."""
        limiter = self.limiter_of()
        if limiter is None or rate_limit_args == PACED:
            return await callback(*args, **kwargs)
        chat = _chat_of_message(endpoint, data)
        for attempt in range(1, TRIES + 1):
            await (limiter.unpaused() if chat is None else limiter.acquire(chat))
            try:
                result = await callback(*args, **kwargs)
            except RetryAfter as error:
                seconds = retry_seconds(error)
                log.warning("429 for %s to chat %s: waiting %.1f s", endpoint, chat, seconds)
                if attempt == TRIES:
                    raise
                if chat is None:
                    await asyncio.sleep(seconds)  # no message: this request alone waits
                else:
                    limiter.rate_limited(seconds, chat)
                continue
            if chat is not None:
                limiter.accepted()
            return result
        raise AssertionError("unreachable")


def limiter_of(application: App) -> RateLimiter | None:
    """The services' limiter, once they are open."""
    services = application.bot_data.get("services")
    return services.limiter if isinstance(services, Services) else None


def flood_gate(application: App, update: object) -> Verdict:
    """One flood guard for every kind of update from a user (messages, commands, buttons,
    inline queries; not admins'): the first update dropped gets a notice (flood_notice)."""
    services = application.bot_data.get("services")
    if not isinstance(update, Update) or not isinstance(services, Services):
        return Verdict.ALLOW
    user = update.effective_user
    if user is None or services.is_admin(user.id) or not _counted(update, application):
        return Verdict.ALLOW
    return services.flood.check(user.id, INLINE_COST if update.inline_query else 1.0)


def _counted(update: Update, application: App) -> bool:
    """Group messages count only when meant for the bot (a command, a mention, a reply)."""
    message = update.message
    if message is None or message.chat.type == "private":
        return update.my_chat_member is None and update.chat_member is None
    bot = application.bot
    return (message.text or "").startswith("/") or (
        question_text(message, bot.id, bot.username) is not None
    )


async def flood_notice(application: App, update: object) -> None:
    """The one notice of a flood: a message in a private chat, a toast on a button; nothing in
    a group or for an inline query."""
    if not isinstance(update, Update) or update.effective_user is None:
        return
    lang = language_of(None, update.effective_user.language_code) or "bg"
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t("flood", lang))
        elif update.message is not None and update.message.chat.type == "private":
            await application.bot.send_message(update.message.chat.id, html_text("flood", lang))
    except TelegramError as error:
        log.info("the flood notice to %s was not sent: %s", order_key(update), error)
