"""The files of a knowledge folder are listed as pathlib lists them, links and drafts included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.knowledge.files import display_path, display_paths, files_below, watched


def tree(root: Path) -> Path:
    """A folder with every kind of entry: nested, drafts, hidden, links good, broken and looping,
    and names that sort differently as text and as parts ('a-b/x' and 'a/x')."""
    for name in ("a/x.yaml", "a-b/x.yaml", "a/b/c.yaml", "_draft/d.yaml", ".git/e", "z.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (root / "file-link.yaml").symlink_to(root / "a/x.yaml")
    (root / "folder-link").symlink_to(root / "a")
    (root / "broken.yaml").symlink_to(root / "nowhere.yaml")
    (root / "loop.yaml").symlink_to(root / "loop.yaml")
    return root


def test_files_below_are_what_rglob_finds(tmp_path: Path) -> None:
    root = tree(tmp_path)
    expected = sorted(p for p in root.rglob("*") if p.is_file())
    found = files_below(root)
    assert [path for _, path in found] == expected
    assert [parts for parts, _ in found] == [p.relative_to(root).parts for p in expected]
    assert root / "a-b/x.yaml" in expected and root / "file-link.yaml" in expected


def test_watched_leaves_out_drafts_and_hidden_files(tmp_path: Path) -> None:
    root = tree(tmp_path)
    names = [p.relative_to(root).as_posix() for p in watched(root)]
    assert names == ["a/b/c.yaml", "a/x.yaml", "a-b/x.yaml", "file-link.yaml", "z.txt"]


@pytest.mark.parametrize("working", ["root", "root/a", "parent", "elsewhere"])
@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_display_paths_are_those_of_display_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, working: str, relative: bool
) -> None:
    (tmp_path / "root").mkdir()
    root = tree(tmp_path / "root")
    (tmp_path / "elsewhere").mkdir()
    (root / "..hidden.yaml").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path / working if working != "parent" else tmp_path)
    files = [Path(os.path.relpath(p)) if relative else p for _, p in files_below(root)]
    assert display_paths(files) == [display_path(file) for file in files]
