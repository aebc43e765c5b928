"""Sending replies: HTML split at line breaks under Telegram's limit, 403 noted.

Pacing and 429s are the Bot's rate limiter's business (bot/handlers/traffic.py): a reply to a
chat that must wait waits there, and only that chat's updates wait with it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Awaitable, Callable

from telegram import (
    Bot,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import ParseMode
from telegram.error import Forbidden, RetryAfter

from bot.services.html_check import units

os.environ.setdefault("PTB_TIMEDELTA", "true")  # retry_after as a timedelta, as PTB 23 will
log = logging.getLogger(__name__)
LIMIT = 4096
PACED = {"paced": True}  # rate_limit_args of a request whose caller took its slot already
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_TAG = re.compile(r"<[^>]+>")
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove


def _split_long_line(line: str, limit: int) -> list[str]:
    """A single over-long line, without its tags, cut at spaces (never inside &...;)."""
    plain = _TAG.sub("", line)
    parts: list[str] = []
    while units(plain) > limit:
        cut = plain.rfind(" ", 0, limit)
        cut = cut if cut > limit // 2 else limit
        amp = plain.rfind("&", 0, cut)
        if amp != -1 and ";" not in plain[amp:cut]:
            cut = amp
        while units(plain[:cut]) > limit:
            cut -= 1
        parts.append(plain[:cut])
        plain = plain[cut:].lstrip(" ")
    return [*parts, plain] if plain else parts


def split_html(text: str, limit: int = LIMIT) -> list[str]:
    """Chunks of at most limit units, split at line breaks (tags never span lines here)."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        pieces = _split_long_line(line, limit) if units(line) > limit else [line]
        for piece in pieces:
            candidate = f"{current}\n{piece}" if current else piece
            if units(candidate) <= limit:
                current = candidate
            else:
                if current.strip():
                    chunks.append(current)
                current = piece
    if current.strip():
        chunks.append(current)
    return chunks or [" "]


def retry_seconds(error: RetryAfter) -> float:
    """How long a 429 asks to wait (PTB gives a timedelta or a number of seconds)."""
    delay = error.retry_after
    return delay.total_seconds() if isinstance(delay, dt.timedelta) else float(delay)


async def send_html(
    bot: Bot,
    chat_id: int,
    html: str,
    markup: Markup | None = None,
    on_blocked: Callable[[int], Awaitable[None]] | None = None,
) -> list[Message]:
    """Send html in as many messages as needed; the keyboard goes under the last one."""
    chunks = split_html(html)
    sent: list[Message] = []
    try:
        for number, chunk in enumerate(chunks):
            keyboard = markup if number == len(chunks) - 1 else None
            sent.append(
                await bot.send_message(
                    chat_id,
                    chunk,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard,
                    link_preview_options=NO_PREVIEW,
                )
            )
    except Forbidden:
        log.info("chat %s has blocked the bot", chat_id)
        if on_blocked is not None:
            await on_blocked(chat_id)
    return sent
