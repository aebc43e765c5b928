"""The quick reading of ordinary files gives exactly what the safe, event-by-event reading gives:
the same data for every file it takes, the same load result for every folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import bot.knowledge.agreement as agreement
import bot.knowledge.reading as reading
from benchmarks.generate_kb import generate
from bot.knowledge import LoadResult, load_knowledge, yamlquick
from bot.knowledge.yamlquick import quick_tree
from bot.knowledge.yamlsource import read_tree
from bot.knowledge.yamltree import Scalar, scalar
from tests.knowledge.test_limits import ATTACKS
from tests.knowledge.test_staff_mistakes import AS_WRITTEN, BASE, MISTAKES, TWO_LANGUAGES
from tests.knowledge.test_validation import CASES, MUNICIPALITY, PROJECT

Attack = tuple[str, Callable[[Path], str], int, int, list[str]]
ROOT = Path(__file__).parent.parent.parent
FOLDERS = [ROOT / "knowledge", ROOT / "tests/fixtures/other-municipality/knowledge"]
SHIPPED = sorted(file for folder in FOLDERS for file in folder.rglob("*.yaml"))

# every way YAML 1.1 may read a plain value, and the quoted and block forms
SCALARS = [
    *("~ null Null NULL yes Yes NO on Off true False y n".split()),
    *("0012 12_345 0x1F 0o17 0b101 1e3 1.5 -5 +359 .inf -.INF .nan 1_000.5 190:20:30".split()),
    *("2024-02-30 2024-06-11 2024-6-1 2024-06-11T10:00:00Z 8:30 << = !x".split()),
    '"12"',
    "'no'",
    '""',
    "",
    "|\n  two\n  lines\n",
    ">\n  folded\n  text\n",
    "„Строител“ ЕООД",
    'Парк "Изток"',
    "a  b # comment",
]

# ordinary files whose texts or facts the checks warn about (one is marked '# checked')
WARNED = [
    TWO_LANGUAGES,
    BASE + "short_title: “Паркът”\n",
    BASE + "short_title:\n  bg: Парк\n  de: Park\n",
    BASE + "period:\n  start: 2013-11-13\n  end: 2014-11-13\n  months: 9\n",
    BASE + "period:\n  start: 2013-11-13\n  end: 2014-11-13\n  months: 9  # checked\n",
]

# files the quick reading must leave to the safe one, which explains them at their place
UNUSUAL = [
    "title: &t Парк\nsummary: *t\nstatus: ongoing\n",
    "title: !!str Парк\nstatus: ongoing\nsummary: x\n",
    "title: Парк\ntitle: Градина\nstatus: ongoing\nsummary: x\n",
    "__origin__: x\ntitle: Парк\nstatus: ongoing\nsummary: x\n",
    "[a]: b\ntitle: Парк\n",
    "title: Парк\n---\ntitle: Градина\n",
    "title: Парк\n  status: ongoing: yes\n",
    "# nothing but a comment\n",
    "null\n",
    "aliases: " + "[" * 50 + "]" * 50 + "\n",
    "aliases: [" + ", ".join(["a"] * 50_000) + "]\n",
]


def safe_data(text: str) -> object:
    return read_tree(text, "park.yaml").data


@pytest.mark.parametrize("file", SHIPPED, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_every_shipped_file_is_read_quickly_into_the_same_data(file: Path) -> None:
    text = file.read_text(encoding="utf-8")
    data = quick_tree(text, "park.yaml")
    assert data is not None
    assert data == safe_data(text)


def staff_texts() -> list[str]:
    return [
        PROJECT,
        *WARNED,
        *(case[1] for case in CASES if isinstance(case[1], str)),
        *(case[1] for case in MISTAKES),
        *(BASE + case[1] for case in AS_WRITTEN),
        *(BASE + f"short_title: {scalar}\n" for scalar in SCALARS),
        *(BASE + f"aliases:\n  - {scalar}\n" for scalar in SCALARS),
        BASE + "aliases: " + "[" * 49 + "]" * 49 + "\n",  # 50 levels: the most allowed
    ]


def test_the_quick_reading_agrees_wherever_it_reads() -> None:
    texts = staff_texts()
    read = [text for text in texts if quick_tree(text, "park.yaml") is not None]
    for text in read:
        assert quick_tree(text, "park.yaml") == safe_data(text), text
    assert len(read) > len(texts) * 3 // 4  # most mistakes are in values, not in YAML


@pytest.mark.parametrize("text", UNUSUAL, ids=lambda t: t[:24])
def test_an_unusual_file_is_left_to_the_safe_reading(text: str) -> None:
    assert quick_tree(text, "park.yaml") is None


@pytest.mark.parametrize("attack", ATTACKS, ids=[a[0] for a in ATTACKS])
def test_a_hostile_file_is_left_to_the_safe_reading(tmp_path: Path, attack: Attack) -> None:
    text = attack[1](tmp_path)
    if len(text.encode()) <= 1024 * 1024:  # a bigger file is refused before any reading
        assert quick_tree(text, "park.yaml") is None


def as_compared(result: LoadResult) -> tuple[object, ...]:
    return (result.knowledge, result.problems, result.checked)


def both_ways(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[LoadResult, LoadResult]:
    """The load with the quick reading, and the load with only the safe reading."""
    quick = load_knowledge(root)
    with monkeypatch.context() as patch:
        patch.setattr(reading, "quick_value", lambda *_: None)
        safe = load_knowledge(root)
    return quick, safe


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.parent.name)
def test_shipped_folders_load_the_same_both_ways(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick, safe = both_ways(folder, monkeypatch)
    assert as_compared(quick) == as_compared(safe)
    assert quick.knowledge is not None


def test_every_staff_mistake_and_attack_loads_the_same_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    projects = tmp_path / "projects"
    projects.mkdir(parents=True)
    (tmp_path / "municipality.yaml").write_text(MUNICIPALITY, encoding="utf-8")
    mistakes = [
        *(case[1] for case in CASES if isinstance(case[1], str)),
        *(case[1] for case in MISTAKES),
        *(attack[1](tmp_path) for attack in ATTACKS),
    ]
    for group, texts in (("mistake", mistakes), ("other", [*staff_texts(), *UNUSUAL])):
        for number, text in enumerate(texts):
            (projects / f"{group}-{number}.yaml").write_text(text, encoding="utf-8")
    (projects / "mistake-not-utf8.yaml").write_bytes("title: Парк\n".encode("cp1251"))
    (projects / "mistake-tabs.yaml").write_text(BASE + "goals:\n\t- x\n", encoding="utf-8")
    quick, safe = both_ways(tmp_path, monkeypatch)
    assert as_compared(quick) == as_compared(safe)
    reported = {Path(problem.file).name for problem in quick.errors}
    assert {file.name for file in projects.glob("mistake-*")} <= reported
    assert len(quick.warnings) >= len(WARNED) and len(quick.checked) == 1


@pytest.mark.parametrize("day", [None, dt.date(2026, 12, 2), dt.date(2031, 6, 1)])
def test_an_ordinary_base_is_read_without_the_safe_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: dt.date | None
) -> None:
    """Also with statuses checked against the clock: a generated base agrees with its dates."""
    monkeypatch.setattr(agreement, "today", lambda: day)
    generate(tmp_path, 30, today=day)
    safe_reads: list[str] = []

    def counted(text: str, display: str) -> object:
        safe_reads.append(display)
        return read_tree(text, display)

    monkeypatch.setattr(reading, "read_tree", counted)
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and len(result.knowledge.projects) == 30
    assert safe_reads == []


def test_the_quick_reading_uses_libyaml_where_installed() -> None:
    assert yaml.__with_libyaml__  # a dependency of the project: PyYAML's wheels ship it
    assert yamlquick._PARSER is yaml.cyaml.CParser


def test_a_quickly_made_scalar_is_a_scalar_like_any_other() -> None:
    made, built = scalar("0012", 10, False), Scalar("0012", 10, False)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "12"  # type: ignore[misc]
