"""Admin commands: /broadcast, /broadcasts, /stats, /unanswered, /reload; refused to others."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update

from bot.handlers.callbacks import Callback, project_key, resolve
from bot.handlers.common import Context, html_text, language, reply, services
from bot.handlers.delivery import broadcasts_text, progress_text
from bot.handlers.flows import (
    CANCEL,
    CONFIRM,
    EVERYONE,
    FlowKind,
    begin,
    confirm_markup,
    flow_button,
    register,
)
from bot.handlers.guards import admin_only
from bot.knowledge import Problem
from bot.services.announcements import DraftError, split_versions
from bot.services.insights import (
    collect_stats,
    render_stats,
    render_unanswered,
    stats_chart,
    unanswered_groups,
)
from bot.services.problem_texts import problem_text
from bot.services.progress import progress_of
from bot.storage import FlowState
from bot.texts import t

FORMATTING = frozenset(
    {
        MessageEntity.BOLD,
        MessageEntity.ITALIC,
        MessageEntity.UNDERLINE,
        MessageEntity.STRIKETHROUGH,
        MessageEntity.SPOILER,
        MessageEntity.CODE,
        MessageEntity.PRE,
        MessageEntity.TEXT_LINK,
        MessageEntity.BLOCKQUOTE,
        MessageEntity.EXPANDABLE_BLOCKQUOTE,
        MessageEntity.CUSTOM_EMOJI,
    }
)


def _days(context: Context, default: int = 30) -> int | None:
    """The days a report covers (0 is the last day), or None when the argument is no such number."""
    arg = context.args[0] if context.args else ""
    if not arg:
        return default
    return max(1, min(int(arg), 3650)) if arg.isdecimal() else None


@admin_only
async def broadcast(update: Update, context: Context) -> None:
    """Start an announcement; the text may follow the command or come in the next message."""
    lang, state = await language(update, context), await begin(update, context, "broadcast", "text")
    message = update.effective_message
    if state is None:
        return
    text = (message.text or "").partition(" ")[2] if message else ""
    if text.strip():
        await _take_text(update, context, state, text, lang)
    else:
        await reply(update, context, html_text("admin.prompt", lang))


async def _on_draft_text(
    update: Update, context: Context, state: FlowState, text: str, lang: str
) -> None:
    """The admin's message while the draft waits for its text (with its formatting)."""
    message = update.effective_message
    await _take_text(
        update, context, state, (_draft_html(message) if message else "") or text, lang
    )


def _draft_html(message: Message) -> str:
    """Formatting applied in Telegram as tags; without it, the text as typed (tags and all)."""
    if any(entity.type in FORMATTING for entity in message.entities):
        return message.text_html
    return message.text or ""


async def _take_text(
    update: Update, context: Context, state: FlowState, text: str, lang: str
) -> None:
    svc = services(context)
    try:
        text_bg, text_en = split_versions(text)
    except DraftError as error:
        await reply(update, context, html_text(error.key, lang, **error.values))
        return
    state = await svc.flows.advance(state, "audience", text_bg=text_bg, text_en=text_en)
    subscribers, followers = await svc.desk.options()
    rows = [[flow_button(state, EVERYONE, t("admin.audience.all", lang, count=subscribers))]]
    for project_id, count in sorted(followers.items(), key=lambda kv: -kv[1])[:10]:
        project = svc.assistant.project(project_id)
        if project:
            label = f"🔔 {project.name(lang)[:45]} ({count})"
            rows.append([flow_button(state, project_key(project_id), label)])
    rows.append([flow_button(state, CANCEL, t("button.cancel", lang))])
    await reply(update, context, html_text("admin.audience", lang), InlineKeyboardMarkup(rows))


async def _on_draft_button(
    update: Update, context: Context, state: FlowState, action: str, lang: str
) -> str | None:
    """The audience (every field checked: a project that is gone is never 'everyone'), then
    Send, which checks the audience again."""
    svc = services(context)
    if not svc.is_admin(state.user_id):
        return t("stale_button", lang)
    if state.step == "audience":
        project = None
        if action != EVERYONE:
            project = resolve(action, [p.id for p in svc.knowledge.knowledge.projects])
            if project is None:
                return t("stale_button", lang)
        state = await svc.flows.advance(state, "confirm", project=project)
        await _preview(update, context, state, len(await svc.storage.audience(project)), lang)
    elif state.step == "confirm" and action == CONFIRM:
        await svc.flows.end(state.user_id)
        project = state.data.get("project")
        if project is not None and svc.knowledge.knowledge.project(project) is None:
            await reply(update, context, html_text("admin.audience_gone", lang))
            return None
        data = state.data
        broadcast_id = await svc.desk.commit(
            state.user_id, data["text_bg"], data.get("text_en"), project
        )
        if broadcast_id is None:
            await reply(update, context, html_text("admin.no_recipients", lang))
            return None
        progress = await progress_of(svc.storage, broadcast_id)
        if progress is not None:
            [status] = await reply(update, context, html.escape(progress_text(progress, lang)))
            await svc.storage.set_status_message(
                broadcast_id, status.chat_id, status.message_id, lang
            )
        svc.dispatcher().wake()  # only the dispatcher starts a broadcast
    else:
        return t("stale_button", lang)
    return None


async def on_admin_button(
    update: Update, context: Context, callback: Callback, lang: str
) -> str | None:
    """The stop button of a running broadcast; refused (as stale) to non-admins."""
    svc, user = services(context), update.effective_user
    if user is None or not svc.is_admin(user.id) or callback.args[1] != "stop":
        return t("stale_button", lang)
    number = int(callback.args[0])
    row = await svc.storage.broadcast(number)  # only one that exists and still goes
    if row is None or row.state not in ("queued", "running"):
        return t("stale_button", lang)
    await svc.dispatcher().cancel(number)
    return t("admin.stopping", lang)


async def _preview(
    update: Update, context: Context, state: FlowState, count: int, lang: str
) -> None:
    for text in (state.data["text_bg"], state.data.get("text_en")):
        if text:
            await reply(update, context, text)
    if count == 0:
        await services(context).flows.end(state.user_id)
        await reply(update, context, html_text("admin.no_recipients", lang))
        return
    markup = confirm_markup(state, "button.send", lang)
    await reply(update, context, html_text("admin.preview", lang, count=count), markup)


def _draft_question(state: FlowState, lang: str) -> str | None:
    return t("admin.prompt", lang) if state.step == "text" else None


register("broadcast", FlowKind(_on_draft_button, _on_draft_text, _draft_question))


@admin_only
async def broadcasts(update: Update, context: Context) -> None:
    """The latest broadcasts; running ones can be stopped."""
    lang, svc = await language(update, context), services(context)
    listed = await svc.storage.broadcasts(10)
    if not listed:
        await reply(update, context, html_text("admin.list.none", lang))
        return
    stoppable = [row.id for row, _ in listed if row.state in ("queued", "running")]
    text = html.escape(broadcasts_text(listed, lang))
    await reply(update, context, text, stop_markup(stoppable, lang) if stoppable else None)


def stop_markup(broadcast_ids: Sequence[int], lang: str) -> InlineKeyboardMarkup:
    """A Stop button for each broadcast still to be sent."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("button.stop", lang, id=broadcast_id),
                    callback_data=Callback("b", (str(broadcast_id), "stop")).encode(),
                )
            ]
            for broadcast_id in broadcast_ids
        ]
    )


@admin_only
async def stats(update: Update, context: Context) -> None:
    """Usage figures and a chart of questions per day."""
    lang, svc, days = await language(update, context), services(context), _days(context)
    if days is None:
        await reply(update, context, html_text("admin.days_invalid", lang, command="/stats"))
        return
    figures = await collect_stats(svc.storage, days)
    await reply(update, context, render_stats(figures, svc.knowledge.knowledge, lang).html())
    if update.effective_chat and figures.questions:
        await context.bot.send_photo(update.effective_chat.id, stats_chart(figures, lang))


@admin_only
async def unanswered(update: Update, context: Context) -> None:
    """The most frequent questions the bot could not answer, grouped."""
    lang, days = await language(update, context), _days(context)
    if days is None:
        await reply(update, context, html_text("admin.days_invalid", lang, command="/unanswered"))
        return
    groups = await unanswered_groups(services(context).storage, days)
    await reply(update, context, render_unanswered(groups, days, lang).html())


@admin_only
async def reload(update: Update, context: Context) -> None:
    """Reload the knowledge base now; report the validator's messages if it is broken."""
    lang, svc = await language(update, context), services(context)
    result = await svc.reload(force=True)
    if result is not None and result.knowledge is not None:
        counts = result.knowledge.counts()
        await reply(update, context, html_text("reload.ok", lang, **counts))
    elif result is not None:
        root = svc.settings.knowledge_dir
        await reply(update, context, problems_html(result.problems, lang, root))


def problems_html(problems: Sequence[Problem], lang: str, root: Path) -> str:
    """The validator's messages for admins in their language (files named from the knowledge
    folder), shortened to fit one message."""
    lines = "\n".join(problem_text(p, lang, root) for p in problems[:30])
    return f"{html_text('reload.failed', lang)}\n<pre>{html.escape(lines[:3500])}</pre>"
