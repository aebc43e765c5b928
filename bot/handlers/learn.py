"""Learn, in the staff group: after an answer, "Add to the bot's answers" shows the question,
the answer and similar questions people asked (to tick), then writes the FAQ entry."""

from __future__ import annotations

import html
from dataclasses import replace

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest

from bot.handlers.callbacks import Callback
from bot.handlers.common import Context, html_text, services
from bot.services.editing import EditError
from bot.services.learning import Lesson
from bot.texts import t

SHOWN = 300  # characters of the answer shown
TICKED, UNTICKED = "☑", "☐"


def _short(question: str) -> str:
    return question if len(question) <= 50 else question[:49] + "…"


def _screen(lesson: Lesson) -> tuple[str, InlineKeyboardMarkup]:
    ticket = lesson.ticket
    answer = ticket.answer or ""
    answer = answer if len(answer) <= SHOWN else answer[: SHOWN - 1] + "…"
    text = html_text("ticket.learn.head", "bg", number=ticket.id)
    text += f"\n<blockquote>{html.escape(ticket.question)}</blockquote>\n"
    text += f"<blockquote>{html.escape(answer)}</blockquote>\n\n"
    key = "ticket.learn.similar" if lesson.similar else "ticket.learn.no_similar"
    text += html_text(key, "bg")
    rows = []
    for index, question in enumerate(lesson.similar):
        label = f"{TICKED if index in lesson.ticked else UNTICKED} {_short(question)}"
        action = f"tick{index}-{lesson.mask ^ (1 << index)}"  # the ticks after this press
        data = Callback("s", (action, str(ticket.id))).encode()
        rows.append([InlineKeyboardButton(label, callback_data=data)])
    save = Callback("s", (f"save-{lesson.mask}", str(ticket.id))).encode()
    rows.append([InlineKeyboardButton(t("ticket.button.save", "bg"), callback_data=save)])
    return text, InlineKeyboardMarkup(rows)


def _as_shown(lesson: Lesson, message: Message, pressed: str) -> Lesson:
    """The lesson found again after a restart, ticked as its screen showed it (by the questions'
    text: the list may have changed meanwhile), the pressed question toggled."""
    ticked: set[str] = set()
    for row in message.reply_markup.inline_keyboard if message.reply_markup else ():
        for button in row:
            mark, _, question = button.text.partition(" ")
            if (mark == TICKED) != (button.callback_data == pressed):
                ticked.add(question)
    chosen = (i for i, question in enumerate(lesson.similar) if _short(question) in ticked)
    return replace(lesson, ticked=frozenset(chosen))


async def _show(query: CallbackQuery, lesson: Lesson) -> bool:
    """Show the lesson on its screen; False when the screen showed exactly that already."""
    text, markup = _screen(lesson)
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise
        return False
    return True


def _mask(action: str) -> int:
    """The ticks an action carries ("tick2-5", "save-5"; an earlier version's "tick2": bit 2)."""
    name, _, mask = action.partition("-")
    if mask:
        return int(mask)
    return 1 << int(name.removeprefix("tick")) if name.startswith("tick") else 0


async def on_learn(
    query: CallbackQuery, context: Context, action: str, number: int, lang: str
) -> str | None:
    """learn: show the lesson; tickN-M: show it with the ticks M; save-M: write the entry."""
    learning, message = services(context).learning, query.message
    assert isinstance(message, Message)
    if action == "learn":
        started = await learning.begin(number)
        if started is None:
            return t("ticket.learn.gone", lang)
        text, markup = _screen(started)
        screen = await message.reply_html(text, reply_markup=markup)
        await services(context).tickets.set_learn_screen(number, screen.chat_id, screen.message_id)
        return None
    lesson, refreshed = await learning.lesson(number, _mask(action))
    if lesson is None:
        return t("ticket.learn.gone", lang)
    if refreshed:
        lesson = _as_shown(lesson, message, query.data or "")
    if action.startswith("tick"):
        await _show(query, lesson)
        return None
    if refreshed and await _show(query, lesson):  # after a restart the list had changed
        return t("ticket.learn.refreshed", lang)
    try:
        applied = await learning.save(lesson, query.from_user.id)
    except EditError as error:
        return t(error.key, lang, **error.args_)[:200]
    done = html_text("ticket.learn.done", "bg", name=query.from_user.full_name, id=applied.edit_id)
    await query.edit_message_text(f"{message.text_html}\n\n{done}", reply_markup=None)
    return None
