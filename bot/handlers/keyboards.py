"""Inline keyboards: the main menu, a project's topics, suggestions, the project list."""

from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.handlers.callbacks import Callback, project_key
from bot.knowledge import Project
from bot.services.assistant import ProjectPage
from bot.texts import t

TOPIC_BUTTONS = ("summary", "budget", "dates", "activities", "results", "news", "contacts")
STATUS_MARK = {"ongoing": "🟢", "planned": "🟡", "completed": "✅"}
MAX_LABEL = 60
ONE_COLUMN = 8  # suggestions past this many go two to a row


def _button(text: str, callback: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(label(text), callback_data=callback.encode())


def label(text: str) -> str:
    """A button label short enough to read."""
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _rows(buttons: list[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [buttons[i : i + width] for i in range(0, len(buttons), width)]


def main_menu(lang: str) -> InlineKeyboardMarkup:
    """Projects, Latest news, Contacts, Language."""
    buttons = [
        _button(t(f"button.{name}", lang), Callback("m", (name,)))
        for name in ("projects", "news", "contacts", "language")
    ]
    return InlineKeyboardMarkup(_rows(buttons, 2))


def has_part(project: Project, topic: str) -> bool:
    """Whether the project's record has something for a topic's button (contacts: always, the
    municipality's stand in)."""
    budget = project.budget
    parts = {
        "budget": bool(project.funding) or (budget is not None and budget.stated),
        "dates": project.dated,
        "activities": bool(project.activities),
        "results": bool(project.all_results),
        "news": bool(project.news),
    }
    return parts.get(topic, True)


def project_keyboard(
    project: Project, lang: str, shown: str | None, extra: Iterable[list[InlineKeyboardButton]] = ()
) -> InlineKeyboardMarkup:
    """Buttons for the project's other parts, its news links and any extra rows."""
    key = project_key(project.id)
    topics = [
        _button(t(f"button.topic.{topic}", lang), Callback("t", (key, topic)))
        for topic in TOPIC_BUTTONS
        if topic != shown and has_part(project, topic)
    ]
    rows = _rows(topics, 3)
    news = sorted((n for n in project.news if n.url), key=lambda n: n.date, reverse=True)
    for item in news[:2]:
        title = t("button.news_link", lang, title=item.title.get(lang))
        rows.append([InlineKeyboardButton(label(title), url=item.url)])
    rows.extend(extra)
    return InlineKeyboardMarkup(rows)


def suggestions(projects: Iterable[Project], lang: str) -> InlineKeyboardMarkup:
    """One button per suggested project, one to a row (two past ONE_COLUMN of them)."""
    buttons = [_button(p.name(lang), Callback("p", (project_key(p.id),))) for p in projects]
    return InlineKeyboardMarkup(_rows(buttons, 1 if len(buttons) <= ONE_COLUMN else 2))


def project_list(page: ProjectPage, lang: str) -> InlineKeyboardMarkup | None:
    """One button per project on the page, and the page navigation (none: no projects yet)."""
    if not page.projects:
        return None
    rows = [
        [
            _button(
                f"{STATUS_MARK.get(p.status, '')} {p.name(lang)}",
                Callback("p", (project_key(p.id),)),
            )
        ]
        for p in page.projects
    ]
    nav = []
    if page.page > 0:
        nav.append(_button(t("button.previous", lang), Callback("l", (str(page.page - 1),))))
    if page.page + 1 < page.pages:
        nav.append(_button(t("button.next", lang), Callback("l", (str(page.page + 1),))))
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows)


def languages() -> InlineKeyboardMarkup:
    """Български / English."""
    return InlineKeyboardMarkup(
        [[_button(t(f"button.lang.{code}", code), Callback("g", (code,))) for code in ("bg", "en")]]
    )


def unfollow_list(projects: Iterable[Project], lang: str) -> InlineKeyboardMarkup:
    """One 'stop following' button per followed project."""
    return InlineKeyboardMarkup(
        [[_button(f"🔕 {p.name(lang)}", Callback("u", (project_key(p.id),)))] for p in projects]
    )
