"""Users, their language, blocking, subscriptions and followed projects.

What a citizen's own action writes (a language, a subscription, a follow, feedback, /forget)
waits at most QUICK seconds for another process's write lock, in one transaction, so that the
database's thread stays free for the reads others' answers need; if it cannot be written then,
sqlite3.OperationalError says so (the user is asked to try again). What answering writes by the
way (who was seen, who blocked the bot) is work for the services' recorder: `touched`, `marked`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from bot.storage.base import StorageBase, now

QUICK = 0.5  # seconds a citizen's own write waits for another process's lock


def _touch(db: sqlite3.Connection, user_id: int) -> None:
    stamp = now()
    db.execute(
        "INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, blocked = 0",
        (user_id, stamp, stamp),
    )


def touched(user_id: int, last_language: str | None = None) -> Callable[[sqlite3.Connection], None]:
    """The write that records a user as seen now (and so not blocking the bot), with the
    language last answered in when it changed."""

    def work(db: sqlite3.Connection) -> None:
        _touch(db, user_id)
        if last_language is not None:
            db.execute("UPDATE users SET last_language = ? WHERE id = ?", (last_language, user_id))

    return work


def marked(user_id: int, blocked: bool) -> Callable[[sqlite3.Connection], None]:
    """The write that marks a user as having blocked (or unblocked) the bot."""

    def work(db: sqlite3.Connection) -> None:
        stamp = now()
        db.execute(
            "INSERT INTO users (id, first_seen, last_seen, blocked) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET blocked = excluded.blocked",
            (user_id, stamp, stamp, int(blocked)),
        )

    return work


class UserStore(StorageBase):
    """The users table and the follows table."""

    async def touch_user(self, user_id: int) -> tuple[str | None, str | None]:
        """Record that a user was seen (unblocking them); returns (chosen, last) language."""
        await self.atomically(touched(user_id))
        return await self.user_languages(user_id)

    async def user_languages(self, user_id: int) -> tuple[str | None, str | None]:
        """(chosen, last answered in) language of a user; a read, which no lock delays."""
        row = await self.fetch_one(
            "SELECT language, last_language FROM users WHERE id = ?", (user_id,)
        )
        if row is None:
            return None, None
        return (str(row[0]) if row[0] else None), (str(row[1]) if row[1] else None)

    async def _quickly(self, work: Callable[[sqlite3.Connection], object]) -> None:
        await self.atomically(work, busy=QUICK)

    async def set_language(self, user_id: int, language: str) -> None:
        """Store a user's chosen language."""

        def work(db: sqlite3.Connection) -> None:
            _touch(db, user_id)
            db.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))

        await self._quickly(work)

    async def language(self, user_id: int) -> str | None:
        """A user's chosen language, if any."""
        value: str | None = await self.scalar("SELECT language FROM users WHERE id = ?", (user_id,))
        return value

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        """Mark a user as having blocked (or unblocked) the bot."""
        await self.atomically(marked(user_id, blocked))

    async def is_blocked(self, user_id: int) -> bool:
        """True when the user has blocked the bot."""
        return bool(await self.scalar("SELECT blocked FROM users WHERE id = ?", (user_id,)))

    async def count_users(self) -> int:
        """How many users the bot has seen."""
        return int(await self.scalar("SELECT COUNT(*) FROM users") or 0)

    async def set_subscribed(self, user_id: int, subscribed: bool) -> bool:
        """Subscribe a user to all announcements, or unsubscribe; False when they already were."""

        def work(db: sqlite3.Connection) -> bool:
            _touch(db, user_id)
            changed = db.execute(
                "UPDATE users SET subscribed = ? WHERE id = ? AND subscribed != ?",
                (int(subscribed), user_id, int(subscribed)),
            )
            return changed.rowcount > 0

        return await self.atomically(work, busy=QUICK)

    async def follow(self, user_id: int, project: str) -> None:
        """Follow a project's news."""

        def work(db: sqlite3.Connection) -> None:
            _touch(db, user_id)
            db.execute(
                "INSERT OR IGNORE INTO follows (user_id, project, since) VALUES (?, ?, ?)",
                (user_id, project, now()),
            )

        await self._quickly(work)

    async def unfollow(self, user_id: int, project: str) -> None:
        """Stop following a project."""
        await self._quickly(
            lambda db: (
                db.execute(
                    "DELETE FROM follows WHERE user_id = ? AND project = ?", (user_id, project)
                ).rowcount
            )
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

        def work(db: sqlite3.Connection) -> None:
            for table, column in (
                ("questions", "user_id"),
                ("follows", "user_id"),
                ("deliveries", "user_id"),
                ("ticket_drafts", "user_id"),
                ("users", "id"),
            ):
                db.execute(f"DELETE FROM {table} WHERE {column} = ?", (user_id,))

        await self._quickly(work)

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
