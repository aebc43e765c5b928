"""Admins' announcements: drafting (text, optional English, audience), checking and sending."""

from __future__ import annotations

import re

from bot.services.html_check import ParseError, parse_html, units
from bot.storage import Storage

SEPARATOR = re.compile(r"^\s*---\s*$", re.MULTILINE)
MAX_LENGTH = 4096


class DraftError(ValueError):
    """The admin's text cannot be sent; key and values name the message to show."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


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
    """Who an announcement can go to, and turning a confirmed draft into a stored broadcast
    (the draft itself is the admin's flow: bot/services/flows.py)."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    async def options(self) -> tuple[int, dict[str, int]]:
        """Subscribers, and followers per project."""
        return len(await self.storage.audience(None)), await self.storage.follower_counts()

    async def commit(
        self, admin_id: int, text_bg: str, text_en: str | None, project: str | None
    ) -> int | None:
        """Store the broadcast with its recipients as they are now; None when there are none."""
        recipients = await self.storage.audience(project)
        if not recipients:
            return None
        return await self.storage.create_broadcast(text_bg, text_en, project, recipients, admin_id)
