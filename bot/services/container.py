"""All services of a running bot, opened and closed together."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.services.assistant import Assistant
from bot.services.flood import FloodGuard
from bot.services.knowledge import KnowledgeService
from bot.storage import Storage


@dataclass
class Services:
    """What the handlers use."""

    settings: Settings
    knowledge: KnowledgeService
    storage: Storage
    assistant: Assistant
    flood: FloodGuard

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
        )

    def is_admin(self, user_id: int | None) -> bool:
        """True for the Telegram users in MUNIBOT_ADMIN_IDS."""
        return user_id is not None and user_id in self.settings.admin_ids

    async def close(self) -> None:
        """Close the database."""
        await self.storage.close()
