"""End to end: what the Telegram reply shows for small talk and for a quoted fact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.botapi import updates
from tests.botapi.server import Call
from tests.telegram.harness import BotHarness

ROOT = Path(__file__).resolve().parents[2]
USER = 1002
MENU = ["m:projects", "m:news", "m:contacts", "m:language"]


def buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b.get("callback_data") or b.get("url") for row in rows for b in row]


def messages(calls: list[Call]) -> list[dict[str, Any]]:
    return [c.result for c in calls if c.method == "sendMessage" and c.error is None]


@pytest.mark.parametrize("text", ["добро утро", "мерси много", "ok bye", "what can you do"])
async def test_small_talk_gets_a_short_answer_and_the_menu(bot: BotHarness, text: str) -> None:
    [sent] = messages(await bot.send(updates.message(USER, text)))
    assert sent["text"] and len(sent["text"]) < 600
    assert all(button in buttons(sent) for button in MENU)


async def test_a_fact_from_the_news_links_its_source(bot: BotHarness) -> None:
    question = "кой министър подписа договора за пречиствателната станция"
    [sent] = messages(await bot.send(updates.message(USER, question)))
    assert "Нона Караджова" in sent["text"]
    assert "https://vestnikstroitel.bg/news/50384" in " ".join(buttons(sent))
    assert "t:water-cycle:budget" in buttons(sent)


async def test_a_list_of_every_project_offers_each_of_them(bot: BotHarness) -> None:
    [sent] = messages(await bot.send(updates.message(USER, "кои са всички проекти на общината")))
    offered = [b for b in buttons(sent) if b.startswith("p:")]
    assert len(offered) == len(list((ROOT / "knowledge" / "projects").glob("*.yaml"))) == 17
    keyboard = sent["reply_markup"]["inline_keyboard"]
    assert max(len(row) for row in keyboard) == 2
    listed = [line[2:] for line in sent["text"].splitlines() if line.startswith("• ")]
    labels = [b["text"] for row in keyboard for b in row if b["callback_data"].startswith("p:")]
    assert labels == listed  # the buttons in the list's order
