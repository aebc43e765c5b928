"""Keyboards for the engine's answers: a project's other parts, or "did you mean" choices."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine import Answer
from bot.handlers import keyboards
from bot.handlers.callbacks import Callback, project_key
from bot.handlers.tickets import NO_ANSWER, ask_row
from bot.services.assistant import Assistant
from bot.texts import t

# After small talk, and when there is no answer, the main menu shows what the bot can do.
SMALL_TALK_AND_NO_ANSWER = (
    "greeting",
    "thanks",
    "goodbye",
    "about",
    "emoji",
    "fallback",
    "clarify",
)


def extra_rows(
    answer: Answer, lang: str, question_id: int | None, following: bool, ask: bool = False
) -> list[list[InlineKeyboardButton]]:
    """Follow (or unfollow) the project, 👍/👎 for a free-text answer, and "Ask the
    municipality" (when ask) under "I don't know" and "did you mean"."""
    rows: list[list[InlineKeyboardButton]] = []
    if ask and answer.kind in NO_ANSWER:
        rows.append(ask_row(lang, question_id))
    if answer.source_url:
        rows.append([InlineKeyboardButton(t("button.source", lang), url=answer.source_url)])
    if answer.project:
        key = project_key(answer.project)
        kind, label = ("u", "button.unfollow") if following else ("f", "button.follow")
        rows.append(
            [InlineKeyboardButton(t(label, lang), callback_data=Callback(kind, (key,)).encode())]
        )
    if question_id is not None:
        rows.append(
            [
                InlineKeyboardButton(
                    emoji, callback_data=Callback("fb", (str(question_id), sign)).encode()
                )
                for emoji, sign in (("👍", "+"), ("👎", "-"))
            ]
        )
    return rows


def answer_markup(
    answer: Answer, assistant: Assistant, lang: str, extra: list[list[InlineKeyboardButton]]
) -> InlineKeyboardMarkup | None:
    """The keyboard under an answer."""
    suggested = [p for p in map(assistant.project, answer.suggestions) if p is not None]
    if answer.project:
        project = assistant.project(answer.project)
        if project is not None:
            rows = [
                list(row)
                for row in (
                    *keyboards.project_keyboard(project, lang, answer.topic).inline_keyboard,
                    *keyboards.suggestions(suggested, lang).inline_keyboard,
                )
            ]
            return InlineKeyboardMarkup([*rows, *extra])
    if suggested:
        return InlineKeyboardMarkup(
            [*keyboards.suggestions(suggested, lang).inline_keyboard, *extra]
        )
    if answer.kind in SMALL_TALK_AND_NO_ANSWER:
        return InlineKeyboardMarkup([*keyboards.main_menu(lang).inline_keyboard, *extra])
    return InlineKeyboardMarkup(extra) if extra else None
