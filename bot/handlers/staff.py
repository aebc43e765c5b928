"""The staff's side of tickets, in the staff group: Take / Answer / Close, an answer by reply
with its preview and confirmation, /tickets. Only staff (members of the group, and admins) get
anything done; anyone else's button press only gets a short notice."""

from __future__ import annotations

import datetime as dt
import html
import logging
import time

from telegram import (
    CallbackQuery,
    ChatMember,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.handlers.callbacks import Callback
from bot.handlers.common import Context, clean_text, html_text, language, reply, services
from bot.handlers.learn import on_learn
from bot.handlers.messages import on_unknown_command
from bot.services.hours import local_midnight, local_minute
from bot.services.ticket_upkeep import keep_tickets
from bot.services.tickets import LIVE, TicketError
from bot.storage import Ticket
from bot.texts import t

STAFF_CACHE = 60.0  # seconds a getChatMember answer is trusted
MEMBERS = (ChatMember.OWNER, ChatMember.ADMINISTRATOR, ChatMember.MEMBER)

log = logging.getLogger(__name__)


async def is_staff(context: Context, user_id: int) -> bool:
    """An admin, or a member of the staff group (asked of Telegram, remembered briefly)."""
    svc = services(context)
    chat_id = svc.settings.staff_chat_id
    if svc.is_admin(user_id):
        return True
    if chat_id is None:
        return False
    cache: dict[int, tuple[bool, float]] = context.bot_data.setdefault("staff", {})
    known = cache.get(user_id)
    if known is not None and known[1] > time.monotonic():
        return known[0]
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
        staff = member.status in MEMBERS or getattr(member, "is_member", False) is True
    except TelegramError:
        staff = False
    cache[user_id] = (staff, time.monotonic() + STAFF_CACHE)
    return staff


def _button(action: str, number: int) -> InlineKeyboardButton:
    data = Callback("s", (action, str(number))).encode()
    label = "send_answer" if action == "send" else action  # to the citizen, not the municipality
    return InlineKeyboardButton(t(f"ticket.button.{label}", "bg"), callback_data=data)


def preview_html(ticket: Ticket) -> str:
    """What the citizen will get, shown to the staff member before it is sent."""
    language = t(f"language.name.{ticket.draft_lang or 'bg'}", "bg")
    head = html_text("ticket.staff.preview", "bg", number=ticket.id, language=language)
    return f"{head}\n\n{html.escape(ticket.draft or '')}"


async def on_reply(update: Update, context: Context) -> None:
    """A reply in the staff group to the bot: to a ticket, it is an answer to preview."""
    message, user, svc = update.effective_message, update.effective_user, services(context)
    replied = message.reply_to_message if message else None
    if message is None or user is None or replied is None or replied.from_user is None:
        return
    if replied.from_user.id != context.bot.id:
        return  # staff talking among themselves
    if not await is_staff(context, user.id):
        raise ApplicationHandlerStop
    ticket = await svc.storage.ticket_at(message.chat.id, replied.message_id)
    if ticket is None and message.text is None:
        return  # a photo or a sticker for the others in the group
    if ticket is None or message.text is None:
        key = "ticket.staff.not_ticket" if ticket is None else "ticket.staff.text_only"
        await message.reply_html(html_text(key, "bg"))
        raise ApplicationHandlerStop
    text = clean_text(message.text)
    try:
        drafted = await svc.tickets.draft_answer(
            ticket.id, user.id, text, svc.tickets.language_of(text)
        )
    except TicketError as error:
        await message.reply_html(html_text(error.key, "bg", **error.values))
        raise ApplicationHandlerStop from None
    if drafted is None:
        await message.reply_html(html_text("ticket.staff.gone", "bg", number=ticket.id))
        raise ApplicationHandlerStop
    markup = InlineKeyboardMarkup([[_button("send", ticket.id), _button("drop", ticket.id)]])
    preview = await message.reply_html(preview_html(drafted), reply_markup=markup)
    await svc.tickets.set_preview(ticket.id, user.id, preview.message_id)
    raise ApplicationHandlerStop


async def on_button(update: Update, context: Context, callback: Callback, lang: str) -> str | None:
    """s:<action>:<ticket>: a staff member's ticket buttons (nothing done for others)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return t("stale_button", lang)
    if not await is_staff(context, user.id):
        return t("ticket.staff.not_staff", lang)
    action, number = callback.args[0], int(callback.args[1])
    if action == "learn" or action.startswith(("save", "tick")):
        return await on_learn(query, context, action, number, lang)
    if action in ("answer", "drop"):
        return await _draft(query, context, action, number, lang)
    return await _change(query, context, action, number, lang)


async def _draft(
    query: CallbackQuery, context: Context, action: str, number: int, lang: str
) -> str | None:
    """answer: ask for the answer by reply; drop: discard one's own draft."""
    desk, message = services(context).tickets, query.message
    assert isinstance(message, Message)
    if action == "answer":
        ticket = await services(context).storage.ticket(number)
        if ticket is None or ticket.state not in LIVE:
            return _gone(number, lang)  # no prompt for a question already answered or closed
        prompt = await message.reply_html(
            html_text("ticket.staff.prompt", "bg", number=number),
            reply_markup=ForceReply(selective=True),
        )
        return None if await desk.set_prompt(number, prompt.message_id) else _gone(number, lang)
    if await desk.discard(number, query.from_user.id) is None:
        return _gone(number, lang)
    await _settle(query, "ticket.staff.dropped")
    return None


async def _change(
    query: CallbackQuery, context: Context, action: str, number: int, lang: str
) -> str | None:
    """take, close, or send the draft whose preview this is: one conditional update decides."""
    svc, name, message = services(context), query.from_user.full_name, query.message
    assert isinstance(message, Message)
    if action == "take":
        ticket = await svc.tickets.take(number, name)
    elif action == "close":
        ticket = await svc.tickets.close(number, name)
    else:
        ticket = await svc.tickets.confirm(number, query.from_user.id, message.message_id, name)
    if ticket is None:
        if action == "send":
            await _settle(query, "ticket.staff.gone_line")
        return t(
            "ticket.staff.not_open" if action == "take" else "ticket.staff.gone",
            lang,
            number=number,
        )
    svc.wake()
    buttons = {
        "take": [_button("answer", number), _button("close", number)],
        "send": [_button("learn", number)],
    }.get(action)
    key = "ticket.staff.taken" if action == "take" else f"ticket.staff.{action}_done"
    await _settle(query, key, InlineKeyboardMarkup([buttons]) if buttons else None)
    return None


def _gone(number: int, lang: str) -> str:
    return t("ticket.staff.gone", lang, number=number)


async def _settle(
    query: CallbackQuery, key: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Add a line (who did what) to the message whose button was pressed, with new buttons."""
    message = query.message
    assert isinstance(message, Message)
    line = html_text(key, "bg", name=query.from_user.full_name)
    try:
        await query.edit_message_text(f"{message.text_html}\n\n{line}", reply_markup=markup)
    except BadRequest:  # too long with the line, or gone: the buttons at least change
        await query.edit_message_reply_markup(markup)


async def tickets_command(update: Update, context: Context) -> None:
    """/tickets: open, taken and answered today, oldest first (staff only)."""
    user, svc = update.effective_user, services(context)
    if user is None or not await is_staff(context, user.id):
        await on_unknown_command(update, context)
        return
    lang = await language(update, context)
    since = local_midnight(dt.datetime.now(dt.UTC))
    listed = await svc.storage.staff_tickets(since)
    if not listed:
        await reply(update, context, html_text("ticket.list.none", lang))
        return
    lines = [html_text("ticket.list.title", lang)]
    for ticket in listed:
        state = t(f"ticket.state.{ticket.state}", lang)
        question = ticket.question if len(ticket.question) <= 70 else ticket.question[:69] + "…"
        if ticket.answer_delivery == "blocked":
            state += " · " + t("ticket.blocked", lang)
        lines.append(
            f"{t('ticket.number', lang, number=ticket.id)} · {html.escape(state)} · "
            f"{local_minute(ticket.created_at)}"
            f"\n{html.escape(question)}"
        )
    await reply(update, context, "\n\n".join(lines))


async def on_membership(update: Update, context: Context) -> None:
    """The bot was added to the staff group again: the tickets that wait are posted now."""
    change, svc = update.my_chat_member, services(context)
    joined = change is not None and change.new_chat_member.status in MEMBERS
    if joined and await keep_tickets(svc.tickets, now=True):
        svc.wake()


async def erase_posts(context: Context, posts: list[tuple[int, int, int]]) -> None:
    """/forget: the citizen's questions in the staff group are replaced by a note (best effort:
    a message Telegram no longer lets the bot edit stays as it is)."""
    for number, chat_id, message_id in posts:
        note = html_text("ticket.staff.erased", "bg", number=number)
        try:
            await context.bot.edit_message_text(note, chat_id, message_id, reply_markup=None)
        except TelegramError as error:
            log.info("post %s of ticket %s not erased: %s", message_id, number, error)
