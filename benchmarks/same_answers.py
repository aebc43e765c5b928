"""The engine's answers, whole, to every tuning question: saved once, then checked byte for byte.

Every field of every answer (the reply's spans, links and bold included) and the conversation's
state after it, for: each tuning set in tests/data/ on its own base (single questions in a fresh
chat, conversations in order), the one-typo and Latin-letter variants of its questions, and the
questions of the generated 1,000-project base. Frozen sets are never read.

Run: .venv/bin/python benchmarks/same_answers.py --save FILE, then, after a change, --check FILE.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.evaluation import load_set  # noqa: E402
from benchmarks.generate_kb import generate  # noqa: E402
from benchmarks.run import DATA, FIXTURES, SHIPPED, own_base  # noqa: E402
from benchmarks.variants import variants  # noqa: E402
from bot.engine import Conversation, Engine  # noqa: E402
from bot.knowledge import load_or_raise  # noqa: E402


def _chats(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(label, questions of one chat) for a set and its noisy variants."""
    questions = load_set(path)
    for number, single in enumerate(questions.singles):
        yield f"{path.stem} single {number}", [single.question]
    for number, turns in enumerate(questions.conversations):
        yield f"{path.stem} conversation {number}", [turn.question for turn in turns]
    for kind in ("typo", "latin"):
        _, noisy = variants(questions, kind)
        for number, single in enumerate(noisy.singles):
            yield f"{path.stem} {kind} {number}", [single.question]


def _lines(engine: Engine, label: str, questions: list[str]) -> Iterator[str]:
    """One JSON line per turn: the whole answer and the chat's state after it (a set as its
    sorted items)."""
    chat = Conversation()
    for turn, question in enumerate(questions):
        answer = engine.answer(question, chat)
        record = {
            "at": f"{label} turn {turn}",
            "answer": dataclasses.asdict(answer),
            "chat": dataclasses.asdict(chat),
        }
        yield json.dumps(record, ensure_ascii=False, sort_keys=True, default=sorted)


def dump() -> Iterator[str]:
    """Every line, in a fixed order."""
    shipped = Engine(load_or_raise(SHIPPED))
    tuning = [DATA / "questions.yaml", DATA / "holdout.yaml", *sorted(DATA.glob("tuning-*.yaml"))]
    for path in tuning:
        fixture = own_base(path.stem)
        own = None if fixture is None else load_or_raise(FIXTURES / fixture / "knowledge")
        engine = shipped if own is None else Engine(own)
        for label, questions in _chats(path):
            yield from _lines(engine, label, questions)
    with tempfile.TemporaryDirectory() as folder:
        samples = generate(Path(folder) / "generated-1000", 1000)
        engine = Engine(load_or_raise(Path(folder) / "generated-1000"))
        for number, (question, _, _) in enumerate(samples):
            yield from _lines(engine, f"generated-1000 {number}", [question])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write every answer to this file")
    group.add_argument("--check", type=Path, help="compare every answer with this file")
    args = parser.parse_args()
    text = "".join(line + "\n" for line in dump())
    digest = hashlib.sha256(text.encode()).hexdigest()
    if args.save:
        args.save.write_text(text, encoding="utf-8")
        print(f"saved {text.count(chr(10))} answers, sha256 {digest}")
        return
    saved = args.check.read_text(encoding="utf-8")
    if saved == text:
        print(f"same: {text.count(chr(10))} answers byte-identical, sha256 {digest}")
        return
    old, new = saved.splitlines(), text.splitlines()
    differ = [n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
    print(f"DIFFERENT: {len(differ)} answers differ, {len(old)} saved and {len(new)} now")
    for n in differ[:5]:
        print(f"- {old[n]}\n+ {new[n]}")
    sys.exit(1)


if __name__ == "__main__":
    main()
