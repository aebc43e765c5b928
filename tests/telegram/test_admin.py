"""Admins end to end: broadcasts exactly once, resumable, live knowledge updates, news, refusal."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import Call, FakeBotAPI
from tests.telegram.conftest import ADMIN, KNOWLEDGE
from tests.telegram.harness import BotHarness, eventually


def sent(calls: list[Call], chat_id: int | None = None) -> list[dict[str, Any]]:
    """The messages sent among calls (to chat_id only, when given)."""
    return [
        c.result
        for c in calls
        if c.method == "sendMessage"
        and c.error is None
        and (chat_id is None or int(c.params["chat_id"]) == chat_id)
    ]


def data(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


def deliveries(api: FakeBotAPI, users: range) -> Counter[int]:
    """How many announcement messages each user received."""
    wanted = set(users)
    return Counter(
        int(c.params["chat_id"])
        for c in api.sent()
        if (int(c.params["chat_id"]) in wanted and "Внимание" in c.result["text"])
        or (int(c.params["chat_id"]) in wanted and "Notice" in c.result["text"])
    )


async def subscribe(bot: BotHarness, users: range, lang: str = "bg") -> None:
    """The first user subscribes in Telegram; the rest are stored directly (faster)."""
    await bot.send(updates.message(users[0], "/subscribe", language_code=lang))
    storage = bot.app.bot_data["services"].storage
    for user in users[1:]:
        await storage.set_subscribed(user, True)
        await storage.set_language(user, lang)


async def announce(bot: BotHarness, text: str, audience: str = "#all") -> None:
    """The admin's whole flow: /broadcast, the audience, the preview, Send."""
    [choose] = sent(await bot.send(updates.message(ADMIN, f"/broadcast {text}")), ADMIN)
    pick = next(d for d in data(choose) if d.startswith("fl:") and d.endswith(f":{audience}"))
    previews = sent(await bot.send(updates.button(ADMIN, pick, choose)), ADMIN)
    confirm = next(d for d in data(previews[-1]) if d.endswith(":#ok"))
    await bot.send(updates.button(ADMIN, confirm, previews[-1]))


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return dataclasses.replace(
        settings, broadcast_rate=400.0, broadcast_lease=2.0, delivery_retry_base=0.05
    )


@pytest.fixture
async def fast_bot(api: FakeBotAPI, fast: Settings) -> AsyncIterator[BotHarness]:
    harness = await BotHarness(api, fast).start()
    yield harness
    await harness.stop()


def admin_texts(api: FakeBotAPI) -> list[str]:
    """The texts of the admin's chat as they stand now (status messages edited in place)."""
    return [m["text"] for m in api.messages[ADMIN].values()]


async def test_broadcast_reaches_everyone_once_despite_429_403_500_and_400(
    fast_bot: BotHarness, api: FakeBotAPI
) -> None:
    users = range(5000, 5300)
    await subscribe(fast_bot, users[:150], "bg")
    await subscribe(fast_bot, users[150:], "en")
    blocked, not_found = {5007, 5100, 5250}, 5020
    for user in blocked:
        api.fail("sendMessage", 403, chat_id=user)
    api.fail("sendMessage", 400, chat_id=not_found)
    api.fail("sendMessage", 500, count=2, chat_id=5030)
    api.fail("sendMessage", 429, chat_id=5040, retry_after=1)
    await announce(
        fast_bot,
        "<b>Внимание</b>: ремонт на ул. „Васил Левски“\n---\n"
        "<b>Notice</b>: works on Vasil Levski St.",
    )
    await eventually(lambda: any("изпратено" in text for text in admin_texts(api)))
    received = deliveries(api, users)
    assert set(received) == set(users) - blocked - {not_found}
    assert set(received.values()) == {1}
    tries = [c for c in api.calls if c.params.get("chat_id") == not_found]
    assert [c.error for c in tries if "Внимание" in c.params["text"]] == [
        "Bad Request: chat not found"
    ]  # tried once: a 400 is not retried
    assert "Notice" in api.texts(5200)[-1]
    final = next(text for text in admin_texts(api) if "изпратено" in text)
    assert "изпратени 296, неуспешни 1, блокирали 3, неясни 0" in final
    assert "Причини за неуспех: Chat not found (1)" in final
    storage = fast_bot.app.bot_data["services"].storage
    assert all([await storage.is_blocked(user) for user in blocked])
    [(row, tally)] = await storage.broadcasts()
    assert row.state == "done" and tally.counts == {"sent": 296, "blocked": 3, "failed": 1}
    [listing] = sent(await fast_bot.send(updates.message(ADMIN, "/broadcasts")), ADMIN)
    assert "(изпратено, " in listing["text"]  # the state in Bulgarian, not 'done'
    assert "300 получатели: изпратени 296, неуспешни 1, блокирали 3" in listing["text"]
    assert "Chat not found (1)" in listing["text"]


async def test_interrupted_broadcast_resumes_exactly_once(api: FakeBotAPI, fast: Settings) -> None:
    slow = dataclasses.replace(fast, broadcast_rate=60.0)
    users = range(6000, 6120)
    first = await BotHarness(api, slow).start()
    await subscribe(first, users)
    await announce(first, "<b>Внимание</b>: спиране на водата")
    await eventually(lambda: sum(deliveries(api, users).values()) >= 30)
    await first.stop()
    part = sum(deliveries(api, users).values())
    assert 30 <= part < 120
    second = await BotHarness(api, slow).start()
    try:
        await eventually(lambda: sum(deliveries(api, users).values()) == 120)
        await asyncio.sleep(0.3)
        assert set(deliveries(api, users).values()) == {1}
    finally:
        await second.stop()


def editable(fast: Settings, folder: Path, reload_interval: float) -> Settings:
    """Settings on a copy of the shipped knowledge base that a test may edit."""
    shutil.copytree(KNOWLEDGE, folder)
    return dataclasses.replace(fast, knowledge_dir=folder, reload_interval=reload_interval)


async def test_broken_knowledge_edit_keeps_old_answers_and_tells_admins(
    api: FakeBotAPI, fast: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "knowledge"
    bot = await BotHarness(api, editable(fast, folder, 0.1)).start()
    try:
        park = folder / "projects" / "park-block-66.yaml"
        park.write_text(
            park.read_text(encoding="utf-8").replace("status: completed", "status: finished"),
            encoding="utf-8",
        )
        await eventually(
            lambda: any("park-block-66.yaml" in m["text"] for m in api.messages[ADMIN].values())
        )
        warning = next(m["text"] for m in api.messages[ADMIN].values() if "park" in m["text"])
        assert "непознат статус 'finished'" in warning and "последната валидна" in warning
        [answer] = sent(await bot.send(updates.message(7, "колко струва паркът")))
        assert "199 467,56" in answer["text"].replace("\u00a0", " ")
        await asyncio.sleep(0.5)
        warnings = [m for m in api.messages[ADMIN].values() if "park" in m["text"]]
        assert len(warnings) == 1
        fixed = park.read_text(encoding="utf-8").replace("status: finished", "status: completed")
        park.write_text(fixed.replace("total: 199467.56", "total: 200000"), encoding="utf-8")
        await eventually(
            lambda: (
                "200\u00a0000"
                in bot.app.bot_data["services"]
                .knowledge.engine.answer("колко струва паркът")
                .reply.plain()
            )
        )
    finally:
        await bot.stop()


async def test_new_news_reaches_followers_once(
    api: FakeBotAPI, fast: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "knowledge"
    bot = await BotHarness(api, editable(fast, folder, 3600)).start()
    try:
        for user in (8001, 8002):
            await bot.send(updates.button(user, "f:park-block-66"))
        await bot.send(updates.button(8003, "f:park-block-66", language_code="en"))
        await bot.send(updates.button(8003, "g:en"))
        park = folder / "projects" / "park-block-66.yaml"
        park.write_text(
            park.read_text(encoding="utf-8")
            + (
                "news:\n  - date: 2026-11-20\n    title: {bg: Паркът е открит отново, "
                "en: The park has reopened}\n    url: https://www.septemvri.bg/park.htm\n"
            ),
            encoding="utf-8",
        )
        for _ in range(2):
            await bot.send(updates.message(ADMIN, "/reload"))

        def news_for(user: int) -> list[str]:
            return [
                c.result["text"]
                for c in api.sent(user)
                if "открит" in c.result["text"] or "reopened" in c.result["text"]
            ]

        await eventually(lambda: all(news_for(u) for u in (8001, 8002, 8003)))
        await bot.send(updates.message(ADMIN, "/reload"))
        await asyncio.sleep(0.3)
        assert [len(news_for(u)) for u in (8001, 8002, 8003)] == [1, 1, 1]
        assert "The park has reopened" in news_for(8003)[0]
        assert not [c for c in api.sent(8004)]
    finally:
        await bot.stop()


@pytest.mark.parametrize(
    "command", ["/broadcast hello", "/broadcasts", "/stats", "/unanswered", "/reload", "/cancel"]
)
async def test_non_admin_gets_nothing(bot: BotHarness, api: FakeBotAPI, command: str) -> None:
    [reply] = sent(await bot.send(updates.message(9, command)))
    assert reply["text"] == "Не познавам тази команда. Вижте /help."


async def test_non_admin_cannot_press_admin_buttons(bot: BotHarness) -> None:
    for payload in ("b:1:stop", "b:1:ok", "ba:1:all"):
        calls = await bot.send(updates.button(9, payload))
        [answer] = [c for c in calls if c.method == "answerCallbackQuery"]
        assert answer.params["text"] == "Този бутон вече не е валиден."


async def test_admin_commands_are_listed_only_in_admin_chats(
    bot: BotHarness, api: FakeBotAPI
) -> None:
    scopes = {scope for scope, _ in api.commands}
    admin_scope = f'{{"chat_id": {ADMIN}, "type": "chat"}}'
    assert admin_scope in scopes
    admin_menu = {c["command"] for c in api.commands[(admin_scope, "en")]}
    public_menu = {c["command"] for c in api.commands[('{"type": "default"}', "en")]}
    assert {"broadcast", "stats", "unanswered", "reload"} <= admin_menu
    assert not {"broadcast", "stats", "unanswered", "reload"} & public_menu


async def test_broadcast_html_is_checked_before_sending(bot: BotHarness, api: FakeBotAPI) -> None:
    await subscribe(bot, range(10, 13))
    [error] = sent(await bot.send(updates.message(ADMIN, "/broadcast <blink>x</blink>")))
    assert "не е валиден HTML" in error["text"] and "blink" in error["text"]
    [choose] = sent(await bot.send(updates.message(ADMIN, "<b>Поправен</b> текст")))
    assert any(d.endswith(":#all") for d in data(choose))
    assert not [
        c
        for c in api.sent()
        if int(c.params["chat_id"]) in (10, 11, 12) and "Поправен" in c.result["text"]
    ]


BOLD = [{"type": "bold", "offset": 0, "length": 5}]


@pytest.mark.parametrize(
    ("typed", "entities", "shown"),
    [
        ("<b>Важно</b>: спира водата", [], "<b>Важно</b>: спира водата"),  # tags typed by hand
        ("Важно: спира водата", BOLD, "<b>Важно</b>: спира водата"),  # bold applied in Telegram
        ("a < b и <i>x</i>", BOLD, "<b>a &lt; b</b> и &lt;i&gt;x&lt;/i&gt;"),  # as typed in both
    ],
)
async def test_broadcast_text_in_its_own_message_keeps_its_html(
    bot: BotHarness, typed: str, entities: list[dict[str, Any]], shown: str
) -> None:
    await subscribe(bot, range(10, 11))
    await bot.send(updates.message(ADMIN, "/broadcast"))
    [error] = sent(await bot.send(updates.message(ADMIN, "<b>Важно</b> <i>x")))
    assert "не е валиден HTML" in error["text"]  # an unclosed tag typed by hand is refused
    [choose] = sent(await bot.send(updates.message(ADMIN, typed, entities=entities)))
    pick = next(d for d in data(choose) if d.endswith(":#all"))
    calls = await bot.send(updates.button(ADMIN, pick, choose))
    previews = [c.params["text"] for c in calls if c.method == "sendMessage"]
    assert previews[0] == shown


async def test_stats_unanswered_forget(bot: BotHarness, api: FakeBotAPI) -> None:
    for text in (
        "колко струва метрото",
        "колко струва метрото?",
        "кога ще има басейн",
        "колко струва паркът",
    ):
        await bot.send(updates.message(11, text))
    calls = await bot.send(updates.message(ADMIN, "/stats"))
    [figures] = sent(calls)
    assert "Потребители" in figures["text"] and "25 % с отговор" in figures["text"]
    assert [c for c in calls if c.method == "sendPhoto" and c.error is None]
    [unanswered] = sent(await bot.send(updates.message(ADMIN, "/unanswered 7")))
    assert "2 × колко струва метрото" in unanswered["text"]
    assert "1 × кога ще има басейн" in unanswered["text"]
    await bot.send(updates.message(11, "/forget"))
    storage = bot.app.bot_data["services"].storage
    assert await storage.scalar("SELECT COUNT(*) FROM questions WHERE user_id = 11") == 0
    assert await storage.scalar("SELECT COUNT(*) FROM users WHERE id = 11") == 0


@pytest.mark.parametrize("lang", ["bg", "en"])
async def test_stats_of_a_period_without_questions_say_so_and_send_no_empty_chart(
    bot: BotHarness, lang: str
) -> None:
    """On an empty database /stats said "0 % answered" and sent a chart with no bars."""
    calls = await bot.send(updates.message(ADMIN, "/stats", language_code=lang))
    [figures] = sent(calls)
    none = {"bg": "Въпроси: няма за този период", "en": "Questions: none in this period"}[lang]
    assert none in figures["text"] and "%" not in figures["text"]
    assert not [c for c in calls if c.method == "sendPhoto"]
    await bot.send(updates.message(11, "колко струва паркът", language_code=lang))
    calls = await bot.send(updates.message(ADMIN, "/stats", language_code=lang))
    assert [c for c in calls if c.method == "sendPhoto" and c.error is None]


@pytest.mark.parametrize("argument", ["-1", "abc", "7.5"])
@pytest.mark.parametrize("command", ["/stats", "/unanswered"])
async def test_a_period_that_is_no_number_of_days_is_explained(
    bot: BotHarness, command: str, argument: str
) -> None:
    [answer] = sent(await bot.send(updates.message(ADMIN, f"{command} {argument}")))
    assert f"цяло число от 1 до 3650, например {command} 7" in answer["text"]


async def test_broadcasts_list_and_stop(api: FakeBotAPI, fast: Settings) -> None:
    slow = dataclasses.replace(fast, broadcast_rate=20.0)
    bot = await BotHarness(api, slow).start()
    try:
        await subscribe(bot, range(300, 400))
        await announce(bot, "<b>Внимание</b>: дълго съобщение")
        await eventually(lambda: sum(deliveries(api, range(300, 400)).values()) >= 5)
        # the broadcast is sending meanwhile: only the admin's own chat holds the listing
        [listing] = sent(await bot.send(updates.message(ADMIN, "/broadcasts")), ADMIN)
        assert "(изпраща се, " in listing["text"] and "съобщения в секунда" in listing["text"]
        stop = next(d for d in data(listing) if d.endswith(":stop"))
        await bot.send(updates.button(ADMIN, stop, listing))
        storage = bot.app.bot_data["services"].storage
        await eventually(lambda: any("спряно" in text for text in admin_texts(api)))
        [(row, tally)] = await storage.broadcasts()
        assert row.state == "cancelled" and tally.counts.get("cancelled", 0) > 0
        assert sum(deliveries(api, range(300, 400)).values()) == tally.counts["sent"]
        assert tally.counts["sent"] + tally.counts["cancelled"] == 100
    finally:
        await bot.stop()
