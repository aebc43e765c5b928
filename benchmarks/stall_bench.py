"""Never stall, measured: how long another user waits for an answer while one chat must wait
(a 429, Telegram's limit per chat), one user floods (900 /start, 2,000 inline queries), or the
database is sick (another process holds the write lock for 30 s, the disk is full); and the
bot's peak memory with 100,000 distinct users.

The stall scenarios run the real Application against the tests' Bot API server in one process
(default settings: 20 updates a minute per user, 25 messages a second); the memory run starts
`munibot run` in a process of its own, the server in another, and reads the kernel's counts.

Run: .venv/bin/python benchmarks/stall_bench.py  (appends its tables to results.md)
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
import tracemalloc
import urllib.request
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.broadcast_bench import server_process  # noqa: E402
from benchmarks.speed import machine, percentile  # noqa: E402
from benchmarks.unanswered_bench import publish  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.services.flood import FloodGuard  # noqa: E402
from bot.storage import Storage  # noqa: E402
from tests.botapi import updates  # noqa: E402
from tests.botapi.server import FakeBotAPI  # noqa: E402
from tests.storage.sick import fill_the_disk, free_the_disk, write_lock  # noqa: E402
from tests.telegram.harness import BotHarness, eventually  # noqa: E402

A, B = 7001, 7002
ADMIN = 42
QUESTION = "колко струва паркът"
USERS = 100_000
Row = tuple[str, str, str]


async def answered_in(api: FakeBotAPI, bot: BotHarness, chat: int, text: str) -> float:
    """Seconds from an update to the server receiving its answer."""
    before, start = len(api.sent(chat)), time.perf_counter()
    await bot.push(updates.message(chat, text))
    await eventually(lambda: len(api.sent(chat)) > before, timeout=120)
    return time.perf_counter() - start


def refused(api: FakeBotAPI, chat: int) -> int:
    return sum(
        1
        for c in api.calls
        if c.method == "sendMessage" and c.error and int(c.params["chat_id"]) == chat
    )


async def with_bot(folder: Path, run: Callable[[FakeBotAPI, BotHarness], Awaitable[Row]]) -> Row:
    api = FakeBotAPI()
    await api.start()
    settings = Settings(
        knowledge_dir=ROOT / "knowledge",
        db_path=folder / f"stall-{time.monotonic_ns()}.sqlite3",
        token=api.token,
        api_base_url=api.url,
        admin_ids=frozenset({ADMIN}),
    )
    bot = await BotHarness(api, settings).start()
    try:
        return await run(api, bot)
    finally:
        await bot.stop()
        await api.stop()


async def a_429(api: FakeBotAPI, bot: BotHarness) -> Row:
    api.fail("sendMessage", 429, chat_id=A, retry_after=10)
    start = time.perf_counter()
    await bot.push(updates.message(A, QUESTION))
    await eventually(lambda: refused(api, A))
    other = await answered_in(api, bot, B, QUESTION)
    await eventually(lambda: api.sent(A), timeout=60)
    waited = time.perf_counter() - start
    return (
        "one chat's reply answered 429 (retry_after 10 s)",
        f"{other:.2f} s",
        f"answered after {waited:.1f} s; server's 429s: {api.rejected_429}",
    )


async def commands_per_chat_limit(api: FakeBotAPI, bot: BotHarness) -> Row:
    api.chat_limit, api.chat_retry_after = 1, 3
    start = time.perf_counter()
    for _ in range(900):
        await bot.push(updates.message(A, "/start"))
    other = await answered_in(api, bot, B, QUESTION)
    await bot.settle(120)
    await eventually(lambda: len(api.sent(A)) >= 21, timeout=120)
    took = time.perf_counter() - start
    return (
        "one user sends 900 /start; the server takes 1 message a second per chat",
        f"{other:.2f} s",
        f"{len(api.sent(A))} replies (the last the notice) in {took:.1f} s; "
        f"server's 429s: {api.rejected_429}",
    )


async def inline_flood(api: FakeBotAPI, bot: BotHarness) -> Row:
    for number in range(2000):
        await bot.push(updates.inline_query(A, f"hot lunch {number}"))
    other = await answered_in(api, bot, B, QUESTION)
    await bot.settle(120)
    answered = len(api.sent(method="answerInlineQuery"))
    return ("one user sends 2,000 inline queries", f"{other:.2f} s", f"{answered} answered")


async def recovered(api: FakeBotAPI, bot: BotHarness) -> int:
    """One more question once the database is well again; the questions logged in the end."""
    services = bot.app.bot_data["services"]
    await answered_in(api, bot, 8000, "контакти")
    recorder = services.assistant.recorder
    await eventually(lambda: recorder.failing is None and not recorder.waiting)
    return int(await services.storage.count_questions())


async def locked_for_30_seconds(api: FakeBotAPI, bot: BotHarness) -> Row:
    storage: Storage = bot.app.bot_data["services"].storage
    other = write_lock(bot.settings.db_path)
    timings, start = [], time.perf_counter()
    for user in range(30):  # a user a second for the 30 s of the lock
        timings.append(await answered_in(api, bot, 8000 + user, QUESTION))
        await asyncio.sleep(max(0.0, start + user + 1 - time.perf_counter()))
    logged_meanwhile = await storage.count_questions()
    other.execute("COMMIT")
    other.close()
    logged = await recovered(api, bot)
    return (
        "another process holds the write lock for 30 s; 30 users ask, one a second",
        f"p50 {percentile(timings, 0.5):.2f} s, max {max(timings):.2f} s",
        f"30 of 30 answered; logged while locked: {logged_meanwhile}, after: {logged} of 31; "
        f"admins told {len(api.sent(ADMIN))} times",
    )


async def full_disk(api: FakeBotAPI, bot: BotHarness) -> Row:
    storage: Storage = bot.app.bot_data["services"].storage
    await fill_the_disk(storage)
    before = await storage.count_questions()
    timings = [await answered_in(api, bot, 9000 + user, QUESTION) for user in range(40)]
    await free_the_disk(storage)
    logged = await recovered(api, bot) - before
    return (
        "the disk is full; 40 users ask",
        f"p50 {percentile(timings, 0.5):.2f} s, max {max(timings):.2f} s",
        f"40 of 40 answered; written when space came back: {logged} of 41; "
        f"admins told {len(api.sent(ADMIN))} times",
    )


def memory(pid: int) -> dict[str, int]:
    """The kernel's VmRSS and VmHWM (peak) of a process, in MB."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    fields = (line.split(":", 1) for line in lines)
    return {
        name: int(value.split()[0]) // 1024 for name, value in fields if name in ("VmRSS", "VmHWM")
    }


def post(url: str, body: object) -> None:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60):
        pass


def sent_count(stats_url: str) -> int:
    with urllib.request.urlopen(f"{stats_url}/count", timeout=60) as answer:
        return int(json.load(answer)["sent"])


async def until_sent(stats_url: str, count: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while await asyncio.to_thread(sent_count, stats_url) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"fewer than {count} messages sent")
        await asyncio.sleep(0.2)


def flood_guard_alone() -> tuple[int, float, int]:
    """100,000 users within one minute through the guard alone: entries, memory, entries after."""
    clock = [0.0]
    guard = FloodGuard(clock=lambda: clock[0])
    tracemalloc.start()
    for user in range(USERS):
        clock[0] = user * 0.0005
        guard.check(user)
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    entries = len(guard)
    clock[0] += 61
    guard.forget_idle()
    return entries, size / 2**20, len(guard)


async def hundred_thousand_users(folder: Path) -> list[tuple[str, str]]:
    """`munibot run` in its own process, answering 100,000 distinct users; its memory."""
    rows = []
    async with server_process(folder) as server:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": server.token,
            "TELEGRAM_API_BASE_URL": server.url,
            "MUNIBOT_DB": str(folder / "users.sqlite3"),
            "MUNIBOT_BROADCAST_RATE": "0",  # the server has no limit: do not pace
        }
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=ROOT, env=env,
            stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        try:
            probe = [updates.message(USERS + 1, "контакти")]
            await asyncio.to_thread(post, f"{server.stats_url}/push", probe)
            await until_sent(server.stats_url, 1, timeout=60)
            rows.append(("started, answered one user", f"{memory(bot.pid)['VmHWM']} MB"))
            start, step = time.perf_counter(), 1000
            for first in range(1, USERS + 1, step):
                batch = [updates.message(user, "контакти") for user in range(first, first + step)]
                await asyncio.to_thread(post, f"{server.stats_url}/push", batch)
                await until_sent(server.stats_url, first - step + 1)  # a batch in hand at most
                if (first - 1 + step) % 25_000 == 0:
                    rows.append(
                        (f"{first - 1 + step:,} distinct users sent so far",
                         f"{memory(bot.pid)['VmHWM']} MB (now {memory(bot.pid)['VmRSS']} MB)")
                    )  # fmt: skip
            await until_sent(server.stats_url, USERS + 1)
            took = time.perf_counter() - start
            rows.append(
                (f"all {USERS:,} answered ({USERS / took:.0f} a second, server's count)",
                 f"{memory(bot.pid)['VmHWM']} MB")
            )  # fmt: skip
        finally:
            bot.terminate()
            await bot.wait()
    return rows


async def stalls(folder: Path) -> list[Row]:
    scenarios = (a_429, commands_per_chat_limit, inline_flood, locked_for_30_seconds, full_disk)
    return [await with_bot(folder, scenario) for scenario in scenarios]


def stall_section() -> list[str]:
    """The table of another user's waits."""
    with tempfile.TemporaryDirectory() as folder:
        rows = asyncio.run(stalls(Path(folder)))
    return [
        "",
        "### Never stall: another user's answer",
        "",
        f"Machine: {machine()}; load average (1 min) {os.getloadavg()[0]:.1f} at the end",
        "",
        "| while | another user's question answered in | the other side (server's counts) |",
        "|---|---|---|",
        *(f"| {what} | {other} | {detail} |" for what, other, detail in rows),
    ]


def memory_section() -> list[str]:
    """The table of memory with 100,000 users, and the flood guard alone."""
    with tempfile.TemporaryDirectory() as folder:
        users = asyncio.run(hundred_thousand_users(Path(folder)))
    entries, megabytes, left = flood_guard_alone()
    return [
        "",
        "### Memory with 100,000 distinct users",
        "",
        f"Machine: {machine()}; load average (1 min) {os.getloadavg()[0]:.1f} at the end",
        "",
        "| `munibot run`, each user asks once | peak RSS (VmHWM) |",
        "|---|---|",
        *(f"| {what} | {peak} |" for what, peak in users),
        "",
        f"The flood guard alone, 100,000 users within one minute: {entries:,} remembered in "
        f"{megabytes:.1f} MB; a minute later, after its sweep: {left}.",
    ]


def main() -> None:
    """Each section is published as soon as it is measured (--only stalls | memory)."""
    which = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else "all"
    if which in ("all", "stalls"):
        publish(stall_section())
    if which in ("all", "memory"):
        publish(memory_section())


if __name__ == "__main__":
    main()
