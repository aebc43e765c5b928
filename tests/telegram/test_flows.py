"""/addnews from the first button to the follower's notification, and what every flow shares:
it survives a restart, /cancel ends it, an idle one times out, a sticker is asked again as text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.conftest import ADMIN, KNOWLEDGE
from tests.telegram.harness import BotHarness, eventually
from tests.telegram.test_editing import data, sent

EDITOR, FOLLOWER, CITIZEN = 55, 88, 89
PARK = "projects/park-block-66.yaml"


@pytest.fixture
def editing(settings: Settings, tmp_path: Path) -> Settings:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    return dataclasses.replace(
        settings, knowledge_dir=folder, editor_ids=frozenset({EDITOR}), broadcast_rate=200.0
    )


@pytest.fixture
async def bot(api: FakeBotAPI, editing: Settings) -> AsyncIterator[BotHarness]:
    harness = await BotHarness(api, editing).start()
    yield harness
    await harness.stop()


async def say(bot: BotHarness, text: str) -> dict[str, Any]:
    """The editor's message and the bot's last answer to it."""
    return sent(await bot.send(updates.message(EDITOR, text)), EDITOR)[-1]


async def press(bot: BotHarness, message: dict[str, Any], ending: str) -> dict[str, Any]:
    """The editor presses the message's button whose data ends with ending; the last answer."""
    choice = next(d for d in data(message) if d.endswith(ending))
    return sent(await bot.send(updates.button(EDITOR, choice, message)), EDITOR)[-1]


async def to_title(bot: BotHarness) -> dict[str, Any]:
    """/addnews with a search, then the park's button: the question for the title."""
    choose = await say(bot, "/addnews парка")
    assert ":park-block-66" in " ".join(data(choose))
    return await press(bot, choose, ":park-block-66")


async def test_addnews_from_the_first_button_to_exactly_one_notification_of_the_follower(
    bot: BotHarness, api: FakeBotAPI, editing: Settings
) -> None:
    services = bot.app.bot_data["services"]
    await services.storage.follow(FOLLOWER, "park-block-66")
    before = (editing.knowledge_dir / PARK).read_text(encoding="utf-8")
    title = await to_title(bot)
    assert "заглавието" in title["text"]
    assert "текста" in (await say(bot, "Паркът е открит\n---\nThe park is open"))["text"]
    link = await say(bot, "Заповядайте на откриването в 10 ч.")
    assert "https://" in link["text"]
    assert "не е връзка" in (await say(bot, "septemvri.bg"))["text"]
    assert "без интервали" in (await say(bot, "https://septemvri.bg/нов парк"))["text"]
    date = await press(bot, link, ":#skip")
    assert "1.12.2026" in (await say(bot, "вчера"))["text"]  # the example in the answer
    preview = await say(bot, "1.12.2026")
    assert "Паркът е открит / The park is open" in preview["text"]
    assert "от 1 декември 2026 г." in preview["text"]  # the date as the bot writes dates
    assert "Следващи проекта: 1" in preview["text"] and date["text"]
    done = await press(bot, preview, ":#ok")
    assert done["text"].startswith(f"✅ Новината е добавена в {PARK}")
    after = (editing.knowledge_dir / PARK).read_text(encoding="utf-8")
    assert after.startswith(before)  # every byte of the file as it was, then the item
    [item] = yaml.safe_load(after[len(before) :])["news"]
    assert item["date"] == dt.date(2026, 12, 1)
    assert item["title"] == {"bg": "Паркът е открит", "en": "The park is open"}
    assert item["id"] and "url" not in item

    def notified() -> int:
        return sum("Паркът е открит" in text for text in api.texts(FOLLOWER))

    await eventually(lambda: notified() >= 1)
    await services.reload(force=True)
    assert await services.announce_news() == []  # nothing is ever queued for it again
    assert notified() == 1 and api.copies()[FOLLOWER] == 1


async def test_a_flow_survives_a_restart(api: FakeBotAPI, editing: Settings) -> None:
    first = await BotHarness(api, editing).start()
    try:
        await to_title(first)
    finally:
        await first.stop()
    second = await BotHarness(api, editing).start()
    try:
        answer = await say(second, "Паркът е открит")
        assert "Изпратете текста на новината" in answer["text"]
    finally:
        await second.stop()


async def test_cancel_ends_the_flow_and_the_next_text_is_an_ordinary_question(
    bot: BotHarness, editing: Settings
) -> None:
    before = (editing.knowledge_dir / PARK).read_text(encoding="utf-8")
    await to_title(bot)
    assert (await say(bot, "/cancel"))["text"] == "Прекратено, нищо не е променено."
    assert await bot.app.bot_data["services"].storage.flow(EDITOR) is None
    answer = await say(bot, "кой е кметът")
    assert "Рачева" in answer["text"]
    assert (await say(bot, "/cancel"))["text"] == "Няма нищо започнато за прекратяване."
    assert (editing.knowledge_dir / PARK).read_text(encoding="utf-8") == before


async def test_an_idle_flow_times_out_and_the_editor_is_told(
    bot: BotHarness, editing: Settings
) -> None:
    choose = await say(bot, "/addnews")
    await press(bot, choose, ":park-block-66")
    storage = bot.app.bot_data["services"].storage
    idle = editing.flow_timeout + 1
    await storage.execute("UPDATE flows SET updated_at = updated_at - ?", (idle,))
    [answer] = sent(await bot.send(updates.message(EDITOR, "Паркът е открит")), EDITOR)
    assert answer["text"].startswith("⌛ Започнатото от вас беше прекратено след 30 минути")
    assert await storage.flow(EDITOR) is None
    late = sent(await bot.send(updates.button(EDITOR, data(choose)[0], choose)), EDITOR)
    assert not late  # a button of the ended flow only gets a toast


async def test_the_project_is_found_by_typing_a_few_words(bot: BotHarness) -> None:
    await say(bot, "/addnews")
    assert "Няма проект, който да отговаря на „жираф“" in (await say(bot, "жираф"))["text"]
    found = await say(bot, "топъл обяд")
    assert any(d.endswith(":hot-lunch") for d in data(found))
    title = await press(bot, found, ":hot-lunch")
    assert "заглавието" in title["text"]


async def test_a_sticker_is_asked_again_as_text_and_the_flow_waits(bot: BotHarness) -> None:
    await to_title(bot)
    [answer] = sent(await bot.send(updates.sticker(EDITOR)), EDITOR)
    assert answer["text"].startswith("Очаквам текст. Проект: ")
    state = await bot.app.bot_data["services"].storage.flow(EDITOR)
    assert state.step == "title"


async def test_a_button_of_another_flow_is_stale(bot: BotHarness) -> None:
    choose = await say(bot, "/addnews")
    await say(bot, "/addnews")  # a new flow replaces the first
    calls = await bot.send(updates.button(EDITOR, data(choose)[0], choose))
    [toast] = [c for c in calls if c.method == "answerCallbackQuery"]
    assert toast.params["text"] and not sent(calls, EDITOR)


async def draft_for_park(bot: BotHarness) -> dict[str, Any]:
    """A subscriber and a follower of the park; the admin's draft waits for its audience."""
    storage = bot.app.bot_data["services"].storage
    await storage.set_subscribed(CITIZEN, True)
    await storage.follow(FOLLOWER, "park-block-66")
    calls = await bot.send(updates.message(ADMIN, "/broadcast Внимание: няма вода"))
    return sent(calls, ADMIN)[-1]


async def remove_park(bot: BotHarness, editing: Settings) -> None:
    (editing.knowledge_dir / PARK).unlink()
    await bot.app.bot_data["services"].reload(force=True)


async def test_a_broadcast_to_a_project_that_is_gone_goes_to_nobody(
    bot: BotHarness, editing: Settings
) -> None:
    choose = await draft_for_park(bot)
    await remove_park(bot, editing)
    park_button = next(d for d in data(choose) if d.endswith(":park-block-66"))
    calls = await bot.send(updates.button(ADMIN, park_button, choose))
    [toast] = [c for c in calls if c.method == "answerCallbackQuery"]
    assert toast.params["text"] == "Този бутон вече не е валиден."
    assert await bot.app.bot_data["services"].storage.broadcasts(10) == []


async def test_the_audience_is_checked_again_when_the_admin_sends(
    bot: BotHarness, editing: Settings
) -> None:
    choose = await draft_for_park(bot)
    park_button = next(d for d in data(choose) if d.endswith(":park-block-66"))
    preview = sent(await bot.send(updates.button(ADMIN, park_button, choose)), ADMIN)[-1]
    assert "Получатели: 1" in preview["text"]
    await remove_park(bot, editing)
    send = next(d for d in data(preview) if d.endswith(":#ok"))
    [answer] = sent(await bot.send(updates.button(ADMIN, send, preview)), ADMIN)
    assert "вече не е в базата знания" in answer["text"]
    assert await bot.app.bot_data["services"].storage.broadcasts(10) == []


async def test_a_broadcast_draft_survives_a_restart_and_cancel_ends_it(
    api: FakeBotAPI, editing: Settings
) -> None:
    first = await BotHarness(api, editing).start()
    try:
        await first.send(updates.message(ADMIN, "/broadcast"))
    finally:
        await first.stop()
    second = await BotHarness(api, editing).start()
    try:
        choose = sent(await second.send(updates.message(ADMIN, "Утре няма вода")), ADMIN)[-1]
        assert any(d.endswith(":#all") for d in data(choose))
        [cancelled] = sent(await second.send(updates.message(ADMIN, "/cancel")), ADMIN)
        assert cancelled["text"] == "Прекратено, нищо не е променено."
    finally:
        await second.stop()
