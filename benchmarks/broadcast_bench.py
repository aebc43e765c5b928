"""Broadcast delivery, counted by the Bot API server (in a process of its own):

1. chaos: two `munibot run` processes on one database send one broadcast while they are killed
   with -9 at random and restarted, and the server answers some messages 5xx and some late;
2. the server limiting to 20 messages a second, the bot configured at 30: the server's 429s and
   the share of the limit achieved;
3. no limit: the bot's own ceiling, and for comparison the same messages straight through the
   sender (no database, no dispatcher).

Run: .venv/bin/python benchmarks/broadcast_bench.py  (appends its table to benchmarks/results.md)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import Bot
from telegram.request import HTTPXRequest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.speed import machine  # noqa: E402
from bot.handlers.bulk import DirectSender  # noqa: E402
from bot.handlers.delivery import TelegramSender  # noqa: E402
from bot.services.broadcast import Sender  # noqa: E402
from bot.services.dispatcher import Dispatcher  # noqa: E402
from bot.services.ratelimit import RateLimiter  # noqa: E402
from bot.storage import Storage  # noqa: E402

TEXT = "<b>Внимание</b>: спиране на водата утре от 9 до 13 ч."


async def prepare(db: Path, recipients: int) -> int:
    """A database with subscribers and one queued broadcast to all of them."""
    async with Storage.opened(db) as storage:
        for user in range(1, recipients + 1):
            await storage.set_subscribed(user, True)
        return await storage.create_broadcast(TEXT, None, None, await storage.audience(None))


@dataclass
class Server:
    """The tests' Bot API server in a process of its own."""

    url: str
    stats_url: str
    token: str

    def stats(self) -> dict[str, Any]:
        """Its counts: copies per chat, 429s, 5xx, late answers."""
        with urllib.request.urlopen(f"{self.stats_url}/sent") as response:
            data: dict[str, Any] = json.load(response)
        data["copies"] = Counter({int(chat): int(n) for chat, n in data.pop("sent").items()})
        return data


@contextlib.asynccontextmanager
async def server_process(folder: Path, *options: str) -> AsyncIterator[Server]:
    port_file = folder / f"server-{time.monotonic_ns()}"
    command = [sys.executable, "-m", "tests.botapi.serve", str(port_file), *options]
    process = await asyncio.create_subprocess_exec(*command, cwd=ROOT)
    try:
        while not port_file.exists() or not port_file.read_text().strip():
            await asyncio.sleep(0.05)
        yield Server(*port_file.read_text().split())
    finally:
        process.kill()
        await process.wait()


def outcome(db: Path, copies: Counter[int], recipients: int) -> dict[str, int]:
    """Lost (no copy, not reported uncertain), duplicated, and the bot's own states."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        states = dict(connection.execute("SELECT user_id, state FROM deliveries").fetchall())
    uncertain = {user for user, state in states.items() if state == "uncertain"}
    users = range(1, recipients + 1)
    return {
        "lost": sum(1 for u in users if copies[u] == 0 and u not in uncertain),
        "duplicated": sum(n - 1 for n in copies.values() if n > 1),
        "uncertain": len(uncertain),
        "uncertain_received": sum(1 for u in uncertain if copies[u]),
        "failed": sum(1 for s in states.values() if s == "failed"),
        "sent": sum(1 for s in states.values() if s == "sent"),
        "left": sum(1 for s in states.values() if s in ("pending", "sending")),
    }


async def rate_run(folder: Path, recipients: int, limit: float | None, rate: float) -> str:
    """The dispatcher in this process, the server (limiting or not) in another."""
    db = folder / f"rate-{limit}.sqlite3"
    broadcast_id = await prepare(db, recipients)
    options = ["--rate-limit", str(limit)] if limit else []
    async with server_process(folder, *options) as server, Storage.opened(db) as storage:
        sender = DirectSender(server.url, server.token)  # the bot's own sender
        limiter = RateLimiter(rate)
        dispatcher = Dispatcher(storage, sender, limiter)
        start = time.perf_counter()
        await dispatcher.run(broadcast_id)
        elapsed = time.perf_counter() - start
        await sender.close()
        stats = server.stats()
    result = outcome(db, stats["copies"], recipients)
    achieved = sum(stats["copies"].values()) / elapsed
    if limit:
        return (
            f"| {recipients:,} recipients, server limit {limit:g}/s (429 beyond), bot configured "
            f"at {rate:g}/s | {achieved:.1f}/s = {achieved / limit:.0%} of the limit; the server "
            f"answered 429 {stats['rejected']} times; the bot ended pacing at "
            f"{limiter.rate:.1f}/s | {result['lost']} | {result['duplicated']} |"
        )
    return (
        f"| {recipients:,} recipients, no server limit (the bot's own ceiling) | "
        f"{achieved:,.0f}/s | {result['lost']} | {result['duplicated']} |"
    )


async def _straight(sender: Sender, count: int, concurrency: int) -> float:
    gate = asyncio.Semaphore(concurrency)

    async def one(chat: int) -> None:
        async with gate:
            await sender.send(chat, TEXT)

    start = time.perf_counter()
    await asyncio.gather(*(one(chat) for chat in range(1, count + 1)))
    return time.perf_counter() - start


async def raw_sends(folder: Path, count: int, concurrency: int) -> str:
    """The same messages straight through a sender, no database, no dispatcher: the bot's own
    sender, and python-telegram-bot's Bot (what the HTTP stacks manage here and now)."""
    rows = []
    async with server_process(folder) as server:
        direct = DirectSender(server.url, server.token)
        elapsed = await _straight(direct, count, concurrency)
        await direct.close()
        rows.append(("the bot's sender (aiohttp)", count / elapsed))
        request = HTTPXRequest(connection_pool_size=64)
        async with Bot(server.token, base_url=f"{server.url}/bot", request=request) as bot:
            elapsed = await _straight(TelegramSender(bot), count, concurrency)
        rows.append(("python-telegram-bot's Bot.send_message (httpx)", count / elapsed))
        delivered = sum(server.stats()["copies"].values())
    assert delivered == 2 * count, "the server counted every message once"
    return "\n".join(
        f"| for comparison: {count:,} messages straight through {name}, {concurrency} at a "
        f"time, no database and no dispatcher | {rate:,.0f}/s | – | – |"
        for name, rate in rows
    )


async def chaos(folder: Path, recipients: int, seed: int) -> str:
    """Two `munibot run` on one database, killed with -9 at random and restarted, against a
    server that answers 3 % of messages 5xx and 3 % late (0.2 to 4 s; the bot waits 2 s)."""
    db = folder / "chaos.sqlite3"
    await prepare(db, recipients)
    rng = random.Random(seed)
    options = ["--error-rate", "0.03", "--slow-rate", "0.03", "--slow-min", "0.2"]
    async with server_process(folder, *options, "--slow-max", "4", "--seed", str(seed)) as server:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": server.token,
            "TELEGRAM_API_BASE_URL": server.url,
            "MUNIBOT_DB": str(db),
            "MUNIBOT_BROADCAST_LEASE": "2",
            "MUNIBOT_DELIVERY_TIMEOUT": "2",
            "MUNIBOT_DELIVERY_RETRY_BASE": "0.5",
        }

        async def start() -> asyncio.subprocess.Process:
            return await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=ROOT, env=env,
                stderr=asyncio.subprocess.DEVNULL,
            )  # fmt: skip

        processes = [await start(), await start()]
        kills, began = 0, time.perf_counter()
        while outcome(db, Counter(), recipients)["left"]:
            await asyncio.sleep(rng.uniform(0.5, 3.0))
            victim = rng.randrange(2)
            processes[victim].send_signal(signal.SIGKILL)
            await processes[victim].wait()
            kills += 1
            await asyncio.sleep(rng.uniform(0.0, 1.0))
            processes[victim] = await start()
        elapsed = time.perf_counter() - began
        for process in processes:
            process.terminate()
            await process.wait()
        stats = server.stats()
    result = outcome(db, stats["copies"], recipients)
    return (
        f"| chaos: {recipients:,} recipients, two `munibot run` on one database (default "
        f"25/s each), {kills} random `kill -9` + restarts; the server answered 5xx "
        f"{stats['errors_5xx']} times and late (0.2–4 s, the bot waits 2 s) {stats['slow']} "
        f"times | done in {elapsed:.0f} s; {result['sent']} sent, {result['failed']} failed | "
        f"{result['lost']} (uncertain: {result['uncertain']}, of which the server had received "
        f"{result['uncertain_received']}) | {result['duplicated']} |"
    )


async def main() -> str:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = [
            await chaos(folder, 1200, seed=9),
            await rate_run(folder, 1000, 20, 30),
            await rate_run(folder, 2000, None, 0),
            await raw_sends(folder, 2000, 8),
        ]
    return "\n".join(
        [
            "",
            "### Broadcasts",
            "",
            f"Machine: {machine()}; load average (1 min) {load:.1f} at the start and "
            f"{os.getloadavg()[0]:.1f} at the end (the machine is shared with other jobs).",
            "",
            "Counted by the Bot API server. Lost: a recipient who got nothing and whom the bot "
            "did not report uncertain.",
            "",
            "| scenario | rate | lost | duplicated |",
            "|---|---|---|---|",
            *rows,
        ]
    )


if __name__ == "__main__":
    if "--only" in sys.argv:  # a single scenario, not written to results.md
        which = sys.argv[sys.argv.index("--only") + 1]

        async def one() -> str:
            with tempfile.TemporaryDirectory() as name:
                folder = Path(name)
                if which == "chaos":
                    return await chaos(folder, 1200, seed=9)
                if which == "limit":
                    return await rate_run(folder, 1000, 20, 30)
                if which == "raw":
                    return await raw_sends(folder, 2000, 8)
                return await rate_run(folder, 2000, None, 0)

        print(asyncio.run(one()))
    else:
        text = asyncio.run(main())
        with (Path(__file__).parent / "results.md").open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
        print(text)
