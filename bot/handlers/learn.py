"""Learn, in the staff group: after an answer, "Add to the bot's answers" shows the question,
the answer and similar questions people asked (to tick), then writes the FAQ entry."""

from __future__ import annotations

import html

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.handlers.callbacks import Callback
from bot.handlers.common import Context, html_text, services
from bot.services.editing import EditError
from bot.services.learning import Lesson
from bot.texts import t

SHOWN = 300  # characters of the answer shown


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
        mark = "☑" if index in lesson.ticked else "☐"
        label = f"{mark} {question if len(question) <= 50 else question[:49] + '…'}"
        data = Callback("s", (f"tick{index}", str(ticket.id))).encode()
        rows.append([InlineKeyboardButton(label, callback_data=data)])
    save = Callback("s", ("save", str(ticket.id))).encode()
    rows.append([InlineKeyboardButton(t("ticket.button.save", "bg"), callback_data=save)])
    return text, InlineKeyboardMarkup(rows)


async def on_learn(
    query: CallbackQuery, context: Context, action: str, number: int, lang: str
) -> str | None:
    """learn: show the lesson; tickN: tick a similar question; save: write the entry."""
    learning, message = services(context).learning, query.message
    assert isinstance(message, Message)
    if action == "learn":
        lesson = await learning.begin(number)
        if lesson is None:
            return t("ticket.learn.gone", lang)
        text, markup = _screen(lesson)
        await message.reply_html(text, reply_markup=markup)
        return None
    if action.startswith("tick"):
        ticked = learning.tick(number, int(action.removeprefix("tick")))
        if ticked is None:
            return t("ticket.learn.gone", lang)
        text, markup = _screen(ticked)
        await query.edit_message_text(text, reply_markup=markup)
        return None
    try:
        applied = await learning.save(number, query.from_user.id)
    except EditError as error:
        return t(error.key, lang, **error.args_)[:200]
    done = html_text("ticket.learn.done", "bg", name=query.from_user.full_name, id=applied.edit_id)
    await query.edit_message_text(f"{message.text_html}\n\n{done}", reply_markup=None)
    return None
