"""Lists, rankings and inline answers of a base made to break Telegram's rules: 30 projects whose
ids are 60 characters long and whose titles hold `<b>`, `&` and emoji."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.handlers.callbacks import project_key
from bot.services.html_check import units
from bot.texts import t
from tests.botapi import updates
from tests.botapi.server import Call, FakeBotAPI
from tests.telegram.harness import BotHarness

ADMIN = 42
PROJECTS = 30
EMOJI_SUMMARY = 28  # this project's summary is 2,500 emoji: 2,500 characters, 5,000 units


def project_id(number: int) -> str:
    """A valid project id of 60 characters."""
    return f"p{number:02d}-".ljust(60, "x")


def title(number: int) -> str:
    """A title with a tag, an ampersand and an emoji, as Telegram must show it."""
    return f"Проект <b>{number}</b> & Ко 🚀 площад {number}"


def write_base(folder: Path, left_out: int | None = None) -> None:
    """The municipality and its projects (but left_out)."""
    projects = folder / "projects"
    projects.mkdir(parents=True, exist_ok=True)
    for old in projects.glob("*.yaml"):
        old.unlink()
    (folder / "municipality.yaml").write_text(
        "name: Община <Тест> & Ко\nwebsite: https://example.bg/?a=1&b=2\n", encoding="utf-8"
    )
    for number in (n for n in range(PROJECTS) if n != left_out):
        emoji = "🎉" * 2500 if number == EMOJI_SUMMARY else "🎉"
        (projects / f"{project_id(number)}.yaml").write_text(
            f'title: "{title(number)}"\n'
            f"status: {'ongoing' if number % 2 else 'completed'}\n"
            f'summary: "Проект {number} <i>за</i> деца & възрастни {emoji}"\n'
            f"budget: {{total: {1000 * (number + 1)}}}\n"
            f"period: {{start: 2020-01-{number % 28 + 1:02d}, end: 2021-01-01}}\n",
            encoding="utf-8",
        )


@pytest.fixture
async def hostile(api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[BotHarness]:
    write_base(tmp_path / "knowledge")
    settings = Settings(
        knowledge_dir=tmp_path / "knowledge",
        db_path=tmp_path / "db.sqlite3",
        token=api.token,
        api_base_url=api.url,
        admin_ids=frozenset({ADMIN}),
        flood_limit=1000,
    )
    harness = await BotHarness(api, settings).start()
    yield harness
    await harness.stop()


def sent(calls: list[Call]) -> list[dict[str, Any]]:
    """The messages sent, each checked as Telegram checks it (the server refuses the rest)."""
    assert all(c.error is None for c in calls), [c.error for c in calls]
    return [c.result for c in calls if c.method == "sendMessage"]


def project_buttons(message: dict[str, Any]) -> list[dict[str, str]]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b for row in rows for b in row if b.get("callback_data", "").startswith("p:")]


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("кои проекти са в изпълнение", list(range(1, PROJECTS, 2))),
        ("двата най-скъпи", [29, 28]),
        ("петте най-евтини", [0, 1, 2, 3, 4]),
        ("кои са най-новите проекти", [27, 26, 25, 24, 23]),
    ],
)
async def test_a_lists_buttons_keep_telegrams_rules_in_the_lists_order(
    hostile: BotHarness, question: str, order: list[int]
) -> None:
    [message] = sent(await hostile.send(updates.message(ADMIN, question)))
    listed = [line for line in message["text"].splitlines() if line.startswith("• ")]
    assert [b["text"] for b in project_buttons(message)] == [title(n) for n in order]
    assert all(f"• {title(n)}" in line for n, line in zip(order, listed, strict=True))
    assert [b["callback_data"] for b in project_buttons(message)] == [
        f"p:{project_key(project_id(n))}" for n in order
    ]
    rows = message["reply_markup"]["inline_keyboard"][:-1]  # the last: 👍 👎
    width = 2 if len(order) > 8 else 1  # two to a row past eight
    assert [len(row) for row in rows] == [
        len(order[i : i + width]) for i in range(0, len(order), width)
    ]


async def test_a_list_of_thirty_has_no_buttons_and_a_button_opens_its_project(
    hostile: BotHarness,
) -> None:
    [every] = sent(await hostile.send(updates.message(ADMIN, "покажи всички проекти")))
    assert every["text"].count("• ") == PROJECTS and not project_buttons(every)
    [ranked] = sent(await hostile.send(updates.message(ADMIN, "двата най-скъпи")))
    first = project_buttons(ranked)[0]["callback_data"]
    [card] = sent(await hostile.send(updates.button(ADMIN, first)))
    assert card["text"].startswith(title(29))


async def test_a_lists_button_after_its_project_left_the_base_is_stale(
    hostile: BotHarness, tmp_path: Path
) -> None:
    [listed] = sent(await hostile.send(updates.message(ADMIN, "петте най-евтини")))
    gone = project_buttons(listed)[0]["callback_data"]
    write_base(tmp_path / "knowledge", left_out=0)
    assert sent(await hostile.send(updates.message(ADMIN, "/reload")))
    calls = await hostile.send(updates.button(ADMIN, gone))
    [toast] = [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"]
    assert toast == t("stale_button", "bg") and not sent(calls)


async def test_an_inline_answer_over_4096_units_is_cut_at_a_line_break(
    hostile: BotHarness,
) -> None:
    """A summary of 2,500 emoji is 5,000 units: Telegram refused the whole inline answer."""
    calls = await hostile.send(updates.inline_query(ADMIN, f"проект {EMOJI_SUMMARY} площад"))
    [answered] = [c for c in calls if c.method == "answerInlineQuery"]
    assert answered.error is None and answered.params["results"]
    texts = [r["input_message_content"]["message_text"] for r in answered.params["results"]]
    assert all(units(text) <= 4096 for text in texts)
