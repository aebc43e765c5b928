"""Speed and memory: latency per question, `ask --batch` rate, load + index time, peak RSS."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bot.engine import Conversation, Engine
from bot.engine.memory import forget_messages
from bot.knowledge import load_or_raise

ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    """The machine the figures were taken on."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def percentile(values: list[float], share: float) -> float:
    """The value below which share of the values lie."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def latencies(engine: Engine, questions: list[str], rounds: int) -> tuple[float, float, float]:
    """p50 and p99 per question in ms, and questions per second, over rounds passes; each
    question as a message never seen (what the engine remembers of whole messages is forgotten
    before it, out of the timing), its words' readings kept as in a running bot."""
    timings = []
    for _ in range(rounds):
        for question in questions:
            forget_messages(engine)
            start = time.perf_counter_ns()
            engine.answer(question, Conversation())
            timings.append((time.perf_counter_ns() - start) / 1e6)
    return percentile(timings, 0.5), percentile(timings, 0.99), 1000 / statistics.mean(timings)


def batch_rate(knowledge: Path, questions: list[str]) -> tuple[float, float]:
    """`munibot ask --batch` end to end: questions per second with and without start-up."""
    text = "\n".join(questions) + "\n"
    command = [sys.executable, "-m", "bot", "ask", "--batch", "--knowledge", str(knowledge)]
    start = time.perf_counter()
    subprocess.run(command, input="", capture_output=True, text=True, check=True, cwd=ROOT)
    startup = time.perf_counter() - start
    start = time.perf_counter()
    done = subprocess.run(command, input=text, capture_output=True, text=True, check=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if len(done.stdout.splitlines()) != len(questions):
        raise RuntimeError("ask --batch did not answer every question")
    return len(questions) / elapsed, len(questions) / max(elapsed - startup, 1e-9)


def child_load(knowledge: Path) -> None:
    """In a fresh process: time to load, time to index (on the clock and in processor time), and
    peak memory (printed as JSON)."""
    status = Path("/proc/self/status").read_text()
    base = int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
    start, cpu = time.perf_counter(), time.process_time()
    loaded = load_or_raise(knowledge)
    loaded_at, loaded_cpu = time.perf_counter(), time.process_time()
    Engine(loaded)
    indexed_at, indexed_cpu = time.perf_counter(), time.process_time()
    figures = {"load": loaded_at - start, "index": indexed_at - loaded_at, "peak_mb": own_peak_mb()}
    # this process's own processor time (not its forked copy's): on a machine other jobs share,
    # nearer to what an idle one takes than the time on the clock
    figures |= {"load_cpu": loaded_cpu - cpu, "index_cpu": indexed_cpu - loaded_cpu}
    print(json.dumps({**figures, "base_mb": base / 1024}))


def own_peak_mb() -> float:
    """This process's own peak RSS (VmHWM). Not ru_maxrss: across fork and exec it keeps the
    high-water mark of the parent's memory, so a child of a large benchmark would report it."""
    status = Path("/proc/self/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM"))
    return int(line.split()[1]) / 1024


def load_figures(knowledge: Path) -> dict[str, float]:
    """child_load in a subprocess."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--child-load", str(knowledge)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
