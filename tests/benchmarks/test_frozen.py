"""The held-out sets stay as committed: each file's SHA-256 is the one the README states."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from bot.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "tests" / "data" / "frozen"
ROW = re.compile(r"^\| `(tests/data/frozen/[^`]+)` \|.*\| `([0-9a-f]{64})` \|$", re.MULTILINE)


def stated_hashes() -> dict[str, str]:
    """The README's table of frozen sets: path -> SHA-256."""
    return dict(ROW.findall((ROOT / "README.md").read_text(encoding="utf-8")))


def test_every_frozen_file_is_in_the_readme_with_its_hash() -> None:
    stated = stated_hashes()
    files = sorted(str(p.relative_to(ROOT)) for p in FROZEN.rglob("*.yaml"))
    assert files and sorted(stated) == files
    for name in files:
        digest = hashlib.sha256((ROOT / name).read_bytes()).hexdigest()
        assert digest == stated[name], f"{name} changed after it was frozen"


@pytest.mark.parametrize(
    "fixture", sorted(p.name for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir())
)
def test_every_fixture_knowledge_base_is_valid(fixture: str) -> None:
    """Each fixture municipality loads with no error and no warning."""
    result = load_knowledge(ROOT / "tests" / "fixtures" / fixture / "knowledge")
    assert result.knowledge is not None and result.knowledge.projects
    assert [str(p) for p in result.problems] == []
