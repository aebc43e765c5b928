"""A municipality that has just started its base: no project yet, or one project and no news."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import Call, FakeBotAPI
from tests.telegram.harness import BotHarness

USER = 1003
MUNICIPALITY = "name: Община Белоречие\nwebsite: https://belorechie.bg\n"


def messages(calls: list[Call]) -> list[dict[str, Any]]:
    sent = ("sendMessage", "editMessageText")
    return [c.params for c in calls if c.method in sent and c.error is None]


@pytest.fixture
async def empty(api: FakeBotAPI, settings: Settings, tmp_path: Path) -> AsyncIterator[BotHarness]:
    """The bot on a base with municipality.yaml alone (no project yet, no faq.yaml)."""
    folder = tmp_path / "belorechie"
    (folder / "projects").mkdir(parents=True)
    (folder / "municipality.yaml").write_text(MUNICIPALITY, encoding="utf-8")
    harness = await BotHarness(api, settings.with_overrides(knowledge_dir=folder)).start()
    yield harness
    await harness.stop()


@pytest.mark.parametrize(
    ("update", "says"),
    [
        (updates.message(USER, "/projects"), "още няма проекти"),
        (updates.button(USER, "m:projects"), "още няма проекти"),
        (updates.button(USER, "l:0"), "още няма проекти"),
        (updates.message(USER, "/projects", language_code="en"), "no projects of the municipality"),
        (updates.message(USER, "/news"), "Още няма новини"),
    ],
)
async def test_no_project_yet_is_said_with_no_empty_list(
    empty: BotHarness, update: dict[str, Any], says: str
) -> None:
    [sent] = messages(await empty.send(update))
    assert says in sent["text"]
    assert "Изберете" not in sent["text"] and "Choose" not in sent["text"]
    assert "reply_markup" not in sent or "[]" not in str(sent["reply_markup"])
