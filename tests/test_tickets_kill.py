"""kill -9 of `munibot run` between a staff member's answer and its delivery: after the
restart the citizen whose answer was queued gets it once, the one whose answer was in flight
does not get it twice (counted by the Bot API server)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.services.test_exactly_once import until
from tests.test_cli_tickets import STAFF_CHAT, two_tickets

ROOT = Path(__file__).parent.parent
IN_FLIGHT, QUEUED = 100, 101  # the citizens of tickets 1 and 2
STAFF = 2001


@contextlib.asynccontextmanager
async def munibot_run(api: FakeBotAPI, db: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    """`munibot run` against the server, killed with SIGKILL (no clean-up at all) at the end."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.url,
        "MUNIBOT_DB": str(db),
        "MUNIBOT_STAFF_CHAT_ID": str(STAFF_CHAT),
        "MUNIBOT_BROADCAST_LEASE": "1",
        "MUNIBOT_DELIVERY_RETRY_BASE": "5",  # the 502 is tried again seconds later
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stderr=asyncio.subprocess.DEVNULL
    )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGKILL)
        await process.wait()


def answer_states(db: Path) -> dict[int, str]:
    """The state of each citizen's answer delivery."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        rows = connection.execute(
            "SELECT t.user_id, d.state FROM tickets t JOIN deliveries d "
            "ON d.broadcast_id = t.answer_notice"
        ).fetchall()
    return dict(rows)


def stored_post(db: Path, message_id: int) -> bool:
    """True once the post's message id is in the database (a reply to it is then found)."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        row = connection.execute(
            "SELECT 1 FROM deliveries WHERE user_id = ? AND message_id = ?",
            (STAFF_CHAT, message_id),
        ).fetchone()
    return row is not None


def group_message(api: FakeBotAPI, needle: str) -> dict[str, Any] | None:
    found = [m for m in api.messages[STAFF_CHAT].values() if needle in str(m)]
    return found[-1] if found else None


async def answer(api: FakeBotAPI, db: Path, number: int, text: str) -> None:
    """STAFF replies to the ticket's post and confirms the preview."""
    await until(lambda: group_message(api, f"s:take:{number}") is not None, timeout=60)
    post = group_message(api, f"s:take:{number}")
    assert post is not None
    await until(lambda: stored_post(db, post["message_id"]))
    await api.push(
        updates.message(STAFF, text, chat_id=STAFF_CHAT, kind="group", reply_to_message=post)
    )
    await until(lambda: group_message(api, f"s:send:{number}") is not None)
    preview = group_message(api, f"s:send:{number}")
    assert preview is not None
    await api.push(updates.button(STAFF, f"s:send:{number}", preview))


async def test_kill_9_between_the_answer_and_its_delivery(api: FakeBotAPI, tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite3"
    await two_tickets(db, close_second=False)
    api.members[(STAFF_CHAT, STAFF)] = "member"
    api.slow("sendMessage", 60, chat_id=IN_FLIGHT)  # carried out, answered only much later
    api.fail("sendMessage", 502, count=10_000, chat_id=QUEUED)  # never taken: tried again later
    async with munibot_run(api, db):
        await answer(api, db, 1, "Отговор за първия.")
        await answer(api, db, 2, "Отговор за втория.")
        await until(lambda: any(c.error for c in api.calls if c.params.get("chat_id") == QUEUED))
        await until(lambda: answer_states(db) == {IN_FLIGHT: "sending", QUEUED: "pending"})
        assert api.sent(IN_FLIGHT)

    api.failures.clear()
    async with munibot_run(api, db):
        await until(lambda: answer_states(db)[QUEUED] == "sent", timeout=60)
        await until(lambda: answer_states(db)[IN_FLIGHT] == "uncertain", timeout=60)
        await asyncio.sleep(1.0)  # time for a second copy, if one were to come
    assert api.copies()[QUEUED] == 1 and "втория" in api.texts(QUEUED)[0]
    assert api.copies()[IN_FLIGHT] == 1 and "първия" in api.texts(IN_FLIGHT)[0]
