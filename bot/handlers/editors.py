"""Editors' commands: a .yaml document checked and applied, /history, /undo, /export."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable, Sequence

from telegram import Document, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.handlers import flows
from bot.handlers.callbacks import Callback, project_key, resolve
from bot.handlers.common import Context, html_text, language, reply, services
from bot.handlers.guards import editor_only
from bot.handlers.keyboards import label
from bot.handlers.messages import on_other, on_text
from bot.knowledge import Problem
from bot.services.container import Services
from bot.services.editing import ROOT_NAMES, Check, EditError, check_size, decode, file_name
from bot.services.exporting import knowledge_zip
from bot.services.hours import local_minute
from bot.services.problem_texts import problem_text
from bot.storage import FlowState
from bot.texts import errors as error_count
from bot.texts import t

SHOWN_PROBLEMS = 25
EXPORT_BUTTONS = 40  # projects offered as buttons; any other: /export ID
ALL = "#all"
MAX_SHOWN = 64  # characters of a name typed after /export echoed back


def problems_block(problems: Sequence[Problem], lang: str) -> str:
    """FILE:LINE:COLUMN: message lines in the editor's language, fitting one message."""
    lines = "\n".join(problem_text(p, lang) for p in problems[:SHOWN_PROBLEMS])
    more = f"\n… +{len(problems) - SHOWN_PROBLEMS}" if len(problems) > SHOWN_PROBLEMS else ""
    return f"<pre>{html.escape(lines[:3300] + more)}</pre>"


def check_html(check: Check, lang: str) -> str:
    """The problems of a rejected file, or the summary of what an accepted one changes."""
    errors = [p for p in check.problems if p.is_error]
    if errors:
        heading = html_text(
            "edit.rejected", lang, name=check.name, errors=error_count(len(errors), lang)
        )
        return f"{heading}\n{problems_block(errors, lang)}"
    if check.created:
        lines = [t("edit.created", lang, name=check.name)]
    elif not check.changes:
        lines = [t("edit.unchanged", lang, name=check.name)]
    else:
        lines = [t("edit.changed", lang, name=check.name)]
    for change in check.changes if not check.created else ():
        key = "edit.change.value" if change.old and change.new else "edit.change.long"
        key = "edit.change.added" if change.added else key
        key = "edit.change.removed" if change.removed else key
        lines.append(t(key, lang, field=change.name, old=change.old, new=change.new))
    text = html.escape("\n".join(lines))
    if check.problems:
        warnings = html_text("edit.warnings", lang)
        text += f"\n\n{warnings}\n{problems_block(check.problems, lang)}"
    return text


async def on_document(update: Update, context: Context) -> None:
    """An editor's .yaml document: downloaded, checked against the whole base, then either its
    problems (nothing changes) or a summary with Apply / Cancel."""
    message, user, svc = update.effective_message, update.effective_user, services(context)
    if message is None or message.document is None or user is None:
        return
    if not svc.is_editor(user.id):  # a citizen's file is like a photo: its caption is asked
        await (on_text if message.caption else on_other)(update, context)
        return
    lang = await language(update, context)
    try:
        name, text = await _read(message.document)
    except EditError as error:
        await reply(update, context, html_text(error.key, lang, **error.args_))
        return
    name = svc.editor.place(name)  # a project kept in a sub-folder, or as .yml
    check = await svc.editor.check(name, text, lang)
    if not check.ok:
        await reply(update, context, check_html(check, lang))
        return
    state = await svc.flows.start(
        user.id,
        message.chat_id,
        "upload",
        "confirm",
        name=name,
        text=text,
        hash=check.expected_hash,
    )
    question = check_html(check, lang) + "\n\n" + html_text("edit.confirm", lang)
    await reply(update, context, question, flows.confirm_markup(state, "button.apply", lang))


async def _read(document: Document) -> tuple[str, str]:
    """The knowledge file a document is and its text; EditError when it cannot be one."""
    name = file_name(document.file_name or "")
    check_size(document.file_size or 0)  # before downloading it
    try:
        raw = await (await document.get_file()).download_as_bytearray()
    except TelegramError:
        raise EditError("edit.download_failed") from None
    return name, decode(bytes(raw))


Change = Callable[[Services, FlowState, str], Awaitable[tuple[str, dict[str, object]]]]


async def finish(
    update: Update, context: Context, state: FlowState, lang: str, change: Change
) -> None:
    """End the flow, make its change and say how it went (or why it was refused)."""
    svc = services(context)
    await svc.flows.end(state.user_id)
    try:
        key, values = await change(svc, state, lang)
    except EditError as error:
        key, values = error.key, error.args_
    await reply(update, context, html_text(key, lang, **values))


def on_confirm(change: Change) -> flows.ButtonStep:
    """The button of a flow whose only step is its confirmation."""

    async def confirmed(
        update: Update, context: Context, state: FlowState, action: str, lang: str
    ) -> str | None:
        if action != flows.CONFIRM:
            return t("stale_button", lang)
        await finish(update, context, state, lang, change)
        return None

    return confirmed


async def _apply_upload(
    svc: Services, state: FlowState, lang: str
) -> tuple[str, dict[str, object]]:
    name, text, expected = state.data["name"], state.data["text"], state.data["hash"]
    applied = await svc.editor.apply(
        name, text, state.user_id, expected_hash=expected, reason="upload", lang=lang
    )
    return "edit.applied", {"name": name, "id": applied.edit_id}


@editor_only
async def history(update: Update, context: Context) -> None:
    """The latest changes made through the bot."""
    lang = await language(update, context)
    records = await services(context).storage.edits(15)
    if not records:
        await reply(update, context, html_text("history.none", lang))
        return
    lines = [t("history.title", lang)]
    for record in records:
        undone = t("history.undone", lang, by=record.undone_by) if record.undone_by else ""
        lines.append(
            t(
                "history.row",
                lang,
                id=record.id,
                when=local_minute(record.made_at),
                file=record.file,
                editor=record.editor_id,
                reason=reason_text(record.reason, lang),
                undone=undone,
            )
        )
    await reply(update, context, html.escape("\n".join(lines)))


REASONS = (
    (re.compile(r"upload"), "history.reason.upload"),
    (re.compile(r"news added to (?P<project>\S+)"), "history.reason.news"),
    (re.compile(r"undo: change #(?P<id>\d+)"), "history.reason.undo"),
    (re.compile(r"ticket #(?P<id>\d+): learn"), "history.reason.learn"),
)


def reason_text(reason: str, lang: str) -> str:
    """Why a change was made, in the editor's language (the stored reason is English)."""
    for pattern, key in REASONS:
        found = pattern.fullmatch(reason)
        if found:
            return t(key, lang, **found.groupdict())
    return reason


@editor_only
async def undo(update: Update, context: Context) -> None:
    """Offer to undo the last change (confirmed by a button)."""
    lang, svc, user = await language(update, context), services(context), update.effective_user
    record = await svc.storage.last_undoable()
    if record is None or user is None or update.effective_chat is None:
        await reply(update, context, html_text("edit.nothing_to_undo", lang))
        return
    state = await svc.flows.start(
        user.id, update.effective_chat.id, "undo", "confirm", edit=record.id
    )
    when = local_minute(record.made_at)
    text = html_text(
        "undo.confirm", lang, id=record.id, file=record.file, when=when, editor=record.editor_id
    )
    await reply(update, context, text, flows.confirm_markup(state, "button.undo", lang))


async def _apply_undo(svc: Services, state: FlowState, lang: str) -> tuple[str, dict[str, object]]:
    applied = await svc.editor.undo(state.user_id, int(state.data["edit"]))
    values = {"undone": state.data["edit"], "name": applied.check.name, "id": applied.edit_id}
    return "undo.done", values


@editor_only
async def export(update: Update, context: Context) -> None:
    """/export ID sends a project's file; /export alone offers the files as buttons."""
    lang, svc = await language(update, context), services(context)
    if context.args:
        asked = context.args[0].lower().removesuffix(".yaml")
        try:
            name = file_name(f"{asked}.yaml")
        except EditError:  # not even a file's name: no such project
            shown = asked[:MAX_SHOWN] + ("…" if len(asked) > MAX_SHOWN else "")
            await reply(update, context, html_text("edit.unknown_project", lang, project=shown))
            return
        await send_export(update, context, name, lang)
        return

    def row(label: str, key: str) -> list[InlineKeyboardButton]:
        return [InlineKeyboardButton(label, callback_data=Callback("ex", (key,)).encode())]

    rows = [row(t("export.all", lang), ALL), *(row(name, f"#{name[:-5]}") for name in ROOT_NAMES)]
    for project in svc.knowledge.knowledge.projects[:EXPORT_BUTTONS]:
        rows.append(row(label(f"{project.id} – {project.name(lang)}"), project_key(project.id)))
    await reply(update, context, html_text("export.choose", lang), InlineKeyboardMarkup(rows))


async def on_export_button(
    update: Update, context: Context, callback: Callback, lang: str
) -> str | None:
    """A file chosen to export (editors only; others see a stale button)."""
    svc, user, key = services(context), update.effective_user, callback.args[0]
    if user is None or not svc.is_editor(user.id):
        return t("stale_button", lang)
    roots = {f"#{name[:-5]}": name for name in ROOT_NAMES}
    project = resolve(key, [p.id for p in svc.knowledge.knowledge.projects])
    name = roots.get(key) or (f"projects/{project}.yaml" if project else None)
    if key != ALL and name is None:
        return t("stale_button", lang)
    await send_export(update, context, name, lang)
    return None


async def send_export(update: Update, context: Context, name: str | None, lang: str) -> None:
    """Send one knowledge file ('faq.yaml', 'projects/ID.yaml'), or all of them (None) as a zip."""
    svc, chat = services(context), update.effective_chat
    if chat is None:
        return
    if name is None:
        data, shown = await asyncio.to_thread(knowledge_zip, svc.editor.root), "knowledge.zip"
    else:
        text = svc.editor.current(svc.editor.place(name))
        if text is None:
            project = name.removeprefix("projects/").removesuffix(".yaml")
            await reply(update, context, html_text("edit.unknown_project", lang, project=project))
            return
        data, shown = text.encode("utf-8"), name.rsplit("/", 1)[-1]  # the name to send back
    caption = html_text("export.caption", lang)
    await context.bot.send_document(chat.id, data, filename=shown, caption=caption)


flows.register("upload", flows.FlowKind(on_confirm(_apply_upload)))
flows.register("undo", flows.FlowKind(on_confirm(_apply_undo)))
