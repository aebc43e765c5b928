"""Broadcast delivery: rate under a 30 messages/s limit, the bot's own ceiling, and kill -9.

Run: .venv/bin/python benchmarks/broadcast_bench.py  (appends its table to benchmarks/results.md)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

from telegram import Bot
from telegram.request import HTTPXRequest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import machine  # noqa: E402
from bot.handlers.delivery import TelegramSender  # noqa: E402
from bot.services.broadcast import Broadcaster  # noqa: E402
from bot.storage import Storage  # noqa: E402
from tests.botapi.server import FakeBotAPI  # noqa: E402

TEXT = "<b>Внимание</b>: спиране на водата утре от 9 до 13 ч."


async def prepare(db: Path, recipients: int) -> int:
    """A database with subscribers and one stored broadcast to all of them."""
    storage = await Storage.open(db)
    for user in range(1, recipients + 1):
        await storage.set_subscribed(user, True)
    broadcast_id = await storage.create_broadcast(TEXT, None, None, await storage.audience(None))
    await storage.close()
    return broadcast_id


def tally(counts: Counter[int], recipients: int) -> tuple[int, int]:
    """(lost, duplicated) from the messages each chat received."""
    lost = sum(1 for user in range(1, recipients + 1) if counts[user] == 0)
    return lost, sum(n - 1 for n in counts.values() if n > 1)


@contextlib.asynccontextmanager
async def server_process(
    folder: Path, rate_limit: float | None
) -> AsyncIterator[tuple[str, str, str]]:
    """The tests' Bot API server in a process of its own: (url, stats url, token)."""
    port_file = folder / f"server-{time.monotonic_ns()}"
    command = [sys.executable, "-m", "tests.botapi.serve", str(port_file)]
    if rate_limit:
        command += ["--rate-limit", str(rate_limit)]
    process = await asyncio.create_subprocess_exec(*command, cwd=ROOT)
    try:
        while not port_file.exists() or not port_file.read_text().strip():
            await asyncio.sleep(0.05)
        url, stats, token = port_file.read_text().split()
        yield url, stats, token
    finally:
        process.kill()
        await process.wait()


def received(stats: str) -> Counter[int]:
    """Messages per chat, as the server process counted them."""
    with urllib.request.urlopen(f"{stats}/sent") as response:
        data = json.load(response)
    return Counter({int(chat): int(count) for chat, count in data["sent"].items()})


async def in_process(
    folder: Path, recipients: int, server_limit: float | None, bot_rate: float
) -> tuple[float, int, int]:
    """The broadcaster in this process, the server in another: messages/s, lost, duplicated."""
    db = folder / f"in-process-{server_limit}.sqlite3"
    broadcast_id = await prepare(db, recipients)
    storage = await Storage.open(db)
    try:
        async with server_process(folder, server_limit) as (url, stats, token):
            request = HTTPXRequest(connection_pool_size=64)
            async with Bot(token, base_url=f"{url}/bot", request=request) as bot:
                broadcaster = Broadcaster(storage, TelegramSender(bot), bot_rate)
                start = time.perf_counter()
                await broadcaster.run(broadcast_id)
                elapsed = time.perf_counter() - start
            lost, duplicated = tally(received(stats), recipients)
    finally:
        await storage.close()
    return recipients / elapsed, lost, duplicated


async def wait_done(db: Path, timeout: float) -> dict[str, int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        storage = await Storage.open(db)
        counts = await storage.delivery_counts(1)
        await storage.close()
        if not counts.get("pending") and not counts.get("sending"):
            return counts
        await asyncio.sleep(0.2)
    raise TimeoutError("the broadcast did not finish")


async def kill_nine(folder: Path, recipients: int, seed: int) -> tuple[float, int, int, int]:
    """Kill the running bot at a random point and start it again: (kill time, lost,
    duplicated, uncertain)."""
    db = folder / f"kill-{seed}.sqlite3"
    await prepare(db, recipients)
    api = FakeBotAPI()
    await api.start()
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.url,
        "MUNIBOT_DB": str(db),
        "MUNIBOT_BROADCAST_LEASE": "2",
        "MUNIBOT_RELOAD_INTERVAL": "0.5",
    }
    command = [sys.executable, "-m", "bot", "run"]
    try:
        first = await asyncio.create_subprocess_exec(
            *command, cwd=ROOT, env=env, stderr=asyncio.subprocess.DEVNULL
        )
        while not api.sent():
            await asyncio.sleep(0.01)
        delay = random.Random(seed).uniform(0.1, recipients / 25 * 0.8)
        await asyncio.sleep(delay)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        second = await asyncio.create_subprocess_exec(
            *command, cwd=ROOT, env=env, stderr=asyncio.subprocess.DEVNULL
        )
        counts = await wait_done(db, 120)
        second.terminate()
        await second.wait()
        lost, duplicated = tally(Counter(int(c.params["chat_id"]) for c in api.sent()), recipients)
    finally:
        await api.stop()
    return delay, lost, duplicated, counts.get("uncertain", 0)


async def main() -> str:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        limited = await in_process(folder, 2000, 30, 29.5)
        ceiling = await in_process(folder, 2000, None, 100_000)
        kills = [await kill_nine(folder, 300, seed) for seed in range(3)]
    rows = [
        f"| 2,000 recipients, server limit 30/s (429 beyond), bot rate 29.5/s | "
        f"{limited[0]:.1f}/s ({limited[0] / 30:.0%} of the limit) | {limited[1]} | "
        f"{limited[2]} |",
        f"| 2,000 recipients, no server limit (the bot's own ceiling) | {ceiling[0]:,.0f}/s | "
        f"{ceiling[1]} | {ceiling[2]} |",
    ]
    for delay, lost, duplicated, uncertain in kills:
        rows.append(
            f"| 300 recipients at the default 25/s, `munibot run` killed with -9 after "
            f"{delay:.2f} s and restarted | resumed | {lost} (uncertain: {uncertain}) | "
            f"{duplicated} |"
        )
    return "\n".join(
        [
            "",
            "### Broadcasts",
            "",
            f"Machine: {machine()}",
            "",
            "| scenario | rate | lost | duplicated |",
            "|---|---|---|---|",
            *rows,
        ]
    )


if __name__ == "__main__":
    text = asyncio.run(main())
    with (Path(__file__).parent / "results.md").open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")
    print(text)
