"""Admins' announcements: drafting (text, optional English, audience), checking and sending."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.services.html_check import ParseError, parse_html, units
from bot.storage import Storage

SEPARATOR = re.compile(r"^\s*---\s*$", re.MULTILINE)
MAX_LENGTH = 4096


class DraftError(ValueError):
    """The admin's text cannot be sent; key and values name the message to show."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


@dataclass
class Draft:
    """An announcement being prepared by one admin."""

    number: int
    text_bg: str = ""
    text_en: str | None = None
    project: str | None = None
    stage: str = "text"


def split_versions(raw: str) -> tuple[str, str | None]:
    """The Bulgarian text and, after a line with only ---, the English one; both checked."""
    parts = SEPARATOR.split(raw.strip(), maxsplit=1)
    texts = [part.strip() for part in parts if part.strip()]
    if not texts:
        raise DraftError("admin.prompt")
    for text in texts:
        try:
            plain = parse_html(text)
        except ParseError as error:
            raise DraftError("admin.bad_html", error=str(error)) from None
        if units(plain) > MAX_LENGTH:  # as Telegram counts: an emoji is two
            raise DraftError("admin.too_long", length=units(plain))
    return texts[0], texts[1] if len(texts) > 1 else None


class AnnouncementDesk:
    """The drafts of every admin, and turning a finished draft into a stored broadcast."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.drafts: dict[int, Draft] = {}
        self._numbers = itertools.count(1)

    def begin(self, admin_id: int) -> Draft:
        """Start a new draft (replacing an unfinished one)."""
        draft = Draft(next(self._numbers))
        self.drafts[admin_id] = draft
        return draft

    def draft(self, admin_id: int, number: int | None = None) -> Draft | None:
        """The admin's current draft (the given one, if a number is given)."""
        draft = self.drafts.get(admin_id)
        return draft if draft and (number is None or draft.number == number) else None

    def set_text(self, admin_id: int, raw: str) -> Draft:
        """Check and store the text; raises DraftError."""
        draft = self.drafts[admin_id]
        draft.text_bg, draft.text_en = split_versions(raw)
        draft.stage = "audience"
        return draft

    async def options(self) -> tuple[int, dict[str, int]]:
        """Subscribers, and followers per project."""
        return len(await self.storage.audience(None)), await self.storage.follower_counts()

    async def choose(self, admin_id: int, project: str | None) -> int:
        """Set the audience; returns how many would receive it now."""
        draft = self.drafts[admin_id]
        draft.project, draft.stage = project, "confirm"
        return len(await self.storage.audience(project))

    def cancel(self, admin_id: int) -> bool:
        """Drop the admin's draft; False if there was none."""
        return self.drafts.pop(admin_id, None) is not None

    async def commit(self, admin_id: int) -> int:
        """Store the broadcast and its deliveries; returns the broadcast id."""
        draft = self.drafts.pop(admin_id)
        recipients = await self.storage.audience(draft.project)
        return await self.storage.create_broadcast(
            draft.text_bg, draft.text_en, draft.project, recipients, admin_id
        )
