"""What /addnews needs besides the edit path: finding the project from a few typed words and
reading the editor's answers (texts in one or two languages, a link, a date)."""

from __future__ import annotations

import datetime as dt
import re

from rapidfuzz import fuzz

from bot.knowledge import Project
from bot.knowledge.fields import written_date
from bot.services.announcements import SEPARATOR

MAX_TITLE, MAX_TEXT = 300, 3000
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)


class AnswerError(ValueError):
    """An answer the flow cannot take; key and values name the message to show."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def find_projects(projects: tuple[Project, ...], query: str, limit: int = 8) -> list[Project]:
    """The projects whose id, titles or aliases match the typed words best."""
    wanted = query.casefold().strip()
    scored = []
    for project in projects:
        names = [project.id, *(project.name(lang) for lang in ("bg", "en")), *project.aliases]
        names += [project.title.get(lang) for lang in ("bg", "en")]
        score = max(fuzz.partial_ratio(wanted, name.casefold()) for name in names)
        if score >= 75:
            starts = any(_starts_a_word(wanted, name.casefold()) for name in names)
            scored.append((-score, not starts, project.id, project))
    scored.sort(key=lambda entry: entry[:3])  # "ring": ring-road before monitoring-policies
    return [entry[3] for entry in scored[:limit]]


def _starts_a_word(wanted: str, name: str) -> bool:
    return re.search(rf"(?:^|[^\w]){re.escape(wanted)}", name) is not None


def versions(raw: str, lang: str, limit: int) -> dict[str, str]:
    """{lang: text}, or {bg:, en:} when a line with only --- separates two versions."""
    parts = [part.strip() for part in SEPARATOR.split(raw.strip(), maxsplit=1)]
    parts = [part for part in parts if part]
    for part in parts:
        if len(part) > limit:
            raise AnswerError("addnews.too_long", length=len(part), limit=limit)
    if len(parts) == 2:
        return {"bg": parts[0], "en": parts[1]}
    return {lang: parts[0]} if parts else {}


def link(raw: str) -> str:
    """An absolute http(s) address."""
    text = raw.strip()
    if not _URL.fullmatch(text):
        raise AnswerError("addnews.bad_link")
    return text


def date(raw: str) -> dt.date:
    """2026-12-01, or 1.12.2026 and "1 декември 2026" as Bulgarians write it."""
    text = raw.strip()
    try:
        written = written_date(text)
        return dt.date(*written) if written else dt.date.fromisoformat(text)
    except ValueError:
        raise AnswerError("addnews.bad_date", text=text[:40]) from None
