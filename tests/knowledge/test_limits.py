"""Hostile or broken files: each is refused with FILE:LINE:COLUMN and a fix, and reading it stays
small (no memory blow-up, no deep recursion)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.knowledge import load_knowledge
from tests.knowledge.test_validation import make_knowledge

BASE = "title: Парк\nstatus: ongoing\nsummary: Нов парк.\n"
MEMORY_LIMIT = 30 * 1024 * 1024


def billion_laughs(_: Path) -> str:
    """Ten aliases of ten aliases, nine times over: 10^9 values from 1 KB."""
    lines = ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        lines.append(f"lol{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return BASE + "\n".join(lines) + "\naliases: *a9\n"


def huge_file(_: Path) -> str:
    """A valid project file of 60 MB (a list of aliases)."""
    item = "  - " + "парк " * 20 + "\n"
    return BASE + "aliases:\n" + item * (60 * 1024 * 1024 // len(item.encode()))


def many_values(_: Path) -> str:
    """Under 1 MB, but 60,000 values."""
    return BASE + "aliases: [" + ", ".join(["a"] * 60_000) + "]\n"


def deep_flow(_: Path) -> str:
    return BASE + "aliases: " + "[" * 5000 + "]" * 5000 + "\n"


def deep_block(_: Path) -> str:
    return BASE + "budget:\n" + "".join(" " * (i + 1) + "x:\n" for i in range(60))


# (attack, file text, line, column, words of the one error)
ATTACKS: list[tuple[str, Callable[[Path], str], int, int, list[str]]] = [
    (
        "billion laughs",
        billion_laughs,
        8,
        27,
        ["the alias '*a3'", "more than 50,000 values", "write the values out"],
    ),
    ("60 MB file", huge_file, 1, 1, ["60.0 MB, more than the 1 MB"]),
    ("60,000 values", many_values, 4, 149_984, ["more than 50,000 values", "split it"]),
    (
        "recursive alias",
        lambda _: BASE + "aliases: &loop [a, *loop]\n",
        4,
        20,
        ["'*loop' stands inside the very group it repeats", "line 4", "never end"],
    ),
    (
        "alias to itself in a mapping",
        lambda _: BASE + "contract: &c\n  number: *c\n",
        5,
        11,
        ["'*c' stands inside the very group it repeats"],
    ),
    ("5,000-deep brackets", deep_flow, 4, 1009, ["nested more than 50 levels"]),
    ("60-deep indentation", deep_block, 54, 51, ["nested more than 50 levels"]),
    ("undefined alias", lambda _: BASE + "aliases: [*park]\n", 4, 11, ["nothing is named '&park'"]),
    (
        "two documents",
        lambda _: BASE + "---\n" + BASE,
        4,
        1,
        ["a second document starts here", "delete the '---' line"],
    ),
]


@pytest.mark.parametrize(
    ("attack", "build", "line", "column", "words"), ATTACKS, ids=[a[0] for a in ATTACKS]
)
def test_attack_is_refused_at_its_place_without_exhausting_memory(
    tmp_path: Path,
    attack: str,
    build: Callable[[Path], str],
    line: int,
    column: int,
    words: list[str],
) -> None:
    make_knowledge(tmp_path, build(tmp_path), name="park.yaml")
    tracemalloc.start()
    try:
        result = load_knowledge(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.knowledge is None
    [problem] = result.problems
    assert (Path(problem.file).name, problem.line, problem.column) == ("park.yaml", line, column)
    for word in words:
        assert word in problem.message, problem.message
    assert peak < MEMORY_LIMIT, f"{peak / 2**20:.0f} MB"


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    text = BASE + "locations: [&town {bg: гр. Ветрен, en: Vetren}]\nactivities:\n"
    text += "  - title: Алеи\n    results: [*town]\n"
    make_knowledge(tmp_path, text)
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and result.problems == []
    project = result.knowledge.projects[0]
    assert project.activities[0].results == project.locations
