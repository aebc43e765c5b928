"""Tickets: office hours, 👍 and "I still need help", a citizen who blocked the bot, a staff
group that cannot be reached, /forget."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.conftest import ADMIN, KNOWLEDGE
from tests.telegram.harness import BotHarness, eventually
from tests.telegram.ticketing import (
    ANNA,
    BORIS,
    QUESTION,
    STAFF_1,
    STAFF_CHAT,
    ask_municipality,
    buttons,
    last,
    press,
    staff_reply,
    ticket_post,
)

TOPIC = 7  # the staff group's forum topic for tickets
SATURDAY_NIGHT = dt.datetime(2026, 12, 5, 20, 30, tzinfo=dt.UTC)  # 22:30 in Sofia
TUESDAY_NOON = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
MONDAY_EVENING = dt.datetime(2026, 11, 30, 17, 0, tzinfo=dt.UTC)  # 19:00 in Sofia


@pytest.fixture
def knowledge_with_hours(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    municipality = folder / "municipality.yaml"
    text = municipality.read_text(encoding="utf-8").replace(
        "\nphones:",
        '\nhours:\n  bg: "понеделник – петък, 8:30 – 17:00"\n'
        '  en: "Monday to Friday, 8:30 to 17:00"\nphones:',
        1,
    )
    municipality.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
async def office(
    api: FakeBotAPI, settings: Settings, knowledge_with_hours: Path
) -> AsyncIterator[BotHarness]:
    api.members[(STAFF_CHAT, STAFF_1)] = "member"
    harness = BotHarness(
        api,
        settings.with_overrides(
            staff_chat_id=STAFF_CHAT,
            staff_thread_id=TOPIC,
            knowledge_dir=knowledge_with_hours,
            reload_interval=0.2,
        ),
    )
    await harness.start()
    yield harness
    await harness.stop()


def set_clock(bot: BotHarness, moment: dt.datetime) -> None:
    bot.app.bot_data["services"].tickets.clock = lambda: moment


async def answered(bot: BotHarness, api: FakeBotAPI, user: int, question: str) -> int:
    """A ticket asked by user and answered by STAFF_1; its number."""
    number = await ask_municipality(bot, api, user, question)
    preview = await staff_reply(bot, api, STAFF_1, await ticket_post(bot, number), "Отговор.")
    await press(bot, STAFF_1, f"s:send:{number}", preview)
    return number


async def test_out_of_hours_the_confirmation_says_when_staff_see_it(
    office: BotHarness, api: FakeBotAPI
) -> None:
    set_clock(office, SATURDAY_NIGHT)
    await ask_municipality(office, api, ANNA, QUESTION)
    assert "служителите ще го видят в понеделник след 08:30 ч." in last(api, ANNA)["text"]
    set_clock(office, MONDAY_EVENING)
    await ask_municipality(office, api, ANNA, "Кога ще има пързалка за кънки?")
    assert "ще го видят във вторник след 08:30 ч." in last(api, ANNA)["text"]  # not "в вторник"
    english = office.app.bot_data["services"].tickets.after_hours("en")
    assert english == "It is outside office hours now: staff will see it on Tuesday after 08:30."
    set_clock(office, TUESDAY_NOON)
    await ask_municipality(office, api, BORIS, QUESTION)
    assert "работното време" not in last(api, BORIS)["text"]


async def test_thanks_closes_and_still_need_help_reopens(
    office: BotHarness, api: FakeBotAPI
) -> None:
    first = await answered(office, api, ANNA, QUESTION)
    await eventually(lambda: f"q:help:{first}" in buttons(last(api, ANNA)))
    await press(office, ANNA, f"q:help:{first}", last(api, ANNA))

    def reopened() -> list[dict[str, Any]]:
        return [m for m in api.messages[STAFF_CHAT].values() if "🔁" in m["text"]]

    await eventually(lambda: len(reopened()) == 1)
    reposted = [await ticket_post(office, first)]
    assert reposted == reopened() and f"s:take:{first}" in buttons(reposted[0])
    preview = await staff_reply(office, api, STAFF_1, reposted[0], "Ето още подробности.")
    await press(office, STAFF_1, f"s:send:{first}", preview)
    await eventually(lambda: "подробности" in last(api, ANNA)["text"])
    await press(office, ANNA, f"q:thanks:{first}", last(api, ANNA))
    await office.send(updates.message(ANNA, "/myquestions"))
    assert "приключен" in last(api, ANNA)["text"]
    await press(office, ANNA, f"q:help:{first}", last(api, ANNA))  # closed: nothing reopens
    await office.send(updates.message(ANNA, "/myquestions"))
    assert "приключен" in last(api, ANNA)["text"]


async def test_a_citizen_who_blocked_the_bot_the_ticket_says_so(
    office: BotHarness, api: FakeBotAPI
) -> None:
    number = await ask_municipality(office, api, BORIS, QUESTION)
    api.fail("sendMessage", 403, count=1, chat_id=BORIS)  # blocked before the answer came
    preview = await staff_reply(office, api, STAFF_1, await ticket_post(office, number), "Отговор.")
    await press(office, STAFF_1, f"s:send:{number}", preview)
    storage = office.app.bot_data["services"].storage

    async def blocked() -> bool:
        ticket = await storage.ticket(number)
        return ticket is not None and ticket.answer_delivery == "blocked"

    deadline = time.monotonic() + 10
    while not await blocked() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    await office.send(updates.message(ADMIN, "/tickets"))
    listing = last(api, ADMIN)["text"]
    assert f"№ {number} · " in listing and "блокирал бота" in listing


async def test_staff_group_unreachable_admins_told_once_tickets_wait(
    office: BotHarness, api: FakeBotAPI
) -> None:
    api.fail("sendMessage", 403, count=2, chat_id=STAFF_CHAT)
    first = await ask_municipality(office, api, ANNA, QUESTION)
    second = await ask_municipality(office, api, BORIS, QUESTION)
    storage = office.app.bot_data["services"].storage
    while len(await storage.waiting_tickets()) < 2:
        await asyncio.sleep(0.02)
    await eventually(lambda: any("Групата на служителите" in t for t in api.texts(ADMIN)))
    assert not await storage.is_blocked(STAFF_CHAT) and await storage.count_users() == 2
    assert "Въпроси на граждани, които чакат" in api.texts(ADMIN)[-1]
    rejoined = {
        "my_chat_member": {
            "chat": updates.chat(STAFF_CHAT, "group"),
            "from": updates.user(STAFF_1),
            "date": int(time.time()),
            "old_chat_member": {
                "status": "left",
                "user": {"id": 777000, "is_bot": True, "first_name": "Munibot"},
            },
            "new_chat_member": {
                "status": "member",
                "user": {"id": 777000, "is_bot": True, "first_name": "Munibot"},
            },
        }
    }
    await office.send(rejoined)
    for number in (first, second):
        assert (await ticket_post(office, number))["message_thread_id"] == TOPIC
    assert len([t for t in api.texts(ADMIN) if "Групата на служителите" in t]) == 1


async def test_forget_erases_tickets_and_posts(office: BotHarness, api: FakeBotAPI) -> None:
    number = await ask_municipality(office, api, ANNA, QUESTION)
    post = await ticket_post(office, number)
    await office.send(updates.message(ANNA, "/forget"))
    erased = api.messages[STAFF_CHAT][post["message_id"]]
    assert QUESTION not in erased["text"] and f"№ {number} е изтрит" in erased["text"]
    assert "reply_markup" not in erased or not erased["reply_markup"]
    await office.send(updates.message(ANNA, "/myquestions"))
    assert "Още не сте задавали" in last(api, ANNA)["text"]
    storage = office.app.bot_data["services"].storage
    assert await storage.ticket(number) is None
    assert not await storage.fetch_all("SELECT 1 FROM deliveries WHERE text LIKE '%книжка%'")
