"""News notifications: a news item staff add reaches the project's followers once.

A news item is known by a stable identity: its explicit `id`, else its URL, else its date and
title, where a title within a few typing mistakes of one already announced on the same date is
the same item (so fixing a typo re-announces nothing, and a second item that day is new).
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3

from rapidfuzz.distance import OSA

from bot.engine.compose import Composer
from bot.knowledge import KnowledgeBase, NewsItem
from bot.storage import AnnouncedNews, Storage

log = logging.getLogger(__name__)
_NOT_WORD = re.compile(r"[^\w\s]")


def news_key(item: NewsItem) -> str:
    """The stable identity of a news item: its id, else its URL, else its date and title."""
    if item.id:
        return f"id:{item.id}"
    if item.url:
        return f"url:{item.url}"
    return f"title:{item.date.isoformat()}:{_fold(item.title.get('bg'))}"


def legacy_key(item: NewsItem) -> str:
    """The key databases before schema 3 stored: the date and a hash of the titles."""
    titles = "|".join(text for _, text in sorted(item.title.values()))
    return f"{item.date.isoformat()}|{hashlib.sha1(titles.encode()).hexdigest()[:12]}"


def _fold(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def _titles(item: NewsItem) -> str:
    return "\n".join(_fold(item.title.get(lang)) for lang in ("bg", "en"))


def _near(title: str, other: str) -> bool:
    """Within a few typing mistakes (a swap of two letters is one): at most two, or one in
    ten characters."""
    return OSA.distance(title, other) <= max(2, len(title) // 10)


def _known(item: NewsItem, key: str, announced: list[AnnouncedNews]) -> bool:
    keys = {known.key for known in announced}
    if key in keys or legacy_key(item) in keys:
        return True
    if item.id or item.url:
        return False
    date, titles = item.date.isoformat(), _titles(item).split("\n")
    return any(
        known.date == date
        and known.title is not None
        and any(_near(a, b) for a, b in zip(titles, known.title.split("\n"), strict=False))
        for known in announced
    )


def _record(item: NewsItem) -> tuple[str, str, str]:
    return news_key(item), item.date.isoformat(), _titles(item)


async def announce_new_news(storage: Storage, knowledge: KnowledgeBase) -> list[int]:
    """Queue one broadcast per news item not yet announced; returns their ids.

    The first time ever, every news item present is recorded as known and nothing is sent.
    """
    if not await storage.news_baseline_done():
        await storage.mark_announced(
            [(p.id, *_record(n)) for p in knowledge.projects for n in p.news]
        )
        await storage.set_news_baseline_done()
        return []
    composer = Composer(knowledge)
    created = []
    for project in knowledge.projects:
        announced = await storage.announced(project.id)
        for item in sorted(project.news, key=lambda n: n.date):
            record = _record(item)
            if _known(item, record[0], announced):
                if record[0] not in {known.key for known in announced}:
                    await storage.mark_announced([(project.id, *record)])  # its key today
                    announced.append(AnnouncedNews(*record))
                continue
            announced.append(AnnouncedNews(*record))
            recipients = await storage.audience(project.id)
            if not recipients:
                await storage.mark_announced([(project.id, *record)])
                continue
            texts = {
                lang: composer.news_notification(project, item, lang).html()
                for lang in ("bg", "en")
            }
            try:
                created.append(
                    await storage.create_broadcast(
                        texts["bg"], texts["en"], project.id, recipients, kind="news", news=record
                    )
                )
            except sqlite3.IntegrityError:  # announced meanwhile by another process
                continue
            log.info("news %s of %s goes to %d followers", record[0], project.id, len(recipients))
    return created
