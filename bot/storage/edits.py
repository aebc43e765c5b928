"""History of the knowledge files changed through the bot, and the multi-step flows in progress."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from bot.storage.base import StorageBase, now


@dataclass(frozen=True)
class EditRecord:
    """One change of one knowledge file made through the bot."""

    id: int
    made_at: str
    editor_id: int
    file: str
    previous: str | None  # None: the file did not exist before
    new_hash: str
    reason: str
    undone_by: int | None


@dataclass(frozen=True)
class FlowState:
    """A user's multi-step flow in progress: its kind, its step and what was answered so far."""

    user_id: int
    chat_id: int
    kind: str
    step: str
    data: dict[str, Any]
    updated_at: float


class EditStore(StorageBase):
    """The edit history (for /history and /undo) and the flows (they survive a restart)."""

    async def record_edit(
        self, editor_id: int, file: str, previous: str | None, new_hash: str, reason: str
    ) -> int:
        """Remember one change; returns its id."""
        return await self.insert(
            "INSERT INTO edits (made_at, editor_id, file, previous, new_hash, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (now(), editor_id, file, previous, new_hash, reason),
        )

    async def edits(self, limit: int = 10) -> list[EditRecord]:
        """The latest changes, newest first."""
        rows = await self.fetch_all("SELECT * FROM edits ORDER BY id DESC LIMIT ?", (limit,))
        return [EditRecord(*row) for row in rows]

    async def edit(self, edit_id: int) -> EditRecord | None:
        """One change by its id."""
        row = await self.fetch_one("SELECT * FROM edits WHERE id = ?", (edit_id,))
        return EditRecord(*row) if row else None

    async def last_undoable(self) -> EditRecord | None:
        """The newest change that is not undone and is not itself an undo."""
        row = await self.fetch_one(
            "SELECT * FROM edits WHERE undone_by IS NULL AND reason NOT LIKE 'undo:%' "
            "ORDER BY id DESC LIMIT 1"
        )
        return EditRecord(*row) if row else None

    async def mark_undone(self, edit_id: int, by: int) -> None:
        """Note that change edit_id was undone by change by."""
        await self.execute("UPDATE edits SET undone_by = ? WHERE id = ?", (by, edit_id))

    async def save_flow(self, state: FlowState) -> None:
        """Start or move on the user's flow (one at a time: a new one replaces the old)."""
        await self.execute(
            "INSERT INTO flows (user_id, chat_id, kind, step, data, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
            "chat_id = excluded.chat_id, kind = excluded.kind, step = excluded.step, "
            "data = excluded.data, updated_at = excluded.updated_at",
            (
                state.user_id,
                state.chat_id,
                state.kind,
                state.step,
                json.dumps(state.data, ensure_ascii=False),
                time.time(),
            ),
        )

    async def flow(self, user_id: int) -> FlowState | None:
        """The user's flow in progress, if any."""
        row = await self.fetch_one("SELECT * FROM flows WHERE user_id = ?", (user_id,))
        if row is None:
            return None
        return FlowState(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5])

    async def end_flow(self, user_id: int) -> bool:
        """End the user's flow; False when there was none."""
        return await self.execute("DELETE FROM flows WHERE user_id = ?", (user_id,)) > 0

    async def idle_flows(self, idle_since: float) -> list[FlowState]:
        """The flows left untouched since a time (time.time() seconds)."""
        rows = await self.fetch_all("SELECT user_id FROM flows WHERE updated_at < ?", (idle_since,))
        found = [await self.flow(row[0]) for row in rows]
        return [state for state in found if state is not None]
