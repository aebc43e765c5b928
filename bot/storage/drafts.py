"""Citizens' questions to the municipality before they are sent: kept so a restart loses none."""

from __future__ import annotations

from dataclasses import astuple, dataclass

from bot.storage.base import StorageBase, now


@dataclass(frozen=True)
class Draft:
    """A citizen's question before it is sent: its text, the bot's guesses, a shared contact."""

    text: str
    project: str | None = None
    topic: str | None = None
    confidence: float = 0.0
    contact: str | None = None


class DraftStore(StorageBase):
    """The unsent questions, one per user."""

    async def save_draft(self, user_id: int, draft: Draft) -> None:
        """Keep the user's draft (it replaces the one before)."""
        await self.execute(
            "INSERT OR REPLACE INTO ticket_drafts "
            "(user_id, text, project, topic, confidence, contact, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (user_id, *astuple(draft), now()),
        )

    async def drop_draft(self, user_id: int) -> None:
        """Forget the user's draft."""
        await self.execute("DELETE FROM ticket_drafts WHERE user_id = ?", (user_id,))

    async def drafts(self, since: str, limit: int) -> list[tuple[int, Draft]]:
        """The drafts changed since a time, oldest first (at most limit); older ones are deleted."""
        await self.execute("DELETE FROM ticket_drafts WHERE updated_at < ?", (since,))
        rows = await self.fetch_all(
            "SELECT user_id, text, project, topic, confidence, contact FROM ticket_drafts "
            "ORDER BY updated_at DESC LIMIT ?",
            (limit,),
        )
        found = [(int(r[0]), Draft(str(r[1]), r[2], r[3], float(r[4]), r[5])) for r in rows]
        return found[::-1]
