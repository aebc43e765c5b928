"""A citizen's side of "Ask the municipality": the question (editable), consent, an optional
contact, the ticket number; 👍 / "I still need help" under the answer; /myquestions."""

from __future__ import annotations

import html

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.ext import ApplicationHandlerStop

from bot.handlers.callbacks import Callback
from bot.handlers.common import (
    Context,
    clean_text,
    edit_or_send,
    html_text,
    language,
    reply,
    services,
)
from bot.services.tickets import TicketError
from bot.storage import Draft
from bot.texts import t

NO_ANSWER = ("fallback", "clarify", "not_found")  # "I don't know" and "did you mean"


def ask_row(lang: str, question_id: int | None) -> list[InlineKeyboardButton]:
    """The "Ask the municipality" button (for a logged question, or to type one)."""
    data = Callback("q", ("ask", str(question_id or 0))).encode()
    return [InlineKeyboardButton(t("ticket.button.ask", lang), callback_data=data)]


def _button(lang: str, action: str, number: int = 0) -> InlineKeyboardButton:
    data = Callback("q", (action, str(number))).encode()
    return InlineKeyboardButton(t(f"ticket.button.{action}", lang), callback_data=data)


def _draft_screen(draft: Draft, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    """The question as it will be sent, what is passed on, and Send / phone / Cancel."""
    if not draft.text:
        return html_text("ticket.type", lang), InlineKeyboardMarkup([[_button(lang, "no")]])
    contact = "ticket.with_contact" if draft.contact else "ticket.consent"
    text = (
        f"{html_text('ticket.draft', lang)}\n<blockquote>{html.escape(draft.text)}</blockquote>"
        f"\n\n{html_text('ticket.edit', lang)}\n\n{html_text(contact, lang)}"
    )
    rows = [[_button(lang, "send")], [_button(lang, "no")]]
    if not draft.contact:
        rows.insert(1, [_button(lang, "phone")])
    return text, InlineKeyboardMarkup(rows)


async def on_button(update: Update, context: Context, callback: Callback, lang: str) -> str | None:
    """q:<action>:<number>: the citizen's ticket buttons."""
    user, svc = update.effective_user, services(context)
    action, number = callback.args[0], int(callback.args[1])
    if user is None or not svc.tickets.enabled:
        return t("stale_button", lang)
    desk = svc.tickets
    if action == "ask":
        await reply(update, context, *_draft_screen(await desk.begin(user.id, number), lang))
    elif action == "phone":
        share = KeyboardButton(t("ticket.button.share", lang), request_contact=True)
        markup = ReplyKeyboardMarkup([[share]], resize_keyboard=True, one_time_keyboard=True)
        await reply(update, context, html_text("ticket.share", lang), markup)
    elif action == "no":
        await desk.drop(user.id)
        await edit_or_send(update, context, html_text("ticket.cancelled", lang))
    elif action == "send":
        return await _send(update, context, lang)
    else:
        ticket = await desk.reply(number, user.id, thanks=action == "thanks")
        if ticket is None:
            return t("stale_button", lang)
        svc.wake()
        return t(f"ticket.{action}.done", lang, number=number)
    return None


async def _send(update: Update, context: Context, lang: str) -> str | None:
    user, svc = update.effective_user, services(context)
    assert user is not None
    try:
        ticket = await svc.tickets.send(user.id, lang)
    except TicketError as error:
        return t(error.key, lang, **error.values)
    svc.wake()
    text = html_text("ticket.sent", lang, number=ticket.id)
    later = svc.tickets.after_hours(lang)
    await edit_or_send(update, context, f"{text}\n\n{html.escape(later)}" if later else text)
    return None


async def on_cancel(update: Update, context: Context) -> None:
    """/cancel while a question to the municipality waits: it is dropped (else /cancel as usual)."""
    user, svc = update.effective_user, services(context)
    if user is None or svc.tickets.draft(user.id) is None:
        return
    await svc.tickets.drop(user.id)
    await reply(update, context, html_text("ticket.cancelled", await language(update, context)))
    raise ApplicationHandlerStop


async def on_draft_text(update: Update, context: Context) -> None:
    """A citizen's message while their question waits: it becomes the question's new text."""
    user, message, svc = update.effective_user, update.effective_message, services(context)
    if user is None or message is None or svc.tickets.draft(user.id) is None:
        return
    lang = await language(update, context)
    try:
        draft = await svc.tickets.set_text(user.id, clean_text(message.text or ""))
    except TicketError as error:
        await reply(update, context, html_text(error.key, lang, **error.values))
        raise ApplicationHandlerStop from None
    await reply(update, context, *_draft_screen(draft, lang))
    raise ApplicationHandlerStop


_NOT_OWN = {True: "ticket.not_own_contact", False: "ticket.contact_unasked"}


async def on_contact(update: Update, context: Context) -> None:
    """The citizen shared their own contact: it goes with the question."""
    user, message, svc = update.effective_user, update.effective_message, services(context)
    contact = message.contact if message else None
    if user is None or contact is None:
        return
    lang = await language(update, context)
    if contact.user_id != user.id:  # someone else's card: only the citizen's own goes with it
        waiting = svc.tickets.draft(user.id) is not None
        await reply(update, context, html_text(_NOT_OWN[waiting], lang))
        raise ApplicationHandlerStop
    name = " ".join(filter(None, (contact.first_name, contact.last_name)))
    draft = await svc.tickets.set_contact(user.id, f"{name}, {contact.phone_number}")
    if draft is None:
        await reply(
            update, context, html_text("ticket.contact_unasked", lang), ReplyKeyboardRemove()
        )
        raise ApplicationHandlerStop  # answered: not also "I understand only text"
    await reply(update, context, html_text("ticket.contact_added", lang), ReplyKeyboardRemove())
    await reply(update, context, *_draft_screen(draft, lang))
    raise ApplicationHandlerStop


async def my_questions(update: Update, context: Context) -> None:
    """/myquestions: the citizen's tickets and where each stands."""
    user, svc, lang = update.effective_user, services(context), await language(update, context)
    tickets = await svc.storage.user_tickets(user.id) if user else []
    if not tickets:
        await reply(update, context, html_text("ticket.mine.none", lang))
        return
    lines = [html_text("ticket.mine.title", lang)]
    for ticket in tickets:
        question = ticket.question if len(ticket.question) <= 80 else ticket.question[:79] + "…"
        state = t(f"ticket.state.{ticket.state}", lang)
        number = t("ticket.number", lang, number=ticket.id)
        lines.append(f"\n<b>{number}</b> · {html.escape(state)}\n{html.escape(question)}")
    await reply(update, context, "\n".join(lines))
