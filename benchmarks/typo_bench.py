"""One-typo variants of the tuning sets beside the clean questions, and their failures by kind.

Run: .venv/bin/python benchmarks/typo_bench.py [--show] [SET.yaml[:FIXTURE] ...]
Without sets it asks every tuning set on its own base. It prints, per set, the clean and the
one-typo accuracy, then the typo failures (where the clean question was right) grouped by the
kind of word that got the typo and by what went wrong.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from benchmarks.evaluation import Expectation, evaluate, load_set  # noqa: E402
from benchmarks.run import DATA, FIXTURES, SHIPPED, engine_on, own_base  # noqa: E402
from benchmarks.variants import variants  # noqa: E402
from bot.engine import Answer, Engine  # noqa: E402
from bot.knowledge import KnowledgeBase, load_or_raise  # noqa: E402

_WORD = re.compile(r"[^\W\d_]+")
QUESTION_WORDS = frozenset(
    "колко кога кой коя кое кои къде какво какъв каква какви защо как който която което които "
    "докога откога kolko koga koy koi kade kude kakvo kakav kakva kakvi zashto kak "
    "what when where who which whom whose how much many".split()
)


def _topic_words() -> frozenset[str]:
    lexicon = yaml.safe_load((ROOT / "bot/engine/lexicon.yaml").read_text(encoding="utf-8"))
    words = {w for cues in lexicon["topic_cues"].values() for c in cues for w in c.split()}
    return frozenset(w.lower() for w in words if len(w) >= 4) - QUESTION_WORDS


TOPIC_WORDS = _topic_words()


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def typed_word(clean: str, noisy: str) -> tuple[str, str]:
    """The word of clean that got the typo, and how it was typed."""
    for a, b in zip(_WORD.findall(clean), _WORD.findall(noisy), strict=False):
        if a != b:
            return a, b
    return "", ""


def word_kind(word: str, expected: Expectation, knowledge: KnowledgeBase) -> str:
    """Which kind of word got the typo."""
    lower = word.lower()
    project = next((p for p in knowledge.projects if p.id == expected.project), None)
    if lower in QUESTION_WORDS:
        return "question word"
    if project is not None:
        titles = (project.title, project.short_title, *project.aliases)
        names = " ".join(str(t) for t in titles if t)
        if lower in _words(names):
            return "project-name word"
    if lower in TOPIC_WORDS:
        return "topic word"
    places = " ".join(str(loc) for p in knowledge.projects for loc in p.locations)
    if word[:1].isupper() and lower in _words(places):
        return "village name"
    if len(word) == 4:
        return "short word"
    if project is not None and lower in _words(str(project.summary)):
        return "summary word"
    return "other word"


def what_went_wrong(expected: Expectation, answer: Answer | None, reason: str) -> str:
    """How the typo answer failed."""
    if answer is None or not answer.answered:
        return "declined"
    if answer.kind == "clarify":
        return "asked which project"
    if expected.project and answer.project != expected.project:
        return "wrong project" if answer.project else f"no project ({answer.kind})"
    return "wrong topic / fact"


def run(specs: list[str], show: bool) -> None:
    """Print the table and the failures by kind."""
    shipped = Engine(load_or_raise(SHIPPED))
    todo: list[tuple[Path, str | None]] = []
    if specs:
        for spec in specs:
            name, _, fixture = spec.partition(":")
            todo.append((DATA / name if (DATA / name).exists() else Path(name), fixture or None))
    else:
        todo = [(p, own_base(p.stem)) for p in sorted(DATA.glob("tuning-*.yaml"))]
    kinds: Counter[str] = Counter()
    lines = []
    print("| set | questions | clean | one typo | difference |")
    print("|---|---|---|---|---|")
    for path, fixture in todo:
        engine = shipped if fixture is None else engine_on(FIXTURES / fixture / "knowledge")
        if engine is None:
            continue
        clean, noisy = variants(load_set(path, path.stem), "typo")
        if not noisy.singles:
            continue
        a = evaluate(clean, engine.answer, engine.knowledge)
        b = evaluate(noisy, engine.answer, engine.knowledge)
        print(
            f"| {path.stem} | {len(noisy.singles)} | {a.accuracy:.1%} | {b.accuracy:.1%} "
            f"| {(b.accuracy - a.accuracy) * 100:+.1f} |"
        )
        for good, bad in zip(a.singles, b.singles, strict=True):
            if not good.ok or bad.ok:
                continue
            word, typed = typed_word(good.expected.question, bad.expected.question)
            kind = word_kind(word, good.expected, engine.knowledge)
            wrong = what_went_wrong(bad.expected, bad.answer, bad.reason)
            kinds[f"{kind}: {wrong}"] += 1
            got = bad.answer
            where = f"{got.kind} {got.project} {got.topic}" if got else "-"
            lines.append(
                f"[{path.stem}] {kind} / {wrong}: {word}->{typed} "
                f"{bad.expected.question!r} ({bad.reason}; {where})"
            )
    print("\nTypo failures by kind:")
    for kind, count in kinds.most_common():
        print(f"{count:4} {kind}")
    if show:
        print("\n" + "\n".join(sorted(lines)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", help="SET.yaml[:FIXTURE]; default: the tuning sets")
    parser.add_argument("--show", action="store_true", help="print every typo failure")
    args = parser.parse_args()
    run(args.sets, args.show)


if __name__ == "__main__":
    main()
