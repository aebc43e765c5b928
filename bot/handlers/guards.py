"""Commands only some users may use: to everyone else they do not exist (the unknown-command
answer, and nothing more); staff use them in their private chat with the bot, not in a group."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.handlers.common import Context, html_text, language, reply, services
from bot.handlers.messages import on_unknown_command
from bot.services.container import Services

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def restricted(allowed: Callable[[Services, int | None], bool]) -> Callable[[Handler], Handler]:
    """A decorator: run the handler for the users allowed(services, user id) lets in."""

    def wrap(handler: Handler) -> Handler:
        async def guarded(update: Update, context: Context) -> None:
            user, chat = update.effective_user, update.effective_chat
            if user is None or not allowed(services(context), user.id):
                await on_unknown_command(update, context)
                return
            if chat is not None and chat.type != chat.PRIVATE:  # not a group's business
                lang = await language(update, context)
                await reply(update, context, html_text("staff.private_only", lang))
                return
            await handler(update, context)

        guarded.__doc__ = handler.__doc__
        return guarded

    return wrap


admin_only = restricted(Services.is_admin)  # the users in MUNIBOT_ADMIN_IDS
editor_only = restricted(Services.is_editor)  # MUNIBOT_EDITOR_IDS and the admins
