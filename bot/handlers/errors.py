"""The error handler and membership changes: log with context, tell the user, keep running."""

from __future__ import annotations

import logging
import sqlite3

from telegram import ChatMember, Update
from telegram.error import Forbidden

from bot import logs
from bot.handlers.common import Context, html_text, language, reply, services
from bot.services.recorder import SICK

log = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    """Log the exception with the update's ids and tell the user, unless it is an expected
    answer from Telegram (a user who blocked the bot is marked; "message is not modified", a
    429 or a network failure: nothing to tell). A database that cannot be written now gets a
    "try again" instead of "something went wrong"."""
    error = context.error
    chat_id = (
        update.effective_chat.id if isinstance(update, Update) and update.effective_chat else None
    )
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, Forbidden) and chat_id is not None:
        await services(context).assistant.note_blocked(chat_id, True)
    if error is not None and logs.expected_level(error) is not None:
        log.info("update %s (chat %s) not answered", update_id, chat_id, exc_info=error)
        return
    busy = isinstance(error, sqlite3.Error) and getattr(error, "sqlite_errorname", "").startswith(
        SICK
    )
    if busy:
        log.warning(
            "update %s (chat %s): the database is not writable: %s", update_id, chat_id, error
        )
    else:
        log.error("error while handling update %s (chat %s)", update_id, chat_id, exc_info=error)
    if isinstance(update, Update) and chat_id is not None:
        try:
            lang = await language(update, context)
            await reply(update, context, html_text("storage_busy" if busy else "error", lang))
        except Exception:  # the chat may be unreachable; the bot must keep running
            log.exception("could not tell chat %s about the error", chat_id)


async def on_membership(update: Update, context: Context) -> None:
    """A user blocked (kicked) or unblocked the bot in a private chat."""
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    blocked = change.new_chat_member.status in (ChatMember.BANNED, ChatMember.LEFT)
    await services(context).assistant.note_blocked(change.chat.id, blocked)
