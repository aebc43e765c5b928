"""Inline buttons: every payload is checked; a forged or stale one gets a short notice; the
button's query is always answered, whatever happens."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, Update
from telegram.error import BadRequest

from bot.handlers import admin, commands, editors, flows, keyboards, staff, tickets
from bot.handlers.answers import answer_markup, extra_rows
from bot.handlers.callbacks import Callback, decode
from bot.handlers.common import Context, edit_or_send, language, project_id_for, reply, services
from bot.texts import t

log = logging.getLogger(__name__)
Action = Callable[[Update, Context, Callback, str], Awaitable[str | None]]


async def on_button(update: Update, context: Context) -> None:
    """Decode the button and run its action; the action's return is the toast to show. The
    query is answered even when the action fails (the error handler then speaks)."""
    query = update.callback_query
    if query is None:
        return
    notice: str | None = None
    try:
        lang = await language(update, context)
        callback = decode(query.data)
        action = ACTIONS.get(callback.kind) if callback else None
        if action is None or callback is None:
            notice = t("stale_button", lang)
        else:  # an action that fails leaves no notice: the error handler speaks
            notice = await action(update, context, callback, lang)
    finally:
        await _answer(query, notice)


async def _answer(query: CallbackQuery, notice: str | None) -> None:
    try:
        await query.answer(notice or None)
    except BadRequest as error:  # "query is too old": the spinner has stopped by itself
        log.info("button query of %s not answered: %s", query.from_user.id, error)


async def _show_project(
    update: Update, context: Context, callback: Callback, lang: str
) -> str | None:
    key, topic = callback.args[0], callback.args[1] if len(callback.args) > 1 else "summary"
    project_id = project_id_for(context, key)
    chat, user, svc = update.effective_chat, update.effective_user, services(context)
    answer = (
        svc.assistant.project_answer(chat.id, project_id, topic, lang)
        if project_id and chat
        else None
    )
    if answer is None:
        return t("stale_button", lang)
    following = user is not None and await svc.storage.is_following(user.id, answer.project or "")
    extra = extra_rows(answer, lang, None, following)
    await reply(
        update, context, answer.reply.html(), answer_markup(answer, svc.assistant, lang, extra)
    )
    return None


async def _page(update: Update, context: Context, callback: Callback, lang: str) -> str | None:
    page = services(context).assistant.project_page(int(callback.args[0]))
    title = commands.project_page_title(page, lang)
    await edit_or_send(update, context, title, keyboards.project_list(page, lang))
    return None


async def _menu(update: Update, context: Context, callback: Callback, lang: str) -> str | None:
    handler = {
        "projects": commands.projects,
        "news": commands.news,
        "contacts": commands.contacts,
        "language": commands.language_command,
        "following": commands.following,
    }[callback.args[0]]
    await handler(update, context)
    return None


async def _set_language(
    update: Update, context: Context, callback: Callback, lang: str
) -> str | None:
    await commands.choose_language(update, context, callback.args[0])
    return None


async def _follow(update: Update, context: Context, callback: Callback, lang: str) -> str | None:
    project_id, user = project_id_for(context, callback.args[0]), update.effective_user
    if project_id is None or user is None:
        return t("stale_button", lang)
    storage = services(context).storage
    if callback.kind == "f":
        await storage.follow(user.id, project_id)
        return t("follow.done", lang)
    await storage.unfollow(user.id, project_id)
    return t("unfollow.done", lang)


async def _feedback(update: Update, context: Context, callback: Callback, lang: str) -> str | None:
    user = update.effective_user
    question_id, value = int(callback.args[0]), 1 if callback.args[1] == "+" else -1
    if user is None or not await services(context).storage.set_feedback(
        question_id, user.id, value
    ):
        return t("stale_button", lang)
    return t("feedback.thanks", lang)


ACTIONS: dict[str, Action] = {
    "p": _show_project,
    "t": _show_project,
    "l": _page,
    "m": _menu,
    "g": _set_language,
    "f": _follow,
    "u": _follow,
    "fb": _feedback,
    "b": admin.on_admin_button,
    "fl": flows.on_flow_button,
    "ex": editors.on_export_button,
    "q": tickets.on_button,
    "s": staff.on_button,
}
