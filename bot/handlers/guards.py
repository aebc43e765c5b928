"""Commands only editors may use: everyone else gets the unknown-command answer."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.handlers.common import Context, services
from bot.handlers.messages import on_unknown_command

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def editor_only(handler: Handler) -> Handler:
    """Run handler for editors (and admins); everyone else gets the unknown-command answer."""

    async def guarded(update: Update, context: Context) -> None:
        user = update.effective_user
        if user is None or not services(context).is_editor(user.id):
            await on_unknown_command(update, context)
            return
        await handler(update, context)

    guarded.__doc__ = handler.__doc__
    return guarded
