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
from bot.services.broadcast import ProgressFactory, Sender
from bot.services.dispatcher import Dispatcher
from bot.services.editing import KnowledgeEditor
from bot.services.flood import FloodGuard
from bot.services.flows import Flows
from bot.services.knowledge import KnowledgeService
from bot.services.learning import Learning
from bot.services.news import announce_new_news
from bot.services.ratelimit import RateLimiter
from bot.services.ticket_upkeep import keep_tickets
from bot.services.tickets import TicketDesk
from bot.storage import Storage

log = logging.getLogger(__name__)
UPKEEP_EVERY = 3600.0
CHAT_BURST = 10  # messages one chat may get at once before the one-a-second pace applies


@dataclass
class Services:
    """What the handlers use."""

    settings: Settings
    knowledge: KnowledgeService
    storage: Storage
    assistant: Assistant
    flood: FloodGuard
    desk: AnnouncementDesk
    limiter: RateLimiter
    tickets: TicketDesk
    _dispatcher: Dispatcher | None = field(default=None, repr=False)
    _serving: asyncio.Task[None] | None = field(default=None, repr=False)
    _reload_lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)
    editor: KnowledgeEditor = field(init=False, repr=False)
    flows: Flows = field(init=False, repr=False)
    learning: Learning = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.editor = KnowledgeEditor(self.knowledge, self.storage, self.force_reload)
        self.flows = Flows(self.storage, self.settings.flow_timeout)
        self.learning = Learning(self.storage, self.editor)

    @classmethod
    async def open(cls, settings: Settings, knowledge: KnowledgeService | None = None) -> Services:
        """Load the knowledge base (raises KnowledgeError) and open the database."""
        if knowledge is None:
            knowledge = KnowledgeService(settings.knowledge_dir, settings.knowledge_cache_file)
            knowledge.load_or_raise()
        storage = await Storage.open(settings.db_path)
        services = cls(
            settings,
            knowledge,
            storage,
            Assistant(knowledge, storage),
            FloodGuard(settings.flood_limit, settings.flood_window),
            AnnouncementDesk(storage),
            RateLimiter(settings.broadcast_rate, per_chat_burst=CHAT_BURST),
            TicketDesk(storage, knowledge, settings),
        )
        await services.tickets.restore()
        return services

    def is_admin(self, user_id: int | None) -> bool:
        """True for the Telegram users in MUNIBOT_ADMIN_IDS."""
        return user_id is not None and user_id in self.settings.admin_ids

    def is_editor(self, user_id: int | None) -> bool:
        """True for the users in MUNIBOT_EDITOR_IDS, and for admins."""
        return self.is_admin(user_id) or (
            user_id is not None and user_id in self.settings.editor_ids
        )

    def start_delivery(self, sender: Sender, progress: ProgressFactory | None = None) -> Dispatcher:
        """Start this process's dispatcher: it sends every queued message through sender."""
        self._dispatcher = Dispatcher.configured(
            self.settings, self.storage, sender, self.limiter, progress
        )
        self._serving = asyncio.get_running_loop().create_task(self._dispatcher.serve())
        return self._dispatcher

    def wake(self) -> None:
        """Something was queued: the dispatcher (if running) sends it now."""
        if self._dispatcher is not None:
            self._dispatcher.wake()

    def dispatcher(self) -> Dispatcher:
        """The dispatcher (start_delivery must have been called)."""
        if self._dispatcher is None:
            raise RuntimeError("no sender is attached")
        return self._dispatcher

    async def reload(self, force: bool = False) -> LoadResult | None:
        """Reload the knowledge base if it changed (or when forced) and announce new news.

        None when nothing changed; on errors the last good version stays in use.
        """
        async with self._reload_lock:
            result = await self.knowledge.refresh(force)
            if result is not None and result.knowledge is not None:
                await self.announce_news()
            return result

    async def force_reload(self) -> LoadResult | None:
        """Reload now (after an edit made through the bot) and announce new news."""
        return await self.reload(force=True)

    async def announce_news(self) -> list[int]:
        """Queue the news items followers have not had yet (the dispatcher sends them)."""
        created = await announce_new_news(self.storage, self.knowledge.knowledge)
        if created and self._dispatcher is not None:
            self._dispatcher.wake()
        return created

    async def upkeep(self) -> None:
        """Delete what is past its retention: questions, finished broadcasts with their
        deliveries, idle users who follow nothing, idle flows, tickets unchanged that long."""

        def before(days: int) -> str:
            cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
            return cutoff.isoformat(timespec="seconds")

        settings, storage = self.settings, self.storage
        pruned = (
            await storage.prune(before(settings.retention_days)),
            await storage.prune_broadcasts(before(settings.delivery_retention_days)),
            await storage.prune_idle_users(before(settings.retention_days)),
            len(await self.flows.expire()),
            await storage.prune_tickets(before(settings.retention_days)),
        )
        if any(pruned):
            log.info(
                "pruned %d questions, %d broadcasts, %d idle users, %d idle flows, %d tickets",
                *pruned,
            )

    async def maintain(self, on_invalid: Callable[[LoadResult], Awaitable[None]]) -> None:
        """Forever: watch the knowledge folder and the tickets that wait, and do the upkeep
        every hour."""
        last_upkeep = time.monotonic()
        while True:
            await asyncio.sleep(self.settings.reload_interval)
            try:
                result = await self.reload()
                if result is not None and result.knowledge is None:
                    await on_invalid(result)
                if await keep_tickets(self.tickets):
                    self.wake()
                if time.monotonic() - last_upkeep > UPKEEP_EVERY:
                    last_upkeep = time.monotonic()
                    await self.upkeep()
            except asyncio.CancelledError:
                raise
            except Exception:  # the watcher must outlive any single failure
                log.exception("knowledge watcher failed; trying again")

    async def stop_delivery(self) -> None:
        """Stop sending after the messages in flight; a restart resumes the rest."""
        if self._dispatcher is not None:
            await self._dispatcher.stop()
        if self._serving is not None:
            await self._serving
            self._serving = None

    async def close(self) -> None:
        """Stop sending, write what waits, and close the database."""
        await self.stop_delivery()
        await self.assistant.close()
        await self.storage.close()
