"""Engines on the shipped base and on the tuning municipalities, built once for the engine tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Answer, Conversation, Engine
from bot.knowledge import load_or_raise

ROOT = Path(__file__).parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def bases() -> dict[str, Engine]:
    """The shipped base ("shipped") and the tuning municipalities ("vine", "mountain", "danube",
    "spa", "town", "steppe")."""
    folders = {
        "shipped": ROOT / "knowledge",
        **{
            name: FIXTURES / f"tuning-{name}" / "knowledge"
            for name in ("vine", "mountain", "danube", "spa", "town", "steppe")
        },
    }
    return {name: Engine(load_or_raise(folder)) for name, folder in folders.items()}


def assert_quoted(
    engine: Engine, question: str, project: str, fact: str, sure: float = 0.0
) -> None:
    """The question is answered about the project, with the fact in the reply, at least as sure
    as sure."""
    answer = engine.answer(question)
    assert answer.answered and answer.project == project and answer.confidence >= sure
    assert fact in answer.reply.plain()


def last_answer(engine: Engine, turns: list[str]) -> Answer:
    """The answer to the last turn of a conversation."""
    chat = Conversation()
    return [engine.answer(turn, chat) for turn in turns][-1]


def engine_of(folder: Path, municipality: str, faq: str, projects: dict[str, str]) -> Engine:
    """An engine on a small base written into folder: municipality.yaml, faq.yaml and the
    projects by file name."""
    (folder / "projects").mkdir()
    (folder / "municipality.yaml").write_text(municipality, encoding="utf-8")
    (folder / "faq.yaml").write_text(faq, encoding="utf-8")
    for name, text in projects.items():
        (folder / "projects" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return Engine(load_or_raise(folder))
