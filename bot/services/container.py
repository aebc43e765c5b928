"""All services of a running bot, opened and closed together, and their background upkeep."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.config import Settings
from bot.knowledge import LoadResult
from bot.services.announcements import AnnouncementDesk
from bot.services.assistant import Assistant
from bot.services.broadcast import Broadcaster, ProgressCallback, Sender
from bot.services.flood import FloodGuard
from bot.services.knowledge import KnowledgeService
from bot.services.news import announce_new_news
from bot.storage import Storage

log = logging.getLogger(__name__)
UPKEEP_EVERY = 3600.0


@dataclass
class Services:
    """What the handlers use."""

    settings: Settings
    knowledge: KnowledgeService
    storage: Storage
    assistant: Assistant
    flood: FloodGuard
    desk: AnnouncementDesk
    _broadcaster: Broadcaster | None = field(default=None, repr=False)
    _reload_lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @classmethod
    async def open(cls, settings: Settings, knowledge: KnowledgeService | None = None) -> Services:
        """Load the knowledge base (raises KnowledgeError) and open the database."""
        if knowledge is None:
            knowledge = KnowledgeService(settings.knowledge_dir)
            knowledge.load_or_raise()
        storage = await Storage.open(settings.db_path)
        return cls(
            settings,
            knowledge,
            storage,
            Assistant(knowledge, storage),
            FloodGuard(settings.flood_limit, settings.flood_window),
            AnnouncementDesk(storage),
        )

    def is_admin(self, user_id: int | None) -> bool:
        """True for the Telegram users in MUNIBOT_ADMIN_IDS."""
        return user_id is not None and user_id in self.settings.admin_ids

    def attach_sender(self, sender: Sender) -> Broadcaster:
        """Create the broadcaster that sends through sender."""
        self._broadcaster = Broadcaster(
            self.storage, sender, self.settings.broadcast_rate, self.settings.broadcast_lease
        )
        return self._broadcaster

    def broadcaster(self) -> Broadcaster:
        """The broadcaster (attach_sender must have been called)."""
        if self._broadcaster is None:
            raise RuntimeError("no sender is attached")
        return self._broadcaster

    async def reload(self, force: bool = False) -> LoadResult | None:
        """Reload the knowledge base if it changed (or when forced) and announce new news.

        None when nothing changed; on errors the last good version stays in use.
        """
        async with self._reload_lock:
            result = await self.knowledge.refresh(force)
            if result is not None and result.knowledge is not None:
                await self.announce_news()
            return result

    async def announce_news(self) -> list[int]:
        """Broadcast the news items followers have not had yet."""
        created = await announce_new_news(self.storage, self.knowledge.knowledge)
        for broadcast_id in created:
            if self._broadcaster is not None:
                self._broadcaster.start(broadcast_id)
        return created

    async def upkeep(self, progress: Callable[[int], ProgressCallback | None]) -> None:
        """Prune old questions and resume broadcasts whose runner has gone."""
        cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=self.settings.retention_days)
        pruned = await self.storage.prune(cutoff.isoformat(timespec="seconds"))
        if pruned:
            log.info("pruned %d questions older than %d days", pruned, self.settings.retention_days)
        if self._broadcaster is not None:
            await self._broadcaster.resume_orphans(progress)

    async def maintain(
        self,
        on_invalid: Callable[[LoadResult], Awaitable[None]],
        progress: Callable[[int], ProgressCallback | None],
    ) -> None:
        """Forever: watch the knowledge folder, and do the upkeep every hour."""
        last_upkeep = time.monotonic()
        while True:
            await asyncio.sleep(self.settings.reload_interval)
            try:
                result = await self.reload()
                if result is not None and result.knowledge is None:
                    await on_invalid(result)
                if time.monotonic() - last_upkeep > min(
                    UPKEEP_EVERY, self.settings.broadcast_lease
                ):
                    last_upkeep = time.monotonic()
                    await self.upkeep(progress)
            except asyncio.CancelledError:
                raise
            except Exception:  # the watcher must outlive any single failure
                log.exception("knowledge watcher failed; trying again")

    async def stop_broadcasts(self) -> None:
        """Stop broadcasting after the messages in flight; a restart resumes them."""
        if self._broadcaster is not None:
            await self._broadcaster.stop()

    async def close(self) -> None:
        """Stop broadcasting and close the database."""
        await self.stop_broadcasts()
        await self.storage.close()
