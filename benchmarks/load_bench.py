"""Loading the knowledge base at scale: a cold load, a reload after one file changed, and the
bot's start (load + index) without its cache on disk, writing it, and with it.

Each measurement runs in a fresh process (after the imports), so that the peak memory is that
of one load: python benchmarks/load_bench.py [--sizes 1000,10000] [--rounds 5]. Times are the
best of the rounds (other programs share the machine); a reload reads the changed file again
and reuses what the first load made of the others (bot.knowledge.filecache), as the bot does.
A start is KnowledgeService.load_or_raise in a new process, as `munibot run` starts: with no
cache file; the first start, which writes it; a restart with the files unchanged; and a restart
after one project file changed (bot.services.knowledge_cache). "Ready" is when the engine
answers; the cache file is then written in a thread beside it ("cache written": all done).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from benchmarks.generate_kb import generate
from benchmarks.speed import machine, own_peak_mb
from bot.knowledge import FileCache, load_knowledge
from bot.services.knowledge import KnowledgeService

STARTS = ("no cache", "first start", "unchanged", "one changed")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(root: Path) -> dict[str, float]:
    """One cold load, then one reload after one project file changed (in this process)."""
    before = peak_mb()
    cache = FileCache()
    started = time.perf_counter()
    cold = load_knowledge(root, cache=cache)
    cold_s = time.perf_counter() - started
    assert cold.knowledge is not None and not cold.errors, cold.errors[:3]
    cold_mb = peak_mb()
    changed = sorted((root / "projects").glob("*.yaml"))[len(cold.knowledge.projects) // 2]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("Проектът", "Проектът вече"), encoding="utf-8")
    try:
        started = time.perf_counter()
        reload = load_knowledge(root, cache=cache)
        reload_s = time.perf_counter() - started
    finally:
        changed.write_text(text, encoding="utf-8")
    assert reload.knowledge is not None and cache.reads == 1
    projects = len(reload.knowledge.projects)
    return {
        "projects": projects,
        "cold_s": cold_s,
        "reload_s": reload_s,
        "before_mb": before,
        "cold_mb": cold_mb,
        "reload_mb": peak_mb(),
        "copy_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def start(root: Path, cache: Path | None) -> dict[str, float]:
    """One start of the bot's knowledge service: load + index (+ the cache read and written)."""
    started, cpu = time.perf_counter(), time.process_time()
    service = KnowledgeService(root, cache)
    service.load_or_raise()
    ready = time.perf_counter() - started
    service.cache_written()  # the cache is written beside the answering: done
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    reads = service.files.reads
    return {"ready": ready, "s": seconds, "cpu": cpu, "reads": reads, "mb": own_peak_mb()}


def _started(root: Path, cache: Path | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--start", str(root), "--cache", str(cache or "")]
    return dict(json.loads(subprocess.run(command, check=True, capture_output=True).stdout))


def starts(root: Path, rounds: int) -> dict[str, dict[str, float]]:
    """Each kind of start, rounds times in turn: the best time, the most memory and files read."""
    cache = root.parent / f"{root.name}.cache"
    changed = sorted((root / "projects").glob("*.yaml"))[7]
    text = changed.read_text(encoding="utf-8")
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in STARTS}
    for _ in range(rounds):
        cache.unlink(missing_ok=True)
        runs["no cache"].append(_started(root, None))
        runs["first start"].append(_started(root, cache))
        runs["unchanged"].append(_started(root, cache))
        changed.write_text(text.replace("а", "о", 1), encoding="utf-8")  # its title
        try:
            runs["one changed"].append(_started(root, cache))
        finally:
            changed.write_text(text, encoding="utf-8")
    size = cache.stat().st_size / 2**20
    cache.unlink()
    return {
        kind: {
            "ready": min(r["ready"] for r in found),
            "s": min(r["s"] for r in found),
            "cpu": min(r["cpu"] for r in found),
            "mb": max(r["mb"] for r in found),
            "reads": max(r["reads"] for r in found),
            "cache_mb": size,
        }
        for kind, found in runs.items()
    }


def run(root: Path, rounds: int) -> dict[str, float]:
    """The best times and the highest memory of rounds fresh processes."""
    runs = []
    for _ in range(rounds):
        output = subprocess.run(
            [sys.executable, __file__, "--measure", str(root)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        runs.append(json.loads(output))
    best = {key: min(run[key] for run in runs) for key in ("cold_s", "reload_s")}
    memory = ("before_mb", "cold_mb", "reload_mb", "copy_mb")
    worst = {key: max(run[key] for run in runs) for key in memory}
    return {"projects": runs[0]["projects"], **best, **worst}


def loads(folder: Path, sizes: list[int], rounds: int) -> None:
    """The table of cold loads and reloads."""
    print("| knowledge base | cold load | reload after one file changed | peak memory (RSS) |")
    print("|---|---|---|---|")
    for size in sizes:
        row = run(folder / f"kb{size}", rounds)
        copy = f"; the forked copy {row['copy_mb']:.0f} MB" if row["copy_mb"] else ""
        print(
            f"| generated ({row['projects']:,} projects) | {row['cold_s']:.2f} s "
            f"| {row['reload_s']:.3f} s | {row['cold_mb']:.0f} MB "
            f"({row['before_mb']:.0f} MB before loading{copy}) |",
            flush=True,
        )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--start", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--starts-only", action="store_true", help="only the bot's starts")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    if args.start:
        print(json.dumps(start(args.start, Path(args.cache) if args.cache else None)))
        return
    print(f"Machine: {machine()}")
    print(f"Load average of the machine at the start: {os.getloadavg()[0]:.1f}")
    print()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            generate(Path(folder) / f"kb{size}", size)
        if not args.starts_only:
            loads(Path(folder), sizes, args.rounds)
        print(
            "| knowledge base | start | ready to answer (load + index) | cache written | "
            "processor time | files read | peak memory (RSS) |"
        )
        print("|---|---|---|---|---|---|---|")
        for size in sizes:
            found = starts(Path(folder) / f"kb{size}", args.rounds)
            for kind, row in found.items():
                print(
                    f"| generated ({size:,} projects) | {kind} | {row['ready']:.2f} s "
                    f"| {row['s']:.2f} s | {row['cpu']:.2f} s | {row['reads']:,.0f} "
                    f"| {row['mb']:.0f} MB |",
                    flush=True,
                )
            print(f"| (the cache file: {found['unchanged']['cache_mb']:.0f} MB) | | | | | | |")
    print(f"\nLoad average of the machine at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
