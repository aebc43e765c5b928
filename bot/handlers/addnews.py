"""/addnews: project (buttons or typed words), title, text, optional link, date, preview,
publish; the item is written into the project's file and its followers are notified once."""

from __future__ import annotations

import datetime as dt
import html
import secrets

from telegram import InlineKeyboardMarkup, Update

from bot.engine import formatting
from bot.handlers import flows
from bot.handlers.callbacks import project_key, resolve
from bot.handlers.common import Context, html_text, language, reply, services
from bot.handlers.editors import finish
from bot.handlers.guards import editor_only
from bot.handlers.keyboards import label
from bot.services import newsdraft
from bot.services.container import Services
from bot.services.editing import news_item
from bot.storage import FlowState
from bot.texts import t

ASK = {
    "project": "addnews.project",
    "title": "addnews.title",
    "text": "addnews.text",
    "link": "addnews.link",
    "date": "addnews.date",
}


def _ask(state: FlowState, lang: str) -> str | None:
    """The question of the step (None at the last one: it waits for Publish or Cancel)."""
    key = ASK.get(state.step)
    return t(key, lang, project=state.data.get("name", "")) if key else None


@editor_only
async def addnews(update: Update, context: Context) -> None:
    """Start the flow; words after the command search the project at once."""
    lang = await language(update, context)
    state = await flows.begin(update, context, "addnews", "project")
    if state is not None:
        await _choose(update, context, state, " ".join(context.args or ()), lang)


async def _choose(
    update: Update, context: Context, state: FlowState, query: str, lang: str
) -> None:
    projects = services(context).knowledge.knowledge.projects
    found = newsdraft.find_projects(projects, query) if query.strip() else list(projects[:10])
    if not found:
        await reply(update, context, html_text("addnews.no_match", lang, query=query[:60]))
        return
    rows = [[flows.flow_button(state, project_key(p.id), label(p.name(lang)))] for p in found]
    await reply(update, context, html_text("addnews.project", lang), InlineKeyboardMarkup(rows))


async def _on_text(
    update: Update, context: Context, state: FlowState, text: str, lang: str
) -> None:
    svc = services(context)
    try:
        if state.step == "project":
            await _choose(update, context, state, text, lang)
        elif state.step in ("title", "text"):
            limit = newsdraft.MAX_TITLE if state.step == "title" else newsdraft.MAX_TEXT
            answer = newsdraft.versions(text, lang, limit)
            following = "text" if state.step == "title" else "link"
            state = await svc.flows.advance(state, following, **{state.step: answer})
            await _ask_next(update, context, state, lang)
        elif state.step == "link":
            state = await svc.flows.advance(state, "date", link=newsdraft.link(text))
            await _ask_next(update, context, state, lang)
        else:  # the date
            await _preview(update, context, state, newsdraft.date(text), lang)
    except newsdraft.AnswerError as error:
        await reply(update, context, html_text(error.key, lang, **error.values))


async def _ask_next(update: Update, context: Context, state: FlowState, lang: str) -> None:
    buttons = {
        "link": [flows.flow_button(state, flows.SKIP, t("button.skip_link", lang))],
        "date": [flows.flow_button(state, flows.TODAY, t("button.today", lang))],
    }.get(state.step)
    markup = InlineKeyboardMarkup([buttons]) if buttons else None
    await reply(update, context, html.escape(_ask(state, lang) or ""), markup)


async def _preview(
    update: Update, context: Context, state: FlowState, day: dt.date, lang: str
) -> None:
    svc = services(context)
    project = svc.knowledge.knowledge.project(state.data["project"])
    if project is None:
        await svc.flows.end(state.user_id)
        await reply(
            update,
            context,
            html_text("edit.unknown_project", lang, project=state.data["project"]),
        )
        return
    state = await svc.flows.advance(state, "confirm", date=day.isoformat())
    followers = len(await svc.storage.audience(project.id))
    texts = {key: " / ".join(state.data.get(key, {}).values()) for key in ("title", "text")}
    text = t(
        "addnews.preview",
        lang,
        project=project.name(lang),
        date=formatting.date(day, lang),
        title=texts["title"],
        text=texts["text"],
        link=state.data.get("link", ""),
        followers=followers,
    )
    await reply(
        update, context, html.escape(text), flows.confirm_markup(state, "button.publish", lang)
    )


async def _on_button(
    update: Update, context: Context, state: FlowState, action: str, lang: str
) -> str | None:
    svc = services(context)
    if state.step == "project":
        project_id = resolve(action, [p.id for p in svc.knowledge.knowledge.projects])
        if project_id is None:
            return t("stale_button", lang)
        project = svc.knowledge.knowledge.project(project_id)
        state = await svc.flows.advance(
            state, "title", project=project_id, name=project.name(lang) if project else project_id
        )
        await _ask_next(update, context, state, lang)
    elif state.step == "link" and action == flows.SKIP:
        state = await svc.flows.advance(state, "date")
        await _ask_next(update, context, state, lang)
    elif state.step == "date" and action == flows.TODAY:
        await _preview(update, context, state, dt.date.today(), lang)
    elif state.step == "confirm" and action == flows.CONFIRM:
        await finish(update, context, state, lang, _publish)
    else:
        return t("stale_button", lang)
    return None


async def _publish(svc: Services, state: FlowState, lang: str) -> tuple[str, dict[str, object]]:
    data = state.data
    stamp = f"{dt.date.today():%Y%m%d}-{secrets.token_hex(3)}"
    day = dt.date.fromisoformat(data["date"])
    item = news_item(data["title"], data.get("text"), data.get("link"), day, stamp)
    draft = svc.editor.add_news(data["project"], item)  # into the file as it is now
    applied = await svc.editor.apply_draft(draft, state.user_id, f"news added to {data['project']}")
    return "addnews.done", {"name": draft.name, "id": applied.edit_id}


flows.register("addnews", flows.FlowKind(_on_button, _on_text, _ask))
