"""The python-telegram-bot Application: handlers wired, commands registered, polling or webhook;
updates in each chat's order behind the flood guard, and every request through the one rate
limiter (bot/handlers/traffic.py)."""

from __future__ import annotations

import asyncio
import functools
import logging

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import logs
from bot.config import Settings
from bot.handlers import (
    addnews,
    admin,
    buttons,
    commands,
    editors,
    errors,
    flows,
    inline,
    lifecycle,
    messages,
    staff,
    tickets,
)
from bot.handlers.common import html_text
from bot.handlers.lifecycle import App
from bot.handlers.runner import BotRunner
from bot.handlers.traffic import ChatOrder, Pacing, flood_gate, flood_notice, limiter_of

log = logging.getLogger(__name__)
EDITS = -4  # the handler group that keeps edited commands, files and flow answers from repeating
TICKETS = -3  # the handler group of tickets' texts, contacts and staff replies
COMMANDS = {
    "start": commands.start, "help": commands.help_command, "projects": commands.projects,
    "news": commands.news, "contacts": commands.contacts, "language": commands.language_command,
    "following": commands.following, "subscribe": commands.subscribe,
    "unsubscribe": commands.unsubscribe, "forget": commands.forget,
    "broadcast": admin.broadcast, "broadcasts": admin.broadcasts, "stats": admin.stats,
    "unanswered": admin.unanswered, "reload": admin.reload, "cancel": flows.cancel,
    "addnews": addnews.addnews, "export": editors.export, "history": editors.history,
    "undo": editors.undo,
    "myquestions": tickets.my_questions, "tickets": staff.tickets_command,
    "lang": commands.language_command,  # not in the menu: as other bots and the console name it
    "menu": commands.help_command,  # not in the menu either: what people type for it
}  # fmt: skip


def add_handlers(application: App, staff_chat: int | None = None) -> None:
    """Every handler, in the order they are tried (a ticket's text before any flow's)."""
    private = filters.ChatType.PRIVATE
    text = filters.TEXT & ~filters.COMMAND
    application.add_handler(
        MessageHandler(filters.UpdateType.EDITED_MESSAGE, messages.on_edit), group=EDITS
    )
    application.add_handler(MessageHandler(text & private, tickets.on_draft_text), group=TICKETS)
    application.add_handler(
        CommandHandler("cancel", tickets.on_cancel, filters=private), group=TICKETS
    )
    application.add_handler(
        MessageHandler(filters.CONTACT & private, tickets.on_contact), group=TICKETS
    )
    if staff_chat is not None:
        staff_replies = filters.Chat(staff_chat) & filters.REPLY & ~filters.COMMAND
        application.add_handler(MessageHandler(staff_replies, staff.on_reply), group=TICKETS)
        joined = ChatMemberHandler(
            staff.on_membership, ChatMemberHandler.MY_CHAT_MEMBER, chat_id=staff_chat
        )
        application.add_handler(joined, group=TICKETS)
    application.add_handler(
        MessageHandler(
            private & ~filters.COMMAND & ~filters.Document.ALL & ~filters.StatusUpdate.ALL,
            flows.on_flow_message,
        ),
        group=-2,
    )
    for name, callback in COMMANDS.items():
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(CallbackQueryHandler(buttons.on_button))
    application.add_handler(InlineQueryHandler(inline.on_inline))
    application.add_handler(
        ChatMemberHandler(errors.on_membership, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    question = filters.TEXT | (filters.CAPTION & private & ~filters.Document.ALL)
    application.add_handler(MessageHandler(question & ~filters.COMMAND, messages.on_text))
    application.add_handler(MessageHandler(filters.COMMAND, messages.on_unknown_command))
    application.add_handler(MessageHandler(private & filters.Document.ALL, editors.on_document))
    application.add_handler(
        MessageHandler(
            private & ~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL,
            messages.on_other,
        )
    )
    application.add_error_handler(errors.on_error)


def build_application(settings: Settings) -> App:
    """The Application for settings; its services are opened when it starts."""
    if not settings.token:
        raise ValueError("a Telegram token is needed to build the application")
    logs.add_secret(settings.token)

    async def post_init(application: App) -> None:
        await lifecycle.on_startup(application, settings)
        recorder = application.bot_data["services"].assistant.recorder
        recorder.on_change = functools.partial(report_writes, application, settings.admin_ids)

    defaults = Defaults(
        parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
    )
    order, pacing = ChatOrder(), Pacing()
    application = (
        Application.builder()
        .token(settings.token)
        .base_url(f"{settings.api_base_url}/bot")
        .base_file_url(f"{settings.api_base_url}/file/bot")
        .defaults(defaults)
        .post_init(post_init)
        .post_stop(lifecycle.on_stop)
        .post_shutdown(lifecycle.on_shutdown)
        .concurrent_updates(order)
        .rate_limiter(pacing)
        .build()
    )
    order.gate = functools.partial(flood_gate, application)
    order.notice = functools.partial(flood_notice, application)
    pacing.limiter_of = functools.partial(limiter_of, application)
    add_handlers(application, settings.staff_chat_id)
    return application


async def report_writes(
    application: App, admins: frozenset[int], error: str | None, dropped: int
) -> None:
    """Tell the admins that the database cannot be written (error), or can be again."""
    if error is not None:
        text = html_text("db.failing", "bg", error=error)
    else:
        text = html_text("db.recovered", "bg", dropped=dropped)
    for admin_id in admins:
        try:
            await application.bot.send_message(admin_id, text)
        except TelegramError as failure:
            log.warning("could not tell admin %s about the database: %s", admin_id, failure)


def run_bot(settings: Settings) -> None:
    """Run until SIGINT / SIGTERM: long polling, or a webhook when settings.webhook_url is set."""
    asyncio.run(BotRunner(build_application(settings), settings).run())


__all__ = ["build_application", "run_bot"]
