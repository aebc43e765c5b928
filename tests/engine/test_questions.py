"""The tuning question sets in tests/data, run as tests with accuracy thresholds (no timings)."""

from __future__ import annotations

from functools import cache
from itertools import chain
from pathlib import Path

import pytest

from benchmarks.evaluation import Report, evaluate, load_set
from bot.engine import Engine
from bot.knowledge import load_or_raise

DATA = Path(__file__).parent.parent / "data"
KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"
FIXTURES = Path(__file__).parent.parent / "fixtures"
TOWN = FIXTURES / "tuning-town" / "knowledge"
TUNING = (
    "questions.yaml",
    "holdout.yaml",
    "tuning-details.yaml",
    "tuning-conversations.yaml",
    "tuning-probe.yaml",
)


@cache
def engine() -> Engine:
    return Engine(load_or_raise(KNOWLEDGE))


@cache
def report(name: str) -> Report:
    return evaluate(load_set(DATA / name), engine().answer, engine().knowledge)


def describe(report: Report) -> str:
    lines = []
    for outcome in report.failures[:20]:
        got = outcome.answer
        where = f"{got.kind} {got.project}/{got.topic}" if got else "error"
        lines.append(f"{outcome.expected.question!r}: {outcome.reason} (got {where})")
    return "\n".join(lines)


def test_question_sets_are_big_and_balanced() -> None:
    sets = [load_set(DATA / name) for name in TUNING]
    expectations = [e for s in sets for e in [*s.singles, *chain.from_iterable(s.conversations)]]
    assert len(expectations) >= 300
    assert len([e for e in expectations if e.decline]) >= 30
    projects = {p.id for p in engine().knowledge.projects}
    assert projects <= {e.project for e in expectations}


@pytest.mark.parametrize(
    ("name", "threshold"),
    [
        ("questions.yaml", 0.98),
        ("holdout.yaml", 0.96),
        ("tuning-details.yaml", 0.93),
        ("tuning-conversations.yaml", 0.97),
        ("tuning-probe.yaml", 0.9),
        ("tuning-blind.yaml", 0.92),
    ],
)
def test_accuracy(name: str, threshold: float) -> None:
    result = report(name)
    assert result.accuracy >= threshold, describe(result)


def test_tuning_sets_decline_what_the_knowledge_base_does_not_hold() -> None:
    declines = [o for name in TUNING for o in report(name).declines]
    assert Report.share(declines) >= 0.85


def test_wrong_answers_are_rarely_confident() -> None:
    wrong = [o for name in TUNING for o in report(name).wrong_answers]
    assert sum(o.answer is not None and o.answer.confidence >= 0.5 for o in wrong) <= 15


def test_the_engine_works_unchanged_on_another_municipalitys_base() -> None:
    town = Engine(load_or_raise(TOWN))
    result = evaluate(load_set(DATA / "tuning-town.yaml"), town.answer, town.knowledge)
    assert result.accuracy >= 0.93, describe(result)


@pytest.mark.parametrize(
    ("name", "threshold"),
    [
        ("tuning-mountain", 0.87),
        ("tuning-danube", 0.90),
        ("tuning-vine", 0.88),
        ("tuning-spa", 0.87),
        ("tuning-steppe", 0.76),
    ],
)
def test_blind_sets_on_their_own_bases(name: str, threshold: float) -> None:
    """Sets written blind on five more municipalities: the engine runs on them unchanged."""
    base = Engine(load_or_raise(FIXTURES / name / "knowledge"))
    result = evaluate(load_set(DATA / f"{name}.yaml"), base.answer, base.knowledge)
    assert result.accuracy >= threshold, describe(result)
    assert result.declined_with_facts <= 4, describe(result)
