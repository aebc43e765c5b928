"""/unanswered on 1,000, 3,000 and 6,000 distinct unanswered questions: the grouping before
(every question compared with every group, on the event loop) and after (distinct keys, a
candidate index of word ends, in a worker thread), how much the event loop stalled meanwhile,
and how many groups each finds.

Run: .venv/bin/python benchmarks/unanswered_bench.py  (appends its table to results.md)
"""

from __future__ import annotations

import asyncio
import random
import re
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.speed import machine  # noqa: E402
from bot.engine.normalize import key  # noqa: E402
from bot.services.grouping import QuestionGroup, group_questions  # noqa: E402
from bot.services.insights import UNSURE_BELOW, since, unanswered_groups  # noqa: E402
from bot.storage import QuestionRecord, Storage  # noqa: E402

SIZES = (1000, 3000, 6000)
STARTS = ("колко струва", "кога ще", "защо няма", "къде е", "има ли", "кой отговаря за")


def questions(count: int, seed: int = 7) -> list[str]:
    """Distinct questions from the shipped knowledge base's words, a third with a typo in each
    word, as citizens write them."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "knowledge").rglob("*.yaml"))
    words = sorted({w.lower() for w in re.findall(r"[а-яА-Я]{4,}", text)})
    rng, found = random.Random(seed), set[str]()
    while len(found) < count:
        chosen = [rng.choice(words) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.3:
            chosen = [w[:i] + rng.choice("аеоуи") + w[i + 1 :] for w in chosen
                      for i in [rng.randrange(len(w))]]  # fmt: skip
        found.add(f"{rng.choice(STARTS)} {' '.join(chosen)}?")
    return sorted(found)


def quadratic_groups(texts: list[str], limit: int = 20) -> list[QuestionGroup]:
    """The grouping before this change (main at fed1115), verbatim but for its input."""
    groups: list[QuestionGroup] = []
    for text in texts:
        folded = key(text) or text.lower()
        for group in groups:
            if any(fuzz.token_sort_ratio(folded, other) >= 85 for other in group.keys):
                group.count += 1
                if len(group.keys) < 5:
                    group.keys.append(folded)
                break
        else:
            groups.append(QuestionGroup(text, 1, [folded]))
    groups.sort(key=lambda g: -g.count)
    return groups[:limit]


async def longest_stall(work: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    """(seconds work took, the longest the event loop could not run anything meanwhile)."""
    stalls, done = [0.0], asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            stalls.append(time.perf_counter() - before - 0.005)

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)
    start = time.perf_counter()
    await work()
    took = time.perf_counter() - start
    done.set()
    await tick
    return took, max(stalls)


async def measure(folder: Path, size: int) -> dict[str, object]:
    texts = questions(size)
    async with Storage.opened(folder / f"q{size}.sqlite3") as storage:
        for text in texts:
            await storage.log_question(QuestionRecord(1, text, "bg", False, None, None, 0.0))
        rows = [text for text, _ in await storage.unanswered(since(30), UNSURE_BELOW)]
        found: list[QuestionGroup] = []

        async def before() -> None:
            found.extend(quadratic_groups(rows, limit=len(rows)))

        after_took, after_stall = await longest_stall(lambda: unanswered_groups(storage, 30))
        before_took, before_stall = await longest_stall(before)
    return {
        "size": size,
        "before": before_took,
        "before_stall": before_stall,
        "after": after_took,
        "after_stall": after_stall,
        "groups": (len(group_questions(rows, limit=len(rows))), len(found)),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        rows = [asyncio.run(measure(Path(folder), size)) for size in SIZES]
    lines = [
        "",
        "### /unanswered on distinct questions",
        "",
        f"Machine: {machine()}",
        "",
        "| distinct questions | before: grouping, on the event loop | longest stall of the "
        "event loop | after: the whole /unanswered, grouping in a thread | longest stall | "
        "groups after / before |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        found, pairs = row["groups"]  # type: ignore[misc]
        lines.append(
            f"| {row['size']:,} | {row['before']:.2f} s | {row['before_stall']:.2f} s | "
            f"{row['after']:.2f} s | {row['after_stall'] * 1000:.0f} ms | {found:,} / {pairs:,} |"
        )
    publish(lines)


def publish(lines: list[str]) -> None:
    """Append a section to benchmarks/results.md, and show it."""
    text = "\n".join(lines)
    with (Path(__file__).parent / "results.md").open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
