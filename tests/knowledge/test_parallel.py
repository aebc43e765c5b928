"""Many files are read on two processors, with exactly the result of reading them in one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import bot.knowledge.parallel as parallel
from benchmarks.generate_kb import generate
from bot.knowledge import FileCache, LoadResult, load_knowledge
from tests.knowledge.generated import reword
from tests.knowledge.test_staff_mistakes import BASE


def as_compared(result: LoadResult) -> tuple[object, ...]:
    return (result.knowledge, result.problems, result.checked)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The forks made, with every list of two or more files read on two processors."""
    assert parallel.can_fork(), "the tests run on two processors, without other threads"
    made: list[int] = []
    real = os.fork

    def counted() -> int:
        pid = real()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel.os, "fork", counted)
    return made


def folder(root: Path) -> Path:
    """Generated projects, a few of them broken, warned about or marked '# checked'."""
    generate(root, 40)
    projects = root / "projects"
    (projects / "broken.yaml").write_text(BASE + "budget:\n  total: 0012\n", encoding="utf-8")
    (projects / "warned.yaml").write_text(BASE + "short_title: “Парк”\n", encoding="utf-8")
    checked = "period:\n  start: 2013-11-13\n  end: 2014-11-13\n  months: 9  # checked\n"
    (projects / "checked.yaml").write_text(BASE + checked, encoding="utf-8")
    (projects / "lol.yaml").write_text(BASE + "x: &a [*a]\n", encoding="utf-8")
    return root


def test_two_processors_read_what_one_reads(tmp_path: Path, forks: list[int]) -> None:
    root = folder(tmp_path)
    both = load_knowledge(root)
    assert len(forks) == 1
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "MIN_ITEMS", 10**9)
        one = load_knowledge(root)
    assert len(forks) == 1
    assert as_compared(both) == as_compared(one)
    assert both.errors and both.warnings and both.checked


def test_a_cached_load_on_two_processors_is_the_same(tmp_path: Path, forks: list[int]) -> None:
    root = folder(tmp_path)
    cache = FileCache()
    first = load_knowledge(root, cache=cache)
    (root / "projects" / "broken.yaml").write_text(BASE, encoding="utf-8")
    for file in sorted((root / "projects").glob("project-*.yaml"))[:5]:
        reword(file, "Той е обновен.")
    reloaded = load_knowledge(root, cache=cache)
    assert cache.reads == 6 and len(forks) == 2
    assert as_compared(first) != as_compared(reloaded) == as_compared(load_knowledge(root))


def test_when_the_copy_fails_this_process_reads_its_half(
    tmp_path: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = folder(tmp_path)
    expected = as_compared(load_knowledge(root))

    def broken(*_: object) -> None:
        raise OSError("the disk is full")

    monkeypatch.setattr(parallel.pickle, "dump", broken)
    assert as_compared(load_knowledge(root)) == expected
    assert len(forks) == 2


@pytest.mark.parametrize(("share", "copied"), [(0.5, 50), (0.45, 45), (0.2, 20)])
def test_the_copy_does_its_share_of_the_items_at_the_end(
    forks: list[int], share: float, copied: int
) -> None:
    made = parallel.map_forked(lambda item: (item, os.getpid()), range(100), share)
    assert [item for item, _ in made] == list(range(100))
    assert [pid for _, pid in made].count(os.getpid()) == 100 - copied
    assert {pid for _, pid in made[100 - copied :]} == {forks[0]}
