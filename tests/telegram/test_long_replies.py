"""Knowledge text is escaped, and replies over 4096 characters are split at line breaks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.harness import BotHarness

RESULTS = "\n".join(
    f"  - {{bg: 'резултат № {n} <важен> & точен, ' , en: 'result {n}'}}" for n in range(400)
)
PROJECT = f"""\
title: Голям проект <b>с тагове</b> & амперсанд
status: ongoing
summary: Проект с много резултати и символи като < > & в текста.
aliases: [голям проект]
results:
{RESULTS}
"""


@pytest.fixture
async def big_bot(api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[BotHarness]:
    knowledge = tmp_path / "knowledge"
    (knowledge / "projects").mkdir(parents=True)
    (knowledge / "municipality.yaml").write_text(
        "name: Община <Тест>\nwebsite: https://example.bg/?a=1&b=2\n", encoding="utf-8"
    )
    (knowledge / "projects" / "big.yaml").write_text(PROJECT, encoding="utf-8")
    settings = Settings(
        knowledge_dir=knowledge,
        db_path=tmp_path / "db.sqlite3",
        token=api.token,
        api_base_url=api.url,
    )
    harness = await BotHarness(api, settings).start()
    yield harness
    await harness.stop()


async def test_long_reply_is_split_and_escaped(big_bot: BotHarness, api: FakeBotAPI) -> None:
    calls = await big_bot.send(updates.message(7, "резултати от голям проект"))
    sent = [c for c in calls if c.method == "sendMessage"]
    assert all(c.error is None for c in sent), [c.error for c in sent]
    assert len(sent) >= 3
    texts = [c.result["text"] for c in sent]
    assert all(len(text.encode("utf-16-le")) // 2 <= 4096 for text in texts)
    assert texts[0].startswith("Голям проект <b>с тагове</b> & амперсанд")
    joined = "\n".join(texts)
    assert all(f"резултат № {n} <важен> & точен" in joined for n in range(400))
    assert sent[-1].result.get("reply_markup") and not sent[0].result.get("reply_markup")
