"""Start-up and shut-down: services, command menus, the dispatcher, the knowledge watcher."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, TypeAlias

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError
from telegram.ext import Application

from bot.config import Settings
from bot.handlers.admin import problems_html
from bot.handlers.bulk import DirectSender
from bot.handlers.delivery import status_updater
from bot.knowledge import LoadResult
from bot.services.broadcast import ProgressCallback
from bot.services.container import Services
from bot.texts import t

log = logging.getLogger(__name__)
PUBLIC_COMMANDS = (
    "start",
    "projects",
    "news",
    "contacts",
    "language",
    "following",
    "subscribe",
    "unsubscribe",
    "myquestions",
    "forget",
    "help",
)
ADMIN_COMMANDS = ("broadcast", "broadcasts", "stats", "unanswered", "reload")
EDITOR_COMMANDS = ("addnews", "export", "history", "undo", "cancel")
App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]


async def register_commands(
    application: App, admins: frozenset[int], editors: frozenset[int] = frozenset()
) -> None:
    """setMyCommands in Bulgarian (the default) and English; editors' and admins' chats get
    theirs too (admins are editors as well)."""
    for code in (None, "bg", "en"):
        lang = code or "bg"

        def menu(*names: str, lang: str = lang) -> list[BotCommand]:
            return [BotCommand(name, t(f"command.{name}", lang)) for name in names]

        await application.bot.set_my_commands(
            menu(*PUBLIC_COMMANDS), scope=BotCommandScopeDefault(), language_code=code
        )
        scoped = {user: menu(*PUBLIC_COMMANDS, *EDITOR_COMMANDS) for user in editors}
        scoped |= {
            user: menu(*PUBLIC_COMMANDS, *ADMIN_COMMANDS, *EDITOR_COMMANDS) for user in admins
        }
        for user_id, commands in scoped.items():
            try:
                await application.bot.set_my_commands(
                    commands, scope=BotCommandScopeChat(user_id), language_code=code
                )
            except TelegramError as error:  # someone who never opened the bot
                log.warning("commands not set for %s: %s", user_id, error)


async def on_startup(application: App, settings: Settings) -> None:
    """Open services, register commands, start the dispatcher, catch up on news, watch the
    folder."""
    services = await Services.open(settings)
    application.bot_data["services"] = services
    await register_commands(application, settings.admin_ids, settings.editor_ids)

    def progress(broadcast_id: int) -> ProgressCallback:
        return status_updater(application.bot, services.storage, broadcast_id)

    async def tell_admins(result: LoadResult) -> None:
        for admin_id in settings.admin_ids:
            try:
                await application.bot.send_message(
                    admin_id, problems_html(result.problems, "bg", settings.knowledge_dir)
                )
            except TelegramError as error:
                log.warning(
                    "could not tell admin %s about the knowledge errors: %s", admin_id, error
                )

    sender = DirectSender(settings.api_base_url, settings.token or "", settings.delivery_timeout)
    application.bot_data["sender"] = sender
    services.start_delivery(sender, progress)
    await services.announce_news()
    await services.upkeep()
    application.bot_data["watcher"] = asyncio.get_running_loop().create_task(
        services.maintain(tell_admins)
    )
    log.info("ready: %s", services.knowledge.knowledge.counts())


async def on_stop(application: App) -> None:
    """Stop the watcher and the dispatcher (the rest is sent after the next start) while
    Telegram is still reachable, so that the admins' status messages get their last word."""
    watcher = application.bot_data.pop("watcher", None)
    if watcher is not None:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
    services = application.bot_data.get("services")
    if services is not None:
        await services.stop_delivery()
    sender = application.bot_data.pop("sender", None)
    if sender is not None:
        await sender.close()


async def on_shutdown(application: App) -> None:
    """Close the database."""
    services = application.bot_data.pop("services", None)
    if services is not None:
        await services.close()
