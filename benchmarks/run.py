"""The engine benchmark: every question set beside a naive baseline, noisy variants, conversations,
the confidence of wrong answers, and speed on the shipped base and on generated ones.

Run: .venv/bin/python benchmarks/run.py [--quick] [--failures]
It replaces its own section of benchmarks/results.md and keeps the other benchmarks' sections.
Frozen sets are measured, never shown: only their aggregate figures are printed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.baseline import NaiveBaseline  # noqa: E402
from benchmarks.evaluation import QuestionSet, Report, evaluate, load_set, squash  # noqa: E402
from benchmarks.generate_kb import generate  # noqa: E402
from benchmarks.speed import batch_rate, child_load, latencies, load_figures, machine  # noqa: E402
from benchmarks.variants import variants  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.knowledge import KnowledgeBase, load_or_raise  # noqa: E402

DATA = ROOT / "tests" / "data"
SHIPPED = ROOT / "knowledge"
FIXTURES = ROOT / "tests" / "fixtures"
# Sets asked on a knowledge base of their own (a fixture of the same name); the others on SHIPPED.
OWN_BASE = tuple(sorted(p.name for p in FIXTURES.glob("tuning-*") if (p / "knowledge").is_dir()))


def own_base(stem: str) -> str | None:
    """The fixture a set is asked on: its own name, or the base its name ends with
    (`tuning-conversations-2-spa` on `tuning-spa`); None: the shipped base."""
    for fixture in OWN_BASE:
        if stem == fixture or stem.endswith("-" + fixture.removeprefix("tuning-")):
            return fixture
    return None


# The frozen sets and the base each is asked on (None: the shipped one).
FROZEN = (
    ("shipped.yaml", None),
    ("conversations.yaml", None),
    ("other-municipality.yaml", "other-municipality"),
    ("v2/shipped.yaml", None),
    ("v2/plains.yaml", "frozen-plains"),
    ("v3/shipped.yaml", None),
    ("v3/lakes.yaml", "frozen-v3-lakes"),
    ("v4/shipped.yaml", None),
    ("v4/mines.yaml", "frozen-v4-mines"),
    ("v5/shipped.yaml", None),
    ("v5/coast.yaml", "frozen-v5-coast"),
    ("v6/shipped.yaml", None),
    ("v6/suburb.yaml", "frozen-v6-suburb"),
    ("v7/shipped.yaml", None),
    ("v7/rail.yaml", "frozen-v7-rail"),
    ("v8/shipped.yaml", None),
    ("v8/hub.yaml", "frozen-v8-hub"),
    ("v9/shipped.yaml", None),
    ("v9/rose.yaml", "frozen-v9-rose"),
    ("v10/shipped.yaml", None),
    ("v10/tobacco.yaml", "frozen-v10-tobacco"),
    ("v11/shipped.yaml", None),
    ("v11/euro.yaml", "frozen-v11-euro"),
    ("v12/shipped.yaml", None),
    ("v12/karst.yaml", "frozen-v12-karst"),
    ("v13/shipped.yaml", None),
    ("v13/canal.yaml", "frozen-v13-canal"),
)
RESULTS = Path(__file__).with_name("results.md")
HEADING = "### Answer engine (benchmarks/run.py)"
LEGACY = ("### Accuracy", "### Speed and memory")


@dataclass
class Measured:
    """One question set on one knowledge base, with the engine's and the baseline's reports."""

    questions: QuestionSet
    frozen: bool
    engine: Engine
    munibot: Report
    naive: Report


def pct(value: float) -> str:
    """A share as a percentage with one decimal."""
    return f"{value:.1%}"


def measure(questions: QuestionSet, frozen: bool, engine: Engine) -> Measured:
    """The engine and the naive baseline on one set."""
    knowledge = engine.knowledge
    munibot = evaluate(questions, engine.answer, knowledge)
    naive = evaluate(questions, NaiveBaseline(knowledge), knowledge)
    return Measured(questions, frozen, engine, munibot, naive)


def accuracy_table(sets: list[Measured]) -> list[str]:
    """One row per set: the engine beside the baseline, declines and wrong answers."""
    rows = [
        "| set | questions + turns | munibot | naive | answerable right | declines right | "
        "declines answered with a project's facts | wrong answers (confidence >= 0.5) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for m in sets:
        r = m.munibot
        label = f"{'frozen' if m.frozen else 'tuning'}: {m.questions.name}"
        rows.append(
            f"| {label} | {len(r.singles)} + {len(r.turns)} | **{pct(r.accuracy)}** | "
            f"{pct(m.naive.accuracy)} | {pct(Report.share(r.answerable))} | "
            f"{pct(Report.share(r.declines))} ({len(r.declines)}) | {r.declined_with_facts} | "
            f"{len(r.wrong_answers)} ({r.confident_wrong}) |"
        )
    return rows


def noise_table(sets: list[Measured]) -> list[str]:
    """Clean questions beside their one-typo and Latin-letter variants."""
    rows = [
        "| set | with a typo | clean | one typo | difference | in Latin | clean | Latin letters "
        "| difference |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for m in sets:
        cells = []
        for kind in ("typo", "latin"):
            clean, noisy = variants(m.questions, kind)
            a = evaluate(clean, m.engine.answer).accuracy
            b = evaluate(noisy, m.engine.answer).accuracy
            cells.append(f"{len(noisy.singles)} | {pct(a)} | {pct(b)} | {(b - a) * 100:+.1f}")
        rows.append(f"| {m.questions.name} | {' | '.join(cells)} |")
    return rows


def style_table(sets: list[Measured]) -> list[str]:
    """Accuracy per style label of the frozen sets (aggregates only)."""
    rows = ["| set | style | questions + turns | munibot | naive |", "|---|---|---|---|---|"]
    for m in sets:
        naive = m.naive.by_style()
        for style, outcomes in m.munibot.by_style().items():
            rows.append(
                f"| {m.questions.name} | {style} | {len(outcomes)} | "
                f"{pct(Report.share(outcomes))} | {pct(Report.share(naive[style]))} |"
            )
    return rows


def conversation_table(sets: list[Measured]) -> list[str]:
    """Conversations: every turn, and whole conversations right."""
    rows = [
        "| set | conversations | turns | turns right | naive | conversations wholly right |",
        "|---|---|---|---|---|---|",
    ]
    for m in sets:
        turns = m.munibot.turns
        if not turns:
            continue
        whole, at = 0, 0
        for chat in m.questions.conversations:
            whole += all(o.ok for o in turns[at : at + len(chat)])
            at += len(chat)
        rows.append(
            f"| {m.questions.name} | {len(m.questions.conversations)} | {len(turns)} | "
            f"**{pct(Report.share(turns))}** | {pct(Report.share(m.naive.turns))} | "
            f"{whole} of {len(m.questions.conversations)} |"
        )
    return rows


def failures(sets: list[Measured]) -> list[str]:
    """Every failure of the tuning sets (frozen sets are never shown)."""
    lines = []
    for m in sets:
        if m.frozen:
            continue
        for o in m.munibot.failures:
            got = o.answer
            where = f"{got.kind} {got.project} {got.topic} {got.confidence:.2f}" if got else "-"
            lines.append(f"[{m.questions.name}] {o.expected.question!r}: {o.reason} ({where})")
    return lines


def speed_rows(
    label: str, knowledge: Path, engine: Engine, questions: list[str], rounds: int
) -> str:
    """One row of the speed table."""
    p50, p99, rate = latencies(engine, questions, rounds)
    batch, warm = batch_rate(knowledge, questions[:3000])
    figures = load_figures(knowledge)
    return (
        f"| {label} | {p50:.3f} ms | {p99:.3f} ms | {rate:,.0f}/s | {batch:,.0f}/s "
        f"({warm:,.0f}/s after start-up) | {figures['load']:.2f} s + {figures['index']:.2f} s "
        f"(CPU {figures['load_cpu']:.2f} s + {figures['index_cpu']:.2f} s) | "
        f"{figures['peak_mb']:.0f} MB |"
    )


def generated(count: int, folder: Path) -> tuple[str, str]:
    """A generated base: its speed row, and its accuracy row on citizens' questions."""
    base = folder / f"generated-{count}"
    samples = generate(base, count)
    engine = Engine(load_or_raise(base))
    right = 0
    for question, project, fact in samples:
        answer = engine.answer(question)
        right += answer.project == project and squash(fact) in squash(answer.reply.plain())
    questions = [q for q, _, _ in samples]
    speed = speed_rows(f"generated ({count:,} projects)", base, engine, questions, 1)
    return speed, f"| {count:,} projects | {len(samples):,} | {pct(right / len(samples))} |"


def engine_on(folder: Path) -> Engine | None:
    """An engine on a knowledge base, or None when it does not load (nothing of it is shown)."""
    try:
        knowledge: KnowledgeBase = load_or_raise(folder)
    except Exception:  # a frozen fixture's problems must not be printed
        return None
    return Engine(knowledge)


def accuracy_sets(engine: Engine, frozen: bool = True) -> list[Measured]:
    """Every tuning set and (unless told otherwise) every frozen set, measured."""
    tuning = [DATA / "questions.yaml", DATA / "holdout.yaml", *sorted(DATA.glob("tuning-*.yaml"))]
    names = {"questions": "questions", "holdout": "old held-out (now tuning)"}
    sets = []
    for path in tuning:
        fixture = own_base(path.stem)
        base = engine if fixture is None else engine_on(FIXTURES / fixture / "knowledge")
        if base is not None:
            sets.append(measure(load_set(path, names.get(path.stem, path.stem)), False, base))
    if not frozen:
        return sets
    for name, fixture in FROZEN:
        path = DATA / "frozen" / name
        base = engine if fixture is None else engine_on(FIXTURES / fixture / "knowledge")
        if path.exists() and base is not None:
            sets.append(measure(load_set(path, name.removesuffix(".yaml")), True, base))
    return sets


def section(args: argparse.Namespace) -> tuple[str, list[str]]:
    """The whole section of results.md, and the tuning failures."""
    engine = Engine(load_or_raise(SHIPPED))
    sets = accuracy_sets(engine, not args.tuning)
    frozen = [m for m in sets if m.frozen]
    lines = [HEADING, "", f"Machine: {machine()}", "", "#### Accuracy", ""]
    lines += accuracy_table(sets)
    lines += ["", "#### Clean and noisy variants of the same questions", ""]
    lines += noise_table([m for m in sets if m.questions.singles])
    lines += ["", "#### Conversations, per turn", "", *conversation_table(sets)]
    lines += ["", "#### Frozen sets by style (aggregates only)", "", *style_table(frozen)]
    if args.accuracy:
        return "\n".join(lines), failures(sets)
    questions = [q for m in sets if not m.frozen for q in m.questions.questions()]
    speed = [speed_rows("shipped (17 projects)", SHIPPED, engine, questions, args.rounds)]
    right = []
    with tempfile.TemporaryDirectory() as folder:
        for count in (1000,) if args.quick else (1000, 10000):
            row, accuracy = generated(count, Path(folder))
            speed.append(row)
            right.append(accuracy)
    lines += [
        "",
        "#### Speed and memory",
        "",
        "| knowledge base | p50 per question | p99 | in-process rate | `ask --batch` rate | "
        "load + index | peak memory (RSS) |",
        "|---|---|---|---|---|---|---|",
        *speed,
        "",
        "#### Generated bases: questions asked as citizens would",
        "",
        "| base | questions | right project and fact |",
        "|---|---|---|",
        *right,
    ]
    return "\n".join(lines), failures(sets)


def merge(text: str, path: Path = RESULTS) -> None:
    """Replace this benchmark's section of results.md; keep every other section as it is."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept, mine = [], False
    for block in ("\n" + old).split("\n### ")[1:] if old else []:
        title = "### " + block.split("\n", 1)[0]
        mine = title == HEADING or title in LEGACY
        if not mine:
            kept.append("### " + block.rstrip("\n"))
    path.write_text("\n\n".join([text, *kept]) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child-load", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="no 10,000-project base")
    parser.add_argument("--failures", action="store_true", help="print the tuning failures")
    parser.add_argument("--output", type=Path, help="write the section here, not results.md")
    parser.add_argument("--accuracy", action="store_true", help="accuracy only; results.md kept")
    parser.add_argument("--tuning", action="store_true", help="with --accuracy: tuning sets only")
    args = parser.parse_args()
    if args.child_load:
        child_load(args.child_load)
        return
    text, failed = section(args)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    elif not args.accuracy:
        merge(text)
    print(text)
    if args.failures:
        print("\n".join(["", "Tuning failures:", *failed]))


if __name__ == "__main__":
    main()
