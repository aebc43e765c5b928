"""Helpers every handler uses: the services, the user's language, replying, editing."""

from __future__ import annotations

import html
import logging
import re
from typing import cast

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.handlers.callbacks import resolve
from bot.handlers.sender import Markup, send_html
from bot.services.container import Services
from bot.texts import t

Context = ContextTypes.DEFAULT_TYPE
log = logging.getLogger(__name__)
_SURROGATE = re.compile("[\ud800-\udfff]")
NOT_MODIFIED = "message is not modified"
CANNOT_EDIT = ("message to edit not found", "message can't be edited")


def clean_text(text: str) -> str:
    """Text from Telegram with lone surrogates (no character: they cannot be stored, encoded
    or sent) replaced by U+FFFD; the UTF-16 length, and so entity offsets, stay the same."""
    return _SURROGATE.sub("\ufffd", text)


def html_text(key: str, lang: str, **values: object) -> str:
    """A sentence of texts.yaml, escaped for HTML parse mode."""
    return html.escape(t(key, lang, **values))


def services(context: Context) -> Services:
    """The bot's services (set up when the application starts)."""
    return cast(Services, context.bot_data["services"])


async def language(update: Update, context: Context, text: str = "") -> str:
    """The user's language: stored choice, Telegram's language_code, the script, Bulgarian."""
    user = update.effective_user
    if user is None:
        return "bg"
    return await services(context).assistant.language(user.id, user.language_code, text)


async def reply(
    update: Update, context: Context, html: str, markup: Markup | None = None
) -> list[Message]:
    """Send html to the chat of the update, split if long, marking users who blocked the bot."""
    chat = update.effective_chat
    if chat is None:
        return []
    assistant = services(context).assistant

    async def blocked(chat_id: int) -> None:
        await assistant.note_blocked(chat_id, True)

    return await send_html(context.bot, chat.id, html, markup, on_blocked=blocked)


async def edit_or_send(
    update: Update, context: Context, html: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Show html in place of the message whose button was pressed. Nothing changed (the
    button pressed twice): nothing to do. A message Telegram cannot edit (gone, too old):
    html is sent anew."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message):
        try:
            await query.edit_message_text(html, reply_markup=markup)
            return
        except BadRequest as error:
            reason = error.message.lower()
            if NOT_MODIFIED in reason:
                return
            if not any(known in reason for known in CANNOT_EDIT):
                raise
            log.info("message of chat %s not edited (%s): sent anew", query.message.chat.id, error)
    await reply(update, context, html, markup)


def project_id_for(context: Context, key: str) -> str | None:
    """The project a button key stands for."""
    ids = [p.id for p in services(context).knowledge.knowledge.projects]
    return resolve(key, ids)
