"""Deliveries through Telegram: the Sender the dispatcher uses, and the admins' progress texts."""

from __future__ import annotations

import html
import json
import logging

import httpx
from telegram import Bot, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ExtBot

from bot.handlers.sender import NO_PREVIEW, PACED, retry_seconds
from bot.services.broadcast import (
    Blocked,
    NotSent,
    Progress,
    ProgressCallback,
    RateLimited,
    Rejected,
    SendError,
)
from bot.services.hours import local_minute
from bot.storage import BroadcastRow, DeliveryState, Storage, Tally
from bot.texts import t

log = logging.getLogger(__name__)
# httpx errors raised before the request left: Telegram cannot have it
_BEFORE_SENDING = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def send_error(error: TelegramError) -> SendError:
    """What a Bot API error means for a message: see bot.services.broadcast."""
    cause = error.__cause__
    if isinstance(error, RetryAfter):
        return RateLimited(retry_seconds(error))
    if isinstance(error, Forbidden):
        return Blocked(error.message)
    if isinstance(error, BadRequest | ChatMigrated | InvalidToken):
        return Rejected(error.message)
    if isinstance(cause, _BEFORE_SENDING):
        return NotSent(f"no connection to Telegram ({type(cause).__name__})")
    if isinstance(cause, httpx.HTTPError):  # a timeout or a drop after the request left
        return SendError(f"no answer from Telegram ({type(cause).__name__})")
    if isinstance(error, NetworkError) and cause is None:  # Telegram answered 5xx
        return NotSent(error.message)
    return SendError(error.message)


class TelegramSender:
    """Sends one message and turns Telegram's answers into the dispatcher's errors."""

    def __init__(self, bot: Bot, timeout: float | None = None) -> None:
        self.bot, self.timeout = bot, timeout
        # the dispatcher took the slot: the Bot's rate limiter (if any) must not pace it again
        paced = isinstance(bot, ExtBot) and bot.rate_limiter is not None
        self._extra: dict[str, object] = {"rate_limit_args": PACED} if paced else {}

    async def send(
        self, chat_id: int, text: str, markup: str | None = None, thread_id: int | None = None
    ) -> int:
        """The message id; raises a SendError saying what became of the message."""
        keyboard = InlineKeyboardMarkup.de_json(json.loads(markup), self.bot) if markup else None
        try:
            message = await self.bot.send_message(
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard,
                message_thread_id=thread_id,
                link_preview_options=NO_PREVIEW,
                read_timeout=self.timeout,
                **self._extra,  # type: ignore[arg-type]
            )
        except TelegramError as error:
            raise send_error(error) from error
        return message.message_id


def _number(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "bg" else text


def counts_text(progress: Progress, lang: str) -> str:
    """sent / failed / blocked / uncertain / retrying, in words."""
    tally = progress.tally
    return t(
        "admin.counts",
        lang,
        sent=tally[DeliveryState.SENT],
        failed=tally[DeliveryState.FAILED],
        blocked=tally[DeliveryState.BLOCKED],
        uncertain=tally[DeliveryState.UNCERTAIN],
        retrying=tally.retrying,
    )


def rate_text(progress: Progress, lang: str) -> str:
    """The rate achieved over the last minute (empty when nothing was sent in it)."""
    return t("admin.rate", lang, rate=_number(progress.rate, lang)) if progress.rate else ""


def reasons_text(progress: Progress, lang: str) -> str:
    """The commonest reasons of failures (empty when none failed)."""
    reasons = progress.tally.reasons
    if not reasons:
        return ""
    listed = "; ".join(f"{reason} ({count})" for reason, count in reasons)
    return t("admin.reasons", lang, reasons=listed)


def progress_text(progress: Progress, lang: str) -> str:
    """The admin's status line for a broadcast: as it goes, then its final report."""
    tally = progress.tally
    values = {"id": progress.broadcast_id, "counts": counts_text(progress, lang)}
    if progress.cancelled:
        head = t("admin.stopped", lang, left=tally[DeliveryState.CANCELLED], **values)
    elif progress.finished:
        head = t("admin.finished", lang, **values)
    else:
        seconds = progress.seconds_left
        eta = t("admin.eta", lang, seconds=round(seconds)) if seconds is not None else ""
        rate = rate_text(progress, lang)
        head = t("admin.progress", lang, left=tally.left, rate=rate, eta=eta, **values)
    uncertain = progress.finished and tally[DeliveryState.UNCERTAIN]
    return head + reasons_text(progress, lang) + (t("admin.uncertain", lang) if uncertain else "")


def broadcasts_text(listed: list[tuple[BroadcastRow, Tally]], lang: str) -> str:
    """The /broadcasts list: one paragraph per broadcast, newest first."""
    lines = [t("admin.list.title", lang)]
    for row, tally in listed:
        progress = Progress(row.id, tally, row.rate(tally))
        lines.append(
            t(
                "admin.list.row",
                lang,
                id=row.id,
                state=t(f"broadcast.state.{row.state}", lang),
                created=local_minute(row.created_at),
                total=tally.total,
                counts=counts_text(progress, lang),
                rate=rate_text(progress, lang) if row.state == "running" else "",
                preview=row.text(lang).replace("\n", " ")[:60],
            )
            + reasons_text(progress, lang)
        )
    return "\n".join(lines)


def status_updater(bot: Bot, storage: Storage, broadcast_id: int) -> ProgressCallback:
    """Edits the admin's status message of a broadcast as it goes (if it has one), in the
    admin's language."""

    async def update(progress: Progress) -> None:
        row = await storage.broadcast(broadcast_id)
        if row is None or row.status_chat is None or row.status_message is None:
            return
        lang = row.status_lang or "bg"
        try:
            await bot.edit_message_text(
                html.escape(progress_text(progress, lang)),
                chat_id=row.status_chat,
                message_id=row.status_message,
            )
        except BadRequest as error:  # "message is not modified" and the like
            log.debug("status message of broadcast %s not edited: %s", broadcast_id, error)

    return update
