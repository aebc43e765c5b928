"""Loading the knowledge base at scale: a cold load, and a reload after one file changed.

Each measurement runs in a fresh process (after the imports), so that the peak memory is that
of one load: python benchmarks/load_bench.py [--sizes 1000,10000] [--rounds 5]. Times are the
best of the rounds (other programs share the machine); a reload reads the changed file again
and reuses what the first load made of the others (bot.knowledge.filecache), as the bot does.
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
from benchmarks.speed import machine
from bot.knowledge import FileCache, load_knowledge


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    print(f"Machine: {machine()}")
    print(f"Load average of the machine at the start: {os.getloadavg()[0]:.1f}")
    print()
    print("| knowledge base | cold load | reload after one file changed | peak memory (RSS) |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(size) for size in args.sizes.split(",")):
            root = Path(folder) / f"kb{size}"
            generate(root, size)
            row = run(root, args.rounds)
            copy = f"; the forked copy {row['copy_mb']:.0f} MB" if row["copy_mb"] else ""
            print(
                f"| generated ({row['projects']:,} projects) | {row['cold_s']:.2f} s "
                f"| {row['reload_s']:.3f} s | {row['cold_mb']:.0f} MB "
                f"({row['before_mb']:.0f} MB before loading{copy}) |",
                flush=True,
            )
    print(f"\nLoad average of the machine at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
