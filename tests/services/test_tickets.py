"""Tickets below Telegram: the conditional updates, the queue's keyboard and forum topic,
reminders once a working day, office hours, retention."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.services.hours import OfficeHours, local_midnight, local_minute, working_days_between
from bot.services.knowledge import KnowledgeService
from bot.services.ticket_upkeep import remind, retry_waiting
from bot.services.tickets import TicketDesk
from bot.storage import Storage

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"
STAFF_CHAT, TOPIC = -100500, 7
MONDAY = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
async def desk(tmp_path: Path) -> AsyncIterator[TicketDesk]:
    knowledge = KnowledgeService(KNOWLEDGE)
    knowledge.load_or_raise()
    settings = Settings(db_path=tmp_path / "db.sqlite3", staff_chat_id=STAFF_CHAT)
    settings = settings.with_overrides(staff_thread_id=TOPIC)
    async with Storage.opened(settings.db_path) as storage:
        yield TicketDesk(storage, knowledge, settings)


async def ticket(desk: TicketDesk, user: int = 100, text: str = "Кога е сесията?") -> int:
    await desk.set_text(user, text)
    return (await desk.send(user, "bg")).id


async def test_the_post_carries_its_keyboard_and_forum_topic(desk: TicketDesk) -> None:
    number = await ticket(desk, text="<b>Кога</b> е сесията?")
    (broadcast_id,) = await desk.storage.adoptable(0)
    (delivery,) = await desk.storage.pending(broadcast_id)
    assert delivery.user_id == STAFF_CHAT and delivery.thread_id == TOPIC
    assert "&lt;b&gt;Кога&lt;/b&gt;" in (delivery.text or "")
    rows = json.loads(delivery.markup or "")["inline_keyboard"]
    assert [b["callback_data"] for b in rows[0]] == [
        f"s:{a}:{number}" for a in ("take", "answer", "close")
    ]


async def test_of_two_confirmations_at_once_one_wins(desk: TicketDesk) -> None:
    number = await ticket(desk)
    await desk.draft_answer(number, 1, "Отговор едно.", "bg")
    await desk.set_preview(number, 1, 501)
    results = await asyncio.gather(
        desk.confirm(number, 1, 501, "Едно"), desk.confirm(number, 1, 501, "Едно")
    )
    assert sum(result is not None for result in results) == 1
    notices = await desk.storage.fetch_all("SELECT COUNT(*) FROM broadcasts WHERE kind = 'answer'")
    assert notices[0][0] == 1
    assert await desk.draft_answer(number, 2, "Късно.", "bg") is None  # answered: no draft


async def test_a_replaced_draft_cannot_be_confirmed(desk: TicketDesk) -> None:
    number = await ticket(desk)
    await desk.draft_answer(number, 1, "Първи.", "bg")
    await desk.set_preview(number, 1, 501)
    await desk.draft_answer(number, 2, "Втори.", "bg")
    await desk.set_preview(number, 2, 502)
    assert await desk.confirm(number, 1, 501, "Едно") is None
    confirmed = await desk.confirm(number, 2, 502, "Две")
    assert confirmed is not None and confirmed.answer == "Втори."


async def test_reminders_once_a_working_day_after_two(desk: TicketDesk) -> None:
    number = await ticket(desk)
    await desk.storage.execute(
        "UPDATE tickets SET created_at = ?, posted_at = ?",
        (MONDAY.isoformat(), MONDAY.isoformat()),
    )
    tuesday, wednesday = MONDAY + dt.timedelta(days=1), MONDAY + dt.timedelta(days=2)
    saturday = MONDAY + dt.timedelta(days=5)
    assert await remind(desk, tuesday) == 0  # one working day: not yet
    assert await remind(desk, wednesday) == 1
    assert await remind(desk, wednesday + dt.timedelta(hours=3)) == 0  # once a day
    assert await remind(desk, saturday) == 0  # not on a weekend
    assert await remind(desk, saturday + dt.timedelta(days=2)) == 1  # Monday again
    posts = await desk.storage.fetch_all(
        "SELECT COUNT(*) FROM ticket_posts WHERE ticket_id = ?", (number,)
    )
    assert posts[0][0] == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("понеделник – петък, 8:30 – 17:00", (dt.time(8, 30), dt.time(17, 0))),
        ("Mon–Fri 08.00-16.30", (dt.time(8, 0), dt.time(16, 30))),
        ("от 9:00 до 12:00", (dt.time(9, 0), dt.time(12, 0))),
        ("всеки делник", None),
        ("17:00 – 8:00", None),
        ("25:00 - 26:00", None),
    ],
)
def test_office_hours_are_read_from_the_text(
    text: str, expected: tuple[dt.time, dt.time] | None
) -> None:
    hours = OfficeHours.parse(text)
    assert (hours.opens, hours.closes) == expected if hours else expected is None


def test_next_opening_and_working_days() -> None:
    hours = OfficeHours(dt.time(8, 30), dt.time(17, 0))
    friday_evening = dt.datetime(2026, 12, 4, 16, 0, tzinfo=dt.UTC)  # 18:00 in Sofia
    assert not hours.open_at(friday_evening)
    opening = hours.next_opening(friday_evening)
    assert (opening.weekday(), opening.hour, opening.minute) == (0, 8, 30)
    assert hours.open_at(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC))
    assert working_days_between(friday_evening, friday_evening + dt.timedelta(days=3)) == 1


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2026-12-01T16:09:59+00:00", "2026-12-01 18:09"),  # winter: UTC+2
        ("2026-07-01T22:30:00+00:00", "2026-07-02 01:30"),  # summer: UTC+3, the next day
        ("2026-03-29T00:59:00", "2026-03-29 02:59"),  # no zone stored: UTC
    ],
)
def test_stored_moments_are_shown_in_the_municipalitys_time(stored: str, shown: str) -> None:
    assert local_minute(stored) == shown


def test_today_starts_at_midnight_in_septemvri() -> None:
    late = dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC)  # already 2 December in Sofia
    assert local_midnight(late) == "2026-12-01T22:00:00+00:00"
    assert local_midnight(dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)) == (
        "2026-06-30T21:00:00+00:00"
    )


async def test_forget_and_retention_erase_tickets_with_their_posts(desk: TicketDesk) -> None:
    kept, erased = await ticket(desk, 200), await ticket(desk, 100)
    await desk.storage.forget_tickets(100)
    assert await desk.storage.ticket(erased) is None and await desk.storage.ticket(kept)
    rows = await desk.storage.fetch_all("SELECT COUNT(*) FROM deliveries")
    assert rows[0][0] == 1
    assert await desk.storage.prune_tickets("9999") == 1
    assert await desk.storage.ticket(kept) is None


async def test_a_group_that_refuses_is_reported_once_and_tried_every_ten_minutes(
    desk: TicketDesk,
) -> None:
    number = await ticket(desk)
    await desk.storage.execute("UPDATE deliveries SET state = 'blocked'")  # a 403 from the group
    desk.settings = desk.settings.with_overrides(admin_ids=frozenset({42}))
    stored = await desk.storage.ticket(number)
    assert stored is not None
    posted = dt.datetime.fromisoformat(stored.posted_at)
    assert await retry_waiting(desk, posted + dt.timedelta(seconds=60)) == 1  # the admin only
    assert await retry_waiting(desk, posted + dt.timedelta(seconds=601)) == 1  # posted again
    assert await retry_waiting(desk, posted + dt.timedelta(seconds=700)) == 0  # it is queued
    notices = await desk.storage.fetch_all(
        "SELECT user_id FROM deliveries d JOIN broadcasts b ON b.id = d.broadcast_id "
        "WHERE b.kind = 'staff-unreachable'"
    )
    assert [tuple(row) for row in notices] == [(42,)]


async def test_an_unsent_question_survives_a_restart(tmp_path: Path) -> None:
    """The draft is kept in the database: a new process takes it back, contact and all."""
    knowledge = KnowledgeService(KNOWLEDGE)
    knowledge.load_or_raise()
    settings = Settings(db_path=tmp_path / "db.sqlite3", staff_chat_id=STAFF_CHAT)
    async with Storage.opened(settings.db_path) as storage:
        first = TicketDesk(storage, knowledge, settings)
        await first.set_text(100, "Кога е сесията?")
        await first.set_contact(100, "Анна, +359888000111")
        await first.set_text(101, "When is it?")
        await first.drop(101)
    async with Storage.opened(settings.db_path) as storage:
        second = TicketDesk(storage, knowledge, settings)
        assert await second.restore() == 1
        draft = second.draft(100)
        assert draft is not None and draft.text == "Кога е сесията?"
        assert draft.contact == "Анна, +359888000111" and second.draft(101) is None
        assert (await second.send(100, "bg")).question == "Кога е сесията?"
        assert await storage.scalar("SELECT COUNT(*) FROM ticket_drafts") == 0


async def test_old_drafts_go_and_forget_erases_them(desk: TicketDesk) -> None:
    await desk.set_text(100, "Кога е сесията?")
    await desk.set_text(200, "А басейнът?")
    await desk.storage.forget(200)
    assert [user for user, _ in await desk.storage.drafts("0", 10)] == [100]
    desk.clock = lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=8)
    assert await desk.restore() == 0  # a week and a day old: gone
    assert await desk.storage.scalar("SELECT COUNT(*) FROM ticket_drafts") == 0


async def test_a_database_that_refuses_keeps_the_draft_in_memory(desk: TicketDesk) -> None:
    await desk.storage.execute("DROP TABLE ticket_drafts")  # every write of a draft now fails
    draft = await desk.set_text(100, "Кога е сесията?")
    assert desk.draft(100) == draft
    await desk.drop(100)
    assert desk.draft(100) is None
