"""Helpers every handler uses: the services, the user's language, replying."""

from __future__ import annotations

import html
from typing import cast

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.handlers.sender import send_html
from bot.services.container import Services
from bot.texts import t

Context = ContextTypes.DEFAULT_TYPE


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
    update: Update, context: Context, html: str, markup: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Send html to the chat of the update, split if long, marking users who blocked the bot."""
    chat = update.effective_chat
    if chat is None:
        return []
    storage = services(context).storage

    async def blocked(chat_id: int) -> None:
        await storage.set_blocked(chat_id, True)

    return await send_html(context.bot, chat.id, html, markup, on_blocked=blocked)
