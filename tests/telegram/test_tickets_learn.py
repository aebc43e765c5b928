"""Learn end to end: two citizens ask what the bot does not know, staff answer one by reply,
add it to the bot's answers with the other's question ticked, and a third user asking the same
gets the bot's own answer."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.conftest import ADMIN, KNOWLEDGE
from tests.telegram.harness import BotHarness, eventually
from tests.telegram.ticketing import (
    ANNA,
    BORIS,
    OUTSIDER,
    STAFF_1,
    STAFF_2,
    STAFF_CHAT,
    ask_municipality,
    buttons,
    last,
    press,
    staff_reply,
    ticket_post,
    toasts,
)

THIRD = 1003
ASKED = "Може ли да си извадя шофьорска книжка онлайн?"
ALIKE = "може ли шофьорска книжка да се извади онлайн"
ANSWER = "Не, за шофьорска книжка се ходи в КАТ Пазарджик, а общината не издава книжки."


@pytest.fixture
async def learner(api: FakeBotAPI, settings: Settings, tmp_path: Path) -> AsyncIterator[BotHarness]:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    api.members.update({(STAFF_CHAT, STAFF_1): "member", (STAFF_CHAT, STAFF_2): "member"})
    harness = BotHarness(
        api, settings.with_overrides(staff_chat_id=STAFF_CHAT, knowledge_dir=folder)
    )
    await harness.start()
    yield harness
    await harness.stop()


async def test_an_answer_becomes_the_bots_answer_for_everyone(
    learner: BotHarness, api: FakeBotAPI, settings: Settings
) -> None:
    await learner.send(updates.message(BORIS, ALIKE))  # not answered: a similar question
    number = await ask_municipality(learner, api, ANNA, ASKED)
    preview = await staff_reply(learner, api, STAFF_1, await ticket_post(learner, number), ANSWER)
    await press(learner, STAFF_1, f"s:send:{number}", preview)
    await eventually(lambda: any(ANSWER in text for text in api.texts(ANNA)))
    sent = last(api, STAFF_CHAT)
    assert f"s:learn:{number}" in buttons(sent)

    await press(learner, OUTSIDER, f"s:learn:{number}", sent)
    assert "за служителите" in toasts(api)[-1]
    await press(learner, STAFF_2, f"s:learn:{number}", sent)
    lesson = last(api, STAFF_CHAT)
    assert ASKED in lesson["text"] and ANSWER in lesson["text"]
    offered = buttons(lesson)
    tick = f"s:tick0-1:{number}"  # tick question 0: the ticks after the press ride in the button
    assert offered[tick].startswith("☐ ") and ALIKE in offered[tick]
    await press(learner, STAFF_2, tick, lesson)
    lesson = api.messages[STAFF_CHAT][lesson["message_id"]]
    assert buttons(lesson)[f"s:tick0-0:{number}"].startswith("☑ ")
    await press(learner, STAFF_2, f"s:save-1:{number}", lesson)
    done = api.messages[STAFF_CHAT][lesson["message_id"]]
    assert "Добавено към отговорите на бота от User2002" in done["text"]

    written = (learner.settings.knowledge_dir / "faq.yaml").read_text("utf-8")
    original = (KNOWLEDGE / "faq.yaml").read_text("utf-8")
    assert written.startswith(original)  # every byte, comments too, kept; the entry added
    faq = yaml.safe_load(written)
    assert {"questions": [ASKED, ALIKE], "answer": {"bg": ANSWER}} in faq
    await learner.send(updates.message(THIRD, "мога ли да си извадя шофьорска книжка онлайн"))
    assert ANSWER in last(api, THIRD)["text"]
    await press(learner, STAFF_1, f"s:save-1:{number}", lesson)  # twice: nothing more is written
    assert "вече е добавен" in toasts(api)[-1]
    assert len(yaml.safe_load((learner.settings.knowledge_dir / "faq.yaml").read_text())) == len(
        faq
    )
    await learner.send(updates.message(ADMIN, "/stats"))
    figures = [c.result["text"] for c in api.sent(ADMIN)][-1]
    assert "1 зададени, 1 отговорени, медиана до отговора: 0,0 ч., 1 станали" in figures
    await learner.send(updates.message(ANNA, "/forget"))  # the Learn screen quotes her question
    erased = api.messages[STAFF_CHAT][lesson["message_id"]]
    assert ASKED not in erased["text"] and f"№ {number} е изтрит" in erased["text"]


async def test_a_restart_between_learn_and_save_keeps_the_ticks_shown(
    learner: BotHarness, api: FakeBotAPI
) -> None:
    """The ticks ride in the buttons; after a restart the list is found again and, when it has
    changed meanwhile, shown once more (ticked by the questions' text) before anything is saved."""
    await learner.send(updates.message(BORIS, ALIKE))
    number = await ask_municipality(learner, api, ANNA, ASKED)
    preview = await staff_reply(learner, api, STAFF_1, await ticket_post(learner, number), ANSWER)
    await press(learner, STAFF_1, f"s:send:{number}", preview)
    await press(learner, STAFF_1, f"s:learn:{number}", last(api, STAFF_CHAT))
    lesson = last(api, STAFF_CHAT)
    await press(learner, STAFF_1, f"s:tick0-1:{number}", lesson)
    await learner.stop()
    again = await BotHarness(api, learner.settings).start()
    try:
        newer = "а може ли книжка онлайн да се извади"  # asked meanwhile: the list changes
        await again.send(updates.message(THIRD, newer))
        lesson = api.messages[STAFF_CHAT][lesson["message_id"]]
        await press(again, STAFF_1, f"s:save-1:{number}", lesson)
        assert "рестартиран" in toasts(api)[-1]
        shown = api.messages[STAFF_CHAT][lesson["message_id"]]
        marks = {label[2:]: label[0] for label in buttons(shown).values() if label[0] in "☑☐"}
        assert marks == {ALIKE: "☑", newer: "☐"}
        save = next(data for data in buttons(shown) if data.startswith("s:save-"))
        await press(again, STAFF_1, save, shown)
        faq = yaml.safe_load((learner.settings.knowledge_dir / "faq.yaml").read_text("utf-8"))
        assert {"questions": [ASKED, ALIKE], "answer": {"bg": ANSWER}} in faq
    finally:
        await again.stop()
    await learner.start()  # the fixture stops it at the end
