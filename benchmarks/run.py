"""The engine benchmark: accuracy against a naive baseline, latency, throughput, load and memory.

Run: .venv/bin/python benchmarks/run.py  (writes benchmarks/results.md and prints it)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate_kb import generate  # noqa: E402
from bot.engine import Conversation, Engine  # noqa: E402
from bot.engine.engine import Answer  # noqa: E402
from bot.engine.evaluation import Report, evaluate, iter_questions, load_questions  # noqa: E402
from bot.engine.normalize import to_latin  # noqa: E402
from bot.engine.reply import ReplyBuilder  # noqa: E402
from bot.knowledge import KnowledgeBase, Text, load_or_raise  # noqa: E402

DATA = ROOT / "tests" / "data"
FIELD_TOPICS = {
    "title": "summary", "short_title": "summary", "summary": "summary", "programme": "programme",
    "funding": "programme", "goals": "goals", "results": "results", "locations": "location",
    "target_groups": "target_groups", "contractors": "contractors", "partners": "partners",
}  # fmt: skip


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


class NaiveBaseline:
    """rapidfuzz process.extractOne with WRatio over every knowledge text."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.choices: list[str] = []
        self.labels: list[tuple[str, str]] = []
        for project in knowledge.projects:
            for field, topic in FIELD_TOPICS.items():
                value = getattr(project, field)
                values = value if isinstance(value, tuple) else (value,)
                for item in values:
                    if isinstance(item, Text):
                        for _, text in item.values():
                            self.choices.append(text)
                            self.labels.append((project.id, topic))

    def __call__(self, question: str, conversation: Conversation) -> Answer:
        match = process.extractOne(question, self.choices, scorer=fuzz.WRatio)
        if match is None or match[1] < 60:
            return Answer(question, "bg", False, ReplyBuilder().line("?").build())
        project, topic = self.labels[match[2]]
        reply = ReplyBuilder().line(match[0]).build()
        return Answer(question, "bg", True, reply, project, topic, match[1] / 100)


def percentile(values: list[float], share: float) -> float:
    """The value below which share of the values lie."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def latencies(engine: Engine, questions: list[str], rounds: int) -> tuple[float, float, float]:
    """p50 and p99 per question in ms, and questions per second, over rounds passes."""
    timings = []
    for _ in range(rounds):
        for question in questions:
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
    assert len(done.stdout.splitlines()) == len(questions)
    return len(questions) / elapsed, len(questions) / max(elapsed - startup, 1e-9)


def child_load(knowledge: Path) -> None:
    """In a fresh process: time to load, time to index, and peak memory."""
    status = Path("/proc/self/status").read_text()
    base = int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
    base /= 1024
    start = time.perf_counter()
    loaded = load_or_raise(knowledge)
    loaded_at = time.perf_counter()
    Engine(loaded)
    indexed_at = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "load": loaded_at - start,
                "index": indexed_at - loaded_at,
                "peak_mb": peak,
                "base_mb": base,
            }
        )
    )


def load_figures(knowledge: Path) -> dict[str, float]:
    """child_load in a subprocess."""
    done = subprocess.run(
        [sys.executable, __file__, "--child-load", str(knowledge)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def accuracy_rows(engine: Engine, baseline: NaiveBaseline) -> list[str]:
    """One table row per question set and method."""
    rows = []
    for name in ("questions.yaml", "holdout.yaml"):
        conversations = load_questions(DATA / name)
        for label, asker in (("munibot", lambda q, c: engine.answer(q, c)), ("naive", baseline)):
            report: Report = evaluate(conversations, asker)
            rows.append(
                f"| {name.split('.')[0]} ({len(report.outcomes)}) | {label} | "
                f"{report.item:.1%} | {report.topic:.1%} | {report.fact:.1%} | "
                f"{report.refusal:.1%} | {len(report.wrongly_answered_refusals)} | "
                f"**{report.accuracy:.1%}** |"
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child-load", type=Path)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    if args.child_load:
        child_load(args.child_load)
        return
    shipped = ROOT / "knowledge"
    engine = Engine(load_or_raise(shipped))
    lines = [
        f"Machine: {machine()}",
        "",
        "### Accuracy",
        "",
        "| set | method | item | topic | fact in reply | refusals declined | "
        "refusals answered | all right |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += accuracy_rows(engine, NaiveBaseline(engine.knowledge))
    questions = [
        q
        for name in ("questions.yaml", "holdout.yaml")
        for q in iter_questions(load_questions(DATA / name))
    ]
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "knowledge"
        samples = generate(big, args.projects)
        big_questions = [to_latin(q) if q.startswith("koga") else q for q, _, _ in samples]
        big_engine = Engine(load_or_raise(big))
        right = sum(
            1
            for (q, pid, topic), asked in zip(samples, big_questions, strict=True)
            if (a := big_engine.answer(asked)).project == pid and a.topic == topic
        )
        rows = []
        for label, kb, eng, qs in (
            ("shipped (17 projects)", shipped, engine, questions),
            (
                f"generated ({args.projects} projects)",
                big,
                big_engine,
                big_questions[:1500] + questions,
            ),
        ):
            p50, p99, rate = latencies(eng, qs, args.rounds if kb == shipped else 2)
            batch, batch_warm = batch_rate(kb, qs)
            figures = load_figures(kb)
            rows.append(
                f"| {label} | {p50:.3f} ms | {p99:.3f} ms | {rate:,.0f}/s | "
                f"{batch:,.0f}/s ({batch_warm:,.0f}/s after start-up) | "
                f"{figures['load']:.2f} s + {figures['index']:.2f} s | "
                f"{figures['peak_mb']:.0f} MB ({figures['base_mb']:.0f} MB before loading) |"
            )
    lines += [
        "",
        "### Speed and memory",
        "",
        "| knowledge base | p50 per question | p99 | in-process rate | `ask --batch` rate |"
        " load + index | peak memory (RSS) |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Generated base: {right}/{len(samples)} generated questions "
        f"({right / len(samples):.1%}) found the right project and topic.",
    ]
    text = "\n".join(lines)
    (Path(__file__).parent / "results.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
