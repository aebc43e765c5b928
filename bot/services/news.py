"""News notifications: a news item staff add reaches the project's followers once."""

from __future__ import annotations

import hashlib
import logging
import sqlite3

from bot.engine.compose import Composer
from bot.knowledge import KnowledgeBase, NewsItem
from bot.storage import Storage

log = logging.getLogger(__name__)


def news_key(item: NewsItem) -> str:
    """A stable key for a news item: its date and a hash of its titles."""
    titles = "|".join(text for _, text in sorted(item.title.values()))
    return f"{item.date.isoformat()}|{hashlib.sha1(titles.encode()).hexdigest()[:12]}"


async def announce_new_news(storage: Storage, knowledge: KnowledgeBase) -> list[int]:
    """Create one broadcast per news item not yet announced; returns their ids.

    The first time ever, every news item present is recorded as known and nothing is sent.
    """
    if not await storage.news_baseline_done():
        await storage.mark_announced(
            [(p.id, news_key(n)) for p in knowledge.projects for n in p.news]
        )
        await storage.set_news_baseline_done()
        return []
    composer = Composer(knowledge)
    created = []
    for project in knowledge.projects:
        known = await storage.announced(project.id)
        for item in sorted(project.news, key=lambda n: n.date):
            key = news_key(item)
            if key in known:
                continue
            recipients = await storage.audience(project.id)
            if not recipients:
                await storage.mark_announced([(project.id, key)])
                continue
            texts = {
                lang: composer.news_notification(project, item, lang).html()
                for lang in ("bg", "en")
            }
            try:
                created.append(
                    await storage.create_broadcast(
                        texts["bg"], texts["en"], project.id, recipients, kind="news", news_key=key
                    )
                )
            except sqlite3.IntegrityError:  # announced meanwhile by another reload
                continue
            log.info("news %s of %s goes to %d followers", key, project.id, len(recipients))
    return created
