"""The delivery queue in SQLite: migration 3, migrating from two processes at once, leases per
run, conditional claims and outcomes, durable claims."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, Delivery, DeliveryState, Outcome, Storage
from bot.storage.base import statements


def version_2(db: Path) -> None:
    """A database as the bot left it before schema 3: a broadcast running under a lease with
    one delivery sent, one in flight and one pending, and a news item announced."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        for script in MIGRATIONS[:2]:
            connection.executescript(script)
        connection.executescript(
            """
            PRAGMA user_version = 2;
            INSERT INTO users (id, first_seen, last_seen, subscribed) VALUES
                (1, 'x', 'x', 1), (2, 'x', 'x', 1), (3, 'x', 'x', 1);
            INSERT INTO follows VALUES (1, 'hot-lunch', 'x');
            INSERT INTO broadcasts (created_at, text_bg, state, lease_owner, lease_until)
                VALUES ('x', 'Здравейте', 'running', 'process-1', 0);
            INSERT INTO deliveries (broadcast_id, user_id, lang, state) VALUES
                (1, 1, 'bg', 'sent'), (1, 2, 'bg', 'sending'), (1, 3, 'en', 'pending');
            INSERT INTO announced_news VALUES ('hot-lunch', '2024-06-11|0123456789ab', 'x');
            """
        )


def indices(db: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {str(row[0]) for row in rows}


async def test_migration_3_keeps_everything_and_the_broadcast_resumes(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    version_2(db)
    async with Storage.opened(db) as storage:
        assert await storage.version() == len(MIGRATIONS)
        rows = await storage.fetch_all("SELECT id, user_id, state FROM deliveries ORDER BY id")
        assert [tuple(row) for row in rows] == [
            (1, 1, "sent"),
            (2, 2, "sending"),
            (3, 3, "pending"),
        ]
        assert await storage.adoptable(time.time()) == [1]  # the old lease has expired
        assert await storage.take_lease(1, "run-a", time.time() + 10, time.time())
        tally = await storage.broadcast_tally(1)
        assert tally.counts == {"sent": 1, "uncertain": 1, "pending": 1}  # in flight: uncertain
        [left] = await storage.pending(1)
        assert (left.user_id, left.lang) == (3, "en")
        assert [known.key for known in await storage.announced("hot-lunch")] == [
            "2024-06-11|0123456789ab"
        ]
    assert {"deliveries_user", "follows_project", "deliveries_state"} <= indices(db)


async def test_processes_starting_together_migrate_once(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    version_2(db)
    opened = await asyncio.gather(*(Storage.open(db) for _ in range(4)))
    try:
        assert [await storage.version() for storage in opened] == [len(MIGRATIONS)] * 4
        assert await opened[0].scalar("SELECT COUNT(*) FROM deliveries") == 3
    finally:
        for storage in opened:
            await storage.close()


def test_statements_split_whole() -> None:
    script = "CREATE TABLE t (a TEXT DEFAULT 'x;y'); -- a ';'\nINSERT INTO t DEFAULT VALUES;\n"
    found = statements(script)
    assert len(found) == 2
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        for statement in found:
            connection.execute(statement)
        assert connection.execute("SELECT a FROM t").fetchall() == [("x;y",)]


@pytest.fixture
async def queue(tmp_path: Path) -> tuple[Storage, int, list[Delivery]]:
    storage = await Storage.open(tmp_path / "db.sqlite3")
    broadcast_id = await storage.create_broadcast("x", None, None, [(1, "bg"), (2, "bg")])
    return storage, broadcast_id, await storage.pending(broadcast_id)


async def test_leases_belong_to_one_run(queue: tuple[Storage, int, list[Delivery]]) -> None:
    storage, broadcast_id, _ = queue
    now = time.time()
    assert await storage.take_lease(broadcast_id, "a", now + 10, now)
    assert not await storage.take_lease(broadcast_id, "b", now + 10, now)  # a lives
    assert not await storage.take_lease(broadcast_id, "a", now + 10, now)  # even for itself
    assert await storage.renew_lease(broadcast_id, "a", now + 20)
    assert not await storage.renew_lease(broadcast_id, "b", now + 20)
    assert await storage.take_lease(broadcast_id, "b", now + 30, now + 25)  # a's expired
    assert not await storage.renew_lease(broadcast_id, "a", now + 40)
    await storage.release_lease(broadcast_id, "a")  # not a's any more: nothing happens
    assert (await storage.lease(broadcast_id))[0] == "b"
    await storage.close()


async def test_claims_and_outcomes_are_conditional(
    queue: tuple[Storage, int, list[Delivery]],
) -> None:
    storage, broadcast_id, (first, second) = queue
    now = time.time()
    assert await storage.advance("a", [], [first]) == set()  # no lease: no claim
    assert await storage.take_lease(broadcast_id, "a", now + 10, now)
    assert await storage.advance("b", [], [first]) == set()  # not the lease's run
    assert await storage.advance("a", [], [first, second]) == {first.id, second.id}
    assert await storage.advance("a", [], [first]) == set()  # not pending any more
    sent = Outcome(DeliveryState.SENT, message_id=7)
    await storage.advance("b", [(first, sent)], [])  # b did not claim it: ignored
    assert (await storage.broadcast_tally(broadcast_id)).counts == {"sending": 2}
    # run b takes over: a's deliveries in flight become uncertain
    assert await storage.take_lease(broadcast_id, "b", now + 30, now + 20)
    again = Outcome(DeliveryState.PENDING, error="Bad Gateway", retry_at=now + 1)
    await storage.advance("a", [(first, sent), (second, again)], [])
    tally = await storage.broadcast_tally(broadcast_id)
    assert tally.counts == {"sent": 1, "uncertain": 1}  # a's answer is known; a retry is not
    await storage.close()


async def test_cancelled_deliveries_are_never_claimed(
    queue: tuple[Storage, int, list[Delivery]],
) -> None:
    storage, broadcast_id, (first, _) = queue
    assert await storage.take_lease(broadcast_id, "a", time.time() + 10, time.time())
    assert await storage.cancel_broadcast(broadcast_id)
    assert await storage.advance("a", [], [first]) == set()
    assert (await storage.broadcast_tally(broadcast_id)).counts == {"cancelled": 2}
    await storage.close()


async def test_claims_are_written_with_synchronous_full(
    queue: tuple[Storage, int, list[Delivery]],
) -> None:
    storage, broadcast_id, (first, _) = queue
    assert await storage.take_lease(broadcast_id, "a", time.time() + 10, time.time())
    traced: list[str] = []
    await storage.db.set_trace_callback(traced.append)
    await storage.advance("a", [], [first])
    await storage.advance("a", [(first, Outcome(DeliveryState.SENT, 1))], [])
    await storage.db.set_trace_callback(None)
    claim = next(i for i, sql in enumerate(traced) if "SET state = 'sending'" in sql)
    full = [i for i, sql in enumerate(traced) if sql == "PRAGMA synchronous=FULL"]
    normal = [i for i, sql in enumerate(traced) if sql == "PRAGMA synchronous=NORMAL"]
    commits = [i for i, sql in enumerate(traced) if sql == "COMMIT"]
    assert len(full) == 1 and full[0] < claim < commits[0] < normal[0]  # only the claim
    assert await storage.scalar("PRAGMA synchronous") == 1  # NORMAL again afterwards
    await storage.close()


def test_the_readme_documents_every_state() -> None:
    readme = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("**How messages are delivered.**")[1].split("**News notifications")[0]
    diagram = section.split("```text")[1].split("```")[0]
    assert {state.value for state in DeliveryState} <= set(diagram.replace("-", " ").split())
