"""The error handler and membership changes: log with context, tell the user, keep running."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.error import Forbidden

from bot.handlers.common import Context, html_text, language, reply, services

log = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    """Log the exception with the update's ids; a user who blocked the bot is marked."""
    error = context.error
    chat_id = (
        update.effective_chat.id if isinstance(update, Update) and update.effective_chat else None
    )
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, Forbidden) and chat_id is not None:
        await services(context).storage.set_blocked(chat_id, True)
        return
    log.error("error while handling update %s (chat %s)", update_id, chat_id, exc_info=error)
    if isinstance(update, Update) and chat_id is not None:
        try:
            await reply(update, context, html_text("error", await language(update, context)))
        except Exception:  # the chat may be unreachable; the bot must keep running
            log.exception("could not tell chat %s about the error", chat_id)


async def on_membership(update: Update, context: Context) -> None:
    """A user blocked (kicked) or unblocked the bot in a private chat."""
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    blocked = change.new_chat_member.status in (ChatMember.BANNED, ChatMember.LEFT)
    await services(context).storage.set_blocked(change.chat.id, blocked)
