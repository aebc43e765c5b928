"""A citizen's question to the municipality before it is sent: kept in memory for every message's
quick check, and in the database so that a restart loses none."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.storage import Draft, Storage

MAX_QUESTION = 3000  # characters: the post in the group stays under Telegram's 4096
MAX_DRAFTS = 10_000  # unfinished questions kept
DRAFT_DAYS = 7  # an unfinished question older than this is forgotten

log = logging.getLogger(__name__)


class TicketError(Exception):
    """A citizen's or a staff member's input that cannot be used; key names the text to show."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def utc_now() -> dt.datetime:
    """The current time (UTC)."""
    return dt.datetime.now(dt.UTC)


def checked(text: str, limit: int) -> str:
    """text stripped; TicketError when it is empty or longer than limit characters."""
    text = text.strip()
    if not text:
        raise TicketError("ticket.empty")
    if len(text) > limit:
        raise TicketError("ticket.too_long", length=len(text), limit=limit)
    return text


class CitizenDrafts:
    """The citizens' unsent questions, one per user."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self._drafts: dict[int, Draft] = {}
        self.clock: Callable[[], dt.datetime] = utc_now  # tests set the time of day

    async def restore(self) -> int:
        """Take back the drafts kept before a restart (older than DRAFT_DAYS go); how many."""
        since = (self.clock() - dt.timedelta(days=DRAFT_DAYS)).isoformat(timespec="seconds")
        kept = await self.storage.drafts(since, MAX_DRAFTS)
        for user_id, draft in kept:
            self._remember(user_id, draft)
        return len(kept)

    async def begin(self, user_id: int, question_id: int) -> Draft:
        """A draft from a question the user asked (empty when it is not in the log)."""
        row = await self.storage.asked(question_id, user_id)
        return await self._keep(user_id, Draft(*row) if row else Draft(""))

    def _remember(self, user_id: int, draft: Draft) -> None:
        self._drafts.pop(user_id, None)
        self._drafts[user_id] = draft
        while len(self._drafts) > MAX_DRAFTS:  # the oldest unfinished ones go
            self._drafts.pop(next(iter(self._drafts)))

    async def _keep(self, user_id: int, draft: Draft) -> Draft:
        self._remember(user_id, draft)
        await self._store(self.storage.save_draft(user_id, draft))
        return draft

    @staticmethod
    async def _store(write: Awaitable[None]) -> None:
        """A draft's write, best effort: a busy or full database keeps it in memory only."""
        try:
            await write
        except sqlite3.Error as error:
            log.warning("a citizen's draft question is kept in memory only: %s", error)

    def draft(self, user_id: int) -> Draft | None:
        """The user's draft, if one waits."""
        return self._drafts.get(user_id)

    async def set_text(self, user_id: int, text: str) -> Draft:
        """Replace the draft's text (TicketError: empty or too long; the draft stays)."""
        draft = self._drafts.get(user_id) or Draft("")
        return await self._keep(user_id, replace(draft, text=checked(text, MAX_QUESTION)))

    async def set_contact(self, user_id: int, contact: str) -> Draft | None:
        """Add the contact the user shared to the draft."""
        draft = self._drafts.get(user_id)
        if draft is None:
            return None
        return await self._keep(user_id, replace(draft, contact=contact[:200]))

    async def drop(self, user_id: int) -> None:
        """Forget the user's draft."""
        if self._drafts.pop(user_id, None) is not None:
            await self._store(self.storage.drop_draft(user_id))
