"""Users, their language, blocking, subscriptions and followed projects."""

from __future__ import annotations

from bot.storage.base import StorageBase, now


class UserStore(StorageBase):
    """The users table and the follows table."""

    async def touch_user(self, user_id: int) -> tuple[str | None, str | None]:
        """Record that a user was seen (unblocking them); returns (chosen, last) language."""
        stamp = now()
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, blocked = 0 "
                "RETURNING language, last_language",
                (user_id, stamp, stamp),
            )
            row = await cursor.fetchone()
        if row is None:
            return None, None
        return (str(row[0]) if row[0] else None), (str(row[1]) if row[1] else None)

    async def set_last_language(self, user_id: int, language: str) -> None:
        """The language the user was last answered in (for announcements)."""
        await self.execute("UPDATE users SET last_language = ? WHERE id = ?", (language, user_id))

    async def set_language(self, user_id: int, language: str) -> None:
        """Store a user's chosen language."""
        await self.touch_user(user_id)
        await self.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))

    async def language(self, user_id: int) -> str | None:
        """A user's chosen language, if any."""
        value: str | None = await self.scalar("SELECT language FROM users WHERE id = ?", (user_id,))
        return value

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        """Mark a user as having blocked (or unblocked) the bot."""
        stamp = now()
        await self.execute(
            "INSERT INTO users (id, first_seen, last_seen, blocked) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET blocked = excluded.blocked",
            (user_id, stamp, stamp, int(blocked)),
        )

    async def is_blocked(self, user_id: int) -> bool:
        """True when the user has blocked the bot."""
        return bool(await self.scalar("SELECT blocked FROM users WHERE id = ?", (user_id,)))

    async def count_users(self) -> int:
        """How many users the bot has seen."""
        return int(await self.scalar("SELECT COUNT(*) FROM users") or 0)

    async def set_subscribed(self, user_id: int, subscribed: bool) -> None:
        """Subscribe a user to all announcements, or unsubscribe."""
        await self.touch_user(user_id)
        await self.execute(
            "UPDATE users SET subscribed = ? WHERE id = ?", (int(subscribed), user_id)
        )

    async def follow(self, user_id: int, project: str) -> None:
        """Follow a project's news."""
        await self.touch_user(user_id)
        await self.execute(
            "INSERT OR IGNORE INTO follows (user_id, project, since) VALUES (?, ?, ?)",
            (user_id, project, now()),
        )

    async def unfollow(self, user_id: int, project: str) -> None:
        """Stop following a project."""
        await self.execute(
            "DELETE FROM follows WHERE user_id = ? AND project = ?", (user_id, project)
        )

    async def is_following(self, user_id: int, project: str) -> bool:
        """True when the user follows the project."""
        return bool(
            await self.scalar(
                "SELECT 1 FROM follows WHERE user_id = ? AND project = ?", (user_id, project)
            )
        )

    async def following(self, user_id: int) -> list[str]:
        """The projects a user follows."""
        rows = await self.fetch_all(
            "SELECT project FROM follows WHERE user_id = ? ORDER BY since", (user_id,)
        )
        return [str(row[0]) for row in rows]

    async def forget(self, user_id: int) -> None:
        """Erase everything stored about a user (/forget)."""
        async with self.transaction() as db:
            for table, column in (
                ("questions", "user_id"),
                ("follows", "user_id"),
                ("deliveries", "user_id"),
                ("users", "id"),
            ):
                await db.execute(f"DELETE FROM {table} WHERE {column} = ?", (user_id,))

    async def audience(self, project: str | None) -> list[tuple[int, str]]:
        """(user id, language) of the subscribers, or of a project's followers; never blocked."""
        if project is None:
            sql = (
                "SELECT id, COALESCE(language, last_language) FROM users "
                "WHERE subscribed = 1 AND blocked = 0"
            )
            params: tuple[str, ...] = ()
        else:
            sql = (
                "SELECT u.id, COALESCE(u.language, u.last_language) FROM follows f "
                "JOIN users u ON u.id = f.user_id WHERE f.project = ? AND u.blocked = 0"
            )
            params = (project,)
        rows = await self.fetch_all(sql + " ORDER BY 1", params)
        return [(int(row[0]), str(row[1] or "bg")) for row in rows]

    async def follower_counts(self) -> dict[str, int]:
        """How many (unblocked) users follow each project."""
        rows = await self.fetch_all(
            "SELECT f.project, COUNT(*) FROM follows f JOIN users u ON u.id = f.user_id "
            "WHERE u.blocked = 0 GROUP BY f.project"
        )
        return {str(row[0]): int(row[1]) for row in rows}

    async def user_counts(self, since_7: str, since_30: str) -> dict[str, int]:
        """Users in all, active in 7 and 30 days, subscribed, blocked."""
        row = await self.fetch_one(
            "SELECT COUNT(*), SUM(last_seen >= ?), SUM(last_seen >= ?), SUM(subscribed), "
            "SUM(blocked) FROM users",
            (since_7, since_30),
        )
        keys = ("users", "active_7", "active_30", "subscribed", "blocked")
        return {key: int(value or 0) for key, value in zip(keys, row or (), strict=False)}
