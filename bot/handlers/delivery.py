"""Broadcasts through Telegram: the Sender the broadcaster uses, and the admin's status message."""

from __future__ import annotations

import html
import logging

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.handlers.sender import NO_PREVIEW, retry_seconds
from bot.services.broadcast import Blocked, Progress, ProgressCallback, RateLimited, SendError
from bot.storage import Storage
from bot.texts import t

log = logging.getLogger(__name__)


class TelegramSender:
    """Sends one message and turns Telegram's answers into the broadcaster's errors."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: int, text: str) -> int:
        """The message id; raises RateLimited, Blocked or SendError."""
        try:
            message = await self.bot.send_message(
                chat_id, text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
            )
        except RetryAfter as error:
            raise RateLimited(retry_seconds(error)) from None
        except Forbidden as error:
            raise Blocked(str(error)) from None
        except TelegramError as error:
            raise SendError(str(error)) from None
        return message.message_id


def progress_text(progress: Progress, lang: str) -> str:
    """The admin's status line for a broadcast."""
    values = {
        "id": progress.broadcast_id,
        "sent": progress.sent,
        "failed": progress.failed,
        "blocked": progress.blocked,
        "left": progress.left,
    }
    if progress.cancelled:
        return t("admin.stopped", lang, **values)
    if progress.finished:
        uncertain = (
            t("admin.uncertain", lang, count=progress.uncertain) if progress.uncertain else ""
        )
        return t("admin.finished", lang, uncertain=uncertain, **values)
    eta = (
        t("admin.eta", lang, seconds=round(progress.seconds_left))
        if progress.seconds_left is not None
        else ""
    )
    return t("admin.progress", lang, eta=eta, **values)


def status_updater(bot: Bot, storage: Storage, broadcast_id: int, lang: str) -> ProgressCallback:
    """Edits the admin's status message of a broadcast as it goes (if it has one)."""

    async def update(progress: Progress) -> None:
        row = await storage.broadcast(broadcast_id)
        if row is None or row.status_chat is None or row.status_message is None:
            return
        try:
            await bot.edit_message_text(
                html.escape(progress_text(progress, lang)),
                chat_id=row.status_chat,
                message_id=row.status_message,
            )
        except BadRequest as error:  # "message is not modified" and the like
            log.debug("status message of broadcast %s not edited: %s", broadcast_id, error)

    return update
