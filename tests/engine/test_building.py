"""The engine built on two processors is the engine built on one: the same index, places and
answers; and building leaves the garbage collector as it found it."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

import pytest

import bot.knowledge.parallel as parallel
from benchmarks.evaluation import load_set
from bot.engine import Conversation, Engine
from bot.knowledge import load_or_raise
from tests.knowledge.test_parallel import forks  # noqa: F401 (the fixture)

ROOT = Path(__file__).parent.parent.parent
QUESTIONS = [q for q in load_set(ROOT / "tests" / "data" / "questions.yaml").questions()][:60]


def built(engine: Engine) -> tuple[object, ...]:
    """Everything the index and the places are made of, comparable."""
    index, places = engine.index, engine.places
    return (
        index.postings,
        [list(hits.items()) for hits in index.postings.values()],  # in the same order
        list(index.postings),
        index.idf,
        index.name_terms,
        index.name_words,
        list(index.written.items()),
        index.translated,
        index.identifiers,
        index.vocabulary.sorted,
        places.of_project,
        places.themes,
        places.display,
    )


def answers(engine: Engine) -> list[dict[str, object]]:
    """Every field of the answer to each question, asked in one chat."""
    chat = Conversation()
    return [dataclasses.asdict(engine.answer(question, chat)) for question in QUESTIONS]


def test_two_processors_build_what_one_builds(forks: list[int]) -> None:  # noqa: F811
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "MIN_ITEMS", 10**9)
        knowledge = load_or_raise(ROOT / "knowledge")
        one = Engine(knowledge)
    assert not forks
    both = Engine(knowledge)
    assert len(forks) == 1  # the index's terms and the places of the last projects: one copy
    assert built(both) == built(one)
    assert answers(both) == answers(one)


def test_when_the_copy_fails_this_process_builds_its_share(
    forks: list[int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "MIN_ITEMS", 10**9)
        knowledge = load_or_raise(ROOT / "knowledge")
        one = Engine(knowledge)

    def broken(*_: object) -> None:
        raise OSError("the disk is full")

    monkeypatch.setattr(parallel.pickle, "dump", broken)
    both = Engine(knowledge)
    assert len(forks) == 1
    assert built(both) == built(one)


@pytest.mark.parametrize("enabled", [True, False])
def test_building_leaves_the_collector_as_it_was(enabled: bool) -> None:
    knowledge = load_or_raise(ROOT / "knowledge")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        Engine(knowledge)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
