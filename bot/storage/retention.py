"""Retention: finished broadcasts with their deliveries, and idle users who follow nothing."""

from __future__ import annotations

from bot.storage.base import StorageBase


class RetentionStore(StorageBase):
    """Deletes what is kept no longer than its retention period."""

    async def prune_broadcasts(self, older_than: str) -> int:
        """Delete broadcasts finished before a time, with their deliveries; returns how many."""
        finished = (
            "SELECT id FROM broadcasts WHERE state IN ('done', 'cancelled') AND finished_at < ?"
        )
        async with self.transaction() as db:
            await db.execute(
                f"DELETE FROM deliveries WHERE broadcast_id IN ({finished})", (older_than,)
            )
            cursor = await db.execute(
                f"DELETE FROM broadcasts WHERE id IN ({finished})", (older_than,)
            )
            return int(cursor.rowcount)

    async def prune_idle_users(self, older_than: str) -> int:
        """Delete users not seen since a time who follow no project and are not subscribed."""
        return await self.execute(
            "DELETE FROM users WHERE last_seen < ? AND subscribed = 0 "
            "AND NOT EXISTS (SELECT 1 FROM follows WHERE follows.user_id = users.id)",
            (older_than,),
        )
