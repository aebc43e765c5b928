"""/start (with deep links), /help, /projects, /news, /contacts, /language."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.handlers import keyboards
from bot.handlers.answers import answer_markup, extra_rows
from bot.handlers.common import Context, html_text, language, reply, services
from bot.handlers.messages import greet
from bot.handlers.staff import erase_posts
from bot.handlers.tickets import ask_row
from bot.services.assistant import ProjectPage

DEEP_LINK_PREFIX = "p_"


async def start(update: Update, context: Context) -> None:
    """Greet with the main menu; `start p_<project-id>` opens that project."""
    lang, svc = await language(update, context), services(context)
    payload = context.args[0] if context.args else ""
    if payload.startswith(DEEP_LINK_PREFIX) and update.effective_chat:
        project_id = payload[len(DEEP_LINK_PREFIX) :]
        answer = svc.assistant.project_answer(update.effective_chat.id, project_id, "summary", lang)
        if answer is not None:
            extra = extra_rows(answer, lang, None, False)
            await reply(
                update,
                context,
                answer.reply.html(),
                answer_markup(answer, svc.assistant, lang, extra),
            )
            return
    gone = payload.startswith(DEEP_LINK_PREFIX)  # a link to a project no longer in the base
    await greet(
        update, context, lang, f"{html_text('start.project_gone', lang)}\n\n" if gone else ""
    )


async def help_command(update: Update, context: Context) -> None:
    """How to ask, and the commands."""
    lang, svc = await language(update, context), services(context)
    markup = keyboards.main_menu(lang)
    if svc.tickets.enabled:
        markup = InlineKeyboardMarkup([*markup.inline_keyboard, ask_row(lang, None)])
    await reply(update, context, html_text("help", lang), markup)


def project_page_title(page: ProjectPage, lang: str) -> str:
    """'Projects (page 1 of 2). Choose a project:', or that there are none yet."""
    if not page.projects:
        return html_text("projects.none", lang)
    return html_text("projects.title", lang, page=page.page + 1, pages=page.pages)


async def projects(update: Update, context: Context) -> None:
    """The first page of the project list."""
    lang, svc = await language(update, context), services(context)
    page = svc.assistant.project_page(0)
    await reply(update, context, project_page_title(page, lang), keyboards.project_list(page, lang))


async def news(update: Update, context: Context) -> None:
    """The latest news across projects."""
    lang = await language(update, context)
    await reply(update, context, services(context).assistant.latest_news(lang).html())


async def contacts(update: Update, context: Context) -> None:
    """The municipality's contacts."""
    lang = await language(update, context)
    await reply(update, context, services(context).assistant.contacts(lang).html())


LANGUAGE_NAMES = {"bg": "bg", "български": "bg", "bulgarian": "bg", "en": "en", "english": "en"}


async def language_command(update: Update, context: Context) -> None:
    """Set the language named after the command (`/language en`), else offer the two."""
    named = LANGUAGE_NAMES.get(" ".join(context.args or ()).strip().lower())
    if named is not None:
        await choose_language(update, context, named)
        return
    lang = await language(update, context)
    await reply(update, context, html_text("language.choose", lang), keyboards.languages())


async def choose_language(update: Update, context: Context, lang: str) -> None:
    """Store the user's choice and say so, in that language, with the main menu."""
    user = update.effective_user
    if user is None:
        return
    chosen = await services(context).assistant.set_language(user.id, lang)
    await reply(update, context, html_text("language.set", chosen), keyboards.main_menu(chosen))


async def following(update: Update, context: Context) -> None:
    """The projects the user follows, each a button to stop following it."""
    lang, svc, user = await language(update, context), services(context), update.effective_user
    followed = await svc.storage.following(user.id) if user else []
    projects = [p for p in map(svc.assistant.project, followed) if p is not None]
    if not projects:
        await reply(update, context, html_text("following.none", lang))
        return
    await reply(
        update,
        context,
        html_text("following.title", lang),
        keyboards.unfollow_list(projects, lang),
    )


async def subscribe(update: Update, context: Context) -> None:
    """Subscribe to all announcements."""
    lang, user = await language(update, context), update.effective_user
    changed = user is not None and await services(context).storage.set_subscribed(user.id, True)
    await reply(
        update, context, html_text("subscribe.done" if changed else "subscribe.already", lang)
    )


async def unsubscribe(update: Update, context: Context) -> None:
    """Unsubscribe from announcements."""
    lang, user = await language(update, context), update.effective_user
    changed = user is not None and await services(context).storage.set_subscribed(user.id, False)
    key = "unsubscribe.done" if changed else "unsubscribe.already"
    await reply(update, context, html_text(key, lang))


async def forget(update: Update, context: Context) -> None:
    """Erase everything stored about the user."""
    lang, user, chat = await language(update, context), update.effective_user, update.effective_chat
    if user and chat:
        svc = services(context)
        posts = await svc.assistant.forget(user.id, chat.id)
        await svc.tickets.drop(user.id)
        svc.flood.forget(user.id)
        await erase_posts(context, posts)
    await reply(update, context, html_text("forget.done", lang))
