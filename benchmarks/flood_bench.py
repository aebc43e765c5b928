"""Peak memory while a flood of distinct long messages goes through the engine (the bounded
memories of whole messages): .venv/bin/python benchmarks/flood_bench.py [COUNT] [LENGTH]."""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.engine import Conversation, Engine
from bot.knowledge import load_or_raise


def peak_mb() -> float:
    """This process's peak RSS so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Ask COUNT messages of LENGTH characters made of the shipped base's words; print the peak."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    length = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    knowledge = load_or_raise(Path(__file__).resolve().parent.parent / "knowledge")
    engine = Engine(knowledge)
    words = [w for p in knowledge.projects for w in str(p.summary).split()]
    pick = random.Random(1).choice
    print(f"start: {peak_mb():.0f} MB")
    started = time.perf_counter()
    for number in range(1, count + 1):
        text = ""
        while len(text) < length:
            text += pick(words) + " "
        engine.answer(text[:length], Conversation())
        if number % 1000 == 0:
            print(f"{number} messages: {peak_mb():.0f} MB, {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
