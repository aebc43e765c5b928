"""News items are announced once, by a stable identity: an explicit id, the URL, or the date and
a title within a few typing mistakes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase, load_or_raise
from bot.services.news import announce_new_news, legacy_key, news_key
from bot.storage import Storage

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"
PARK = "park-block-66"


def knowledge_with(folder: Path, news: str) -> KnowledgeBase:
    """The shipped knowledge base with `news` (YAML list items) added to the park project."""
    if not folder.exists():
        shutil.copytree(KNOWLEDGE, folder)
    park = folder / "projects" / f"{PARK}.yaml"
    base = park.read_text(encoding="utf-8").split("\nnews:\n")[0]
    park.write_text(f"{base}\nnews:\n{news}" if news else f"{base}\n", encoding="utf-8")
    return load_or_raise(folder)


def item(title: str, date: str = "2026-11-20", extra: str = "") -> str:
    return f"  - date: {date}\n    title: {{bg: {title}, en: {title}}}\n{extra}"


@pytest.fixture
async def storage(tmp_path: Path) -> Storage:
    opened = await Storage.open(tmp_path / "db.sqlite3")
    await opened.follow(1, PARK)
    return opened


async def announced_after(storage: Storage, folder: Path, before: str, after: str) -> int:
    """How many broadcasts are queued when the news list changes from before to after."""
    await announce_new_news(storage, knowledge_with(folder, before))  # the baseline
    return len(await announce_new_news(storage, knowledge_with(folder, after)))


@pytest.mark.parametrize(
    ("before", "after", "announced"),
    [
        # no id, no URL: the date and the title
        (item("Паркът е открит"), item("Паркът е откирт"), 0),  # a typo fixed: the same item
        (
            item("Паркът е открит"),
            item("Паркът е открит", extra="    summary: {bg: Ново резюме, en: New summary}\n"),
            0,
        ),
        (item("Паркът е открит"), item("Паркът е открит") + item("Започна засаждането"), 1),
        (item("Паркът е открит"), item("Паркът е открит", date="2026-11-21"), 1),
        # the URL: whatever the title says
        (
            item("Паркът е открит", extra="    url: https://www.septemvri.bg/park.htm\n"),
            item("Паркът е отворен", extra="    url: https://www.septemvri.bg/park.htm\n"),
            0,
        ),
        (
            item("Паркът е открит", extra="    url: https://www.septemvri.bg/park.htm\n"),
            item("Паркът е открит", extra="    url: https://www.septemvri.bg/park.htm\n")
            + item("Паркът е открит", extra="    url: https://www.septemvri.bg/park-2.htm\n"),
            1,
        ),
        # an explicit id: whatever the title and the URL say
        (
            item("Паркът е открит", extra="    id: park-open\n    url: https://a.bg/1.htm\n"),
            item("Паркът отвори", extra="    id: park-open\n    url: https://a.bg/2.htm\n"),
            0,
        ),
        (
            item("Паркът е открит", extra="    id: park-open\n"),
            item("Паркът е открит", extra="    id: park-open\n")
            + item("Паркът е открит", extra="    id: park-open-again\n"),
            1,
        ),
    ],
)
async def test_stable_identity(
    storage: Storage, tmp_path: Path, before: str, after: str, announced: int
) -> None:
    assert await announced_after(storage, tmp_path / "kb", before, after) == announced
    again = knowledge_with(tmp_path / "kb", after)
    assert await announce_new_news(storage, again) == []  # and never twice
    await storage.close()


async def test_typo_fixes_in_a_row_stay_the_same_item(storage: Storage, tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    await announce_new_news(storage, knowledge_with(folder, ""))
    assert (
        len(await announce_new_news(storage, knowledge_with(folder, item("Парка е откирт")))) == 1
    )
    for fixed in ("Парка е открит", "Паркът е открит"):  # each within a few typing mistakes
        assert await announce_new_news(storage, knowledge_with(folder, item(fixed))) == []
    await storage.close()


async def test_databases_with_old_keys_announce_nothing_again(
    storage: Storage, tmp_path: Path
) -> None:
    """Before schema 3 the key was the date and a hash of the titles; such a database, with
    every shipped news item announced, must not announce any of them again."""
    knowledge = load_or_raise(KNOWLEDGE)
    items = [(p.id, n) for p in knowledge.projects for n in p.news]
    assert items
    for project, news in items:
        await storage.execute(
            "INSERT INTO announced_news (project, news_key, announced_at) VALUES (?, ?, 'x')",
            (project, legacy_key(news)),
        )
    await storage.set_news_baseline_done()
    await storage.follow(1, items[0][0])
    assert await announce_new_news(storage, knowledge) == []
    keys = {known.key for known in await storage.announced(items[0][0])}
    assert news_key(items[0][1]) in keys  # known by its stable key from now on
    await storage.close()
