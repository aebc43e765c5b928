"""Free-text questions (private chats, and groups when the bot is addressed), other messages."""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.ext import ApplicationHandlerStop

from bot.handlers import keyboards
from bot.handlers.answers import answer_markup, extra_rows
from bot.handlers.callbacks import decode
from bot.handlers.common import (
    Context,
    clean_text,
    html_text,
    language,
    project_id_for,
    reply,
    services,
)

LONG_MESSAGE = 1000


def question_text(message: Message, bot_id: int, username: str) -> str | None:
    """The question in a message (lone surrogates replaced), or None when a group message is
    not meant for the bot."""
    text = clean_text(message.text or message.caption or "")
    if message.chat.type == "private":
        return text
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return text
    mention, units = f"@{username}".lower(), text.encode("utf-16-le")
    for entity in message.entities:
        start, end = 2 * entity.offset, 2 * (entity.offset + entity.length)
        named = units[start:end].decode("utf-16-le", "replace").lower()
        if entity.type == MessageEntity.MENTION and named == mention:
            return (units[:start] + units[end:]).decode("utf-16-le", "replace").strip()
    return None


ABOUT_ONE_PROJECT = {"t", "f", "u"}  # a topic, Follow, Stop following: buttons of one project


def replied_project(message: Message, context: Context) -> str | None:
    """The project of the bot's answer this message replies to (read from its buttons)."""
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
        return None
    rows = replied.reply_markup.inline_keyboard if replied.reply_markup else ()
    for button in (button for row in rows for button in row):
        callback = decode(button.callback_data if isinstance(button.callback_data, str) else "")
        if callback is not None and callback.kind in ABOUT_ONE_PROJECT:
            return project_id_for(context, callback.args[0])
    return None


async def on_text(update: Update, context: Context) -> None:
    """Answer a question with the engine, in the user's language, with buttons to go further."""
    message, user, svc = update.effective_message, update.effective_user, services(context)
    if message is None or user is None or update.effective_chat is None:
        return
    text = question_text(message, context.bot.id, context.bot.username)
    if text is None:
        return
    if not text:  # "@bot" alone in a group: a hello, as /start gets
        await greet(update, context, await language(update, context))
        return
    lang = await language(update, context, text)
    about = replied_project(message, context)
    asked = await svc.assistant.ask(update.effective_chat.id, user.id, text, lang, about)
    following = bool(asked.answer.project) and await svc.storage.is_following(
        user.id, asked.answer.project or ""
    )
    ask = svc.tickets.enabled and message.chat.type == "private"
    extra = extra_rows(asked.answer, lang, asked.question_id, following, ask)
    body = asked.answer.reply.html()
    if len(text) > LONG_MESSAGE:
        body = f"<i>{html_text('too_long', lang)}</i>\n\n{body}"
    elif message.text is None:
        body = f"<i>{html_text('caption_read', lang)}</i>\n\n{body}"
    await reply(update, context, body, answer_markup(asked.answer, svc.assistant, lang, extra))


async def greet(update: Update, context: Context, lang: str, before: str = "") -> None:
    """The greeting, examples of questions and the main menu (before it: a note, if any)."""
    text = f"{services(context).assistant.greeting(lang).html()}\n\n{html_text('examples', lang)}"
    await reply(update, context, f"{before}{text}", keyboards.main_menu(lang))


async def on_other(update: Update, context: Context) -> None:
    """Stickers, photos, voice, locations...: say what the bot can do."""
    lang = await language(update, context)
    await reply(update, context, html_text("non_text", lang))


def addressed_to_bot(message: Message, username: str) -> bool:
    """A command in a private chat, or one written /command@this_bot in a group."""
    if message.chat.type == "private":
        return True
    words = (message.text or "").split(maxsplit=1)
    return bool(words) and words[0].lower().endswith(f"@{username}".lower())


async def on_unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not have (admin commands of non-admins too, so that nobody can
    tell them apart): answered in private chats and when addressed to the bot in a group."""
    message = update.effective_message
    if message is None or not addressed_to_bot(message, context.bot.username):
        return
    lang = await language(update, context)
    await reply(update, context, html_text("unknown_command", lang))


async def on_edit(update: Update, context: Context) -> None:
    """An edited message: a corrected question or draft text goes on to be answered; an edited
    command, file or answer to a flow is not carried out a second time (the sender is told)."""
    message, user = update.edited_message, update.effective_user
    if message is None or user is None:
        return
    text = message.text or ""
    command = text.startswith("/")
    if text and not command:
        state, expired = await services(context).flows.current(user.id)
        if state is None and not expired:
            return  # a question, a waiting question's text or a staff answer, taken as usual
    private = message.chat.type == "private" and bool(text or message.document)
    if private or (command and addressed_to_bot(message, context.bot.username)):
        await reply(
            update, context, html_text("edit_not_repeated", await language(update, context))
        )
    raise ApplicationHandlerStop
