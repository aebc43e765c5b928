"""The question sets in tests/data, run as tests with accuracy thresholds (no timings)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.evaluation import Report, evaluate, load_questions
from bot.knowledge import load_or_raise

DATA = Path(__file__).parent.parent / "data"
KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"


@cache
def engine() -> Engine:
    return Engine(load_or_raise(KNOWLEDGE))


@cache
def report(name: str) -> Report:
    return evaluate(load_questions(DATA / name), lambda q, c: engine().answer(q, c))


def describe(report: Report) -> str:
    lines = []
    for outcome in report.failures[:20]:
        want, got = outcome.expected, outcome.answer
        lines.append(
            f"{want.question!r}: want {want.project}/{want.topic} decline={want.decline}"
            f" got {got.answered} {got.project}/{got.topic}"
        )
    return "\n".join(lines)


def test_question_sets_are_big_and_balanced() -> None:
    questions = [
        q
        for name in ("questions.yaml", "holdout.yaml")
        for conv in load_questions(DATA / name)
        for q in conv
    ]
    assert len(questions) >= 300
    declines = [q for q in questions if q.decline]
    assert len(declines) >= 30
    holdout = sum(len(c) for c in load_questions(DATA / "holdout.yaml"))
    assert holdout >= len(questions) / 4
    projects = {p.id for p in engine().knowledge.projects}
    assert projects <= {q.project for q in questions}


@pytest.mark.parametrize(("name", "threshold"), [("questions.yaml", 0.97), ("holdout.yaml", 0.95)])
def test_accuracy(name: str, threshold: float) -> None:
    result = report(name)
    assert result.accuracy >= threshold, describe(result)


def test_whole_set_accuracy() -> None:
    outcomes = report("questions.yaml").outcomes + report("holdout.yaml").outcomes
    assert sum(o.ok for o in outcomes) / len(outcomes) >= 0.97


def test_tuning_set_declines_every_refusal() -> None:
    assert not report("questions.yaml").wrongly_answered_refusals


def test_refusals_never_carry_another_projects_figures() -> None:
    for name in ("questions.yaml", "holdout.yaml"):
        for outcome in report(name).outcomes:
            if outcome.expected.decline and outcome.answer.answered:
                assert outcome.answer.missing or outcome.answer.topic != "budget", outcome
