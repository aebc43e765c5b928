"""The bot end to end through the HTTP stack: the real Application against the tests' server.

Run: .venv/bin/python benchmarks/telegram_bench.py  (appends its table to benchmarks/results.md)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.speed import machine, percentile  # noqa: E402
from bot.config import Settings  # noqa: E402
from tests.botapi import updates  # noqa: E402
from tests.botapi.server import FakeBotAPI  # noqa: E402
from tests.telegram.harness import BotHarness  # noqa: E402

QUESTIONS = [
    "колко струва паркът",
    "kolko struva proekta za monitoring",
    "who pays for the hot lunch?",
    "кога започва ремонта на улиците",
    "контакти",
    "какво е топъл обяд",
    "mineral water pipeline news",
    "asdf qwerty",
]


async def replies(api: FakeBotAPI) -> int:
    return len(api.sent())


async def wait_for_replies(api: FakeBotAPI, count: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while len(api.sent()) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(api.sent())} of {count} replies")
        await asyncio.sleep(0.001)


async def measure(folder: Path, sequential: int, burst: int) -> tuple[float, float, float]:
    """p50 and p99 latency of single messages, and the rate for a burst of messages."""
    api = FakeBotAPI()
    await api.start()
    settings = Settings(
        knowledge_dir=ROOT / "knowledge",
        db_path=folder / "bench.sqlite3",
        token=api.token,
        api_base_url=api.url,
        flood_limit=10_000,
    )
    harness = await BotHarness(api, settings).start()
    try:
        timings = []
        for number in range(sequential):
            before = len(api.sent())
            start = time.perf_counter()
            await api.push(updates.message(10_000 + number % 50, QUESTIONS[number % 8]))
            await wait_for_replies(api, before + 1)
            timings.append((time.perf_counter() - start) * 1000)
        before = len(api.sent())
        start = time.perf_counter()
        for number in range(burst):
            await api.push(updates.message(20_000 + number % 200, QUESTIONS[number % 8]))
        await wait_for_replies(api, before + burst)
        rate = burst / (time.perf_counter() - start)
    finally:
        await harness.stop()
        await api.stop()
    return percentile(timings, 0.5), percentile(timings, 0.99), rate


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        p50, p99, rate = asyncio.run(measure(Path(folder), sequential=300, burst=1000))
    text = "\n".join(
        [
            "",
            "### Telegram, end to end through HTTP",
            "",
            f"Machine: {machine()}",
            "",
            "| mode | p50 per message | p99 | burst of 1,000 messages |",
            "|---|---|---|---|",
            f"| long polling, local Bot API server | {p50:.1f} ms | {p99:.1f} ms | "
            f"{rate:,.0f} messages/s |",
        ]
    )
    results = Path(__file__).parent / "results.md"
    with results.open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
