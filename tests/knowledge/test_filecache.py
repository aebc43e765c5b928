"""A reload with the file cache reads only the files that changed, and gives what a load of the
whole folder from scratch gives."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from benchmarks.generate_kb import generate
from bot.knowledge import FileCache, LoadResult, filecache, load_knowledge
from tests.knowledge.generated import nth_project, reword

HOUR_NS = 3600 * 10**9


def as_compared(result: LoadResult) -> tuple[object, ...]:
    return (result.knowledge, result.problems, result.checked)


def settle(root: Path) -> None:
    """Date every file an hour back, as files that staff edited some time ago."""
    past = time.time_ns() - HOUR_NS
    for file in root.rglob("*.yaml"):
        os.utime(file, ns=(past, past))


def base(root: Path, count: int = 12) -> tuple[FileCache, Path]:
    generate(root, count)
    settle(root)
    cache = FileCache()
    assert load_knowledge(root, cache=cache).knowledge is not None
    assert cache.reads == count + 1  # every project and municipality.yaml
    return cache, nth_project(root, 3)


def test_one_changed_file_is_read_again_and_the_result_is_a_whole_load(tmp_path: Path) -> None:
    cache, file = base(tmp_path)
    reword(file, "Той е обновен.")
    reloaded = load_knowledge(tmp_path, cache=cache)
    assert cache.reads == 1
    assert as_compared(reloaded) == as_compared(load_knowledge(tmp_path))


def test_a_broken_file_is_reported_again_without_being_read_again(tmp_path: Path) -> None:
    cache, file = base(tmp_path)
    file.write_text("title: [Парк\n", encoding="utf-8")
    broken = load_knowledge(tmp_path, cache=cache)
    again = load_knowledge(tmp_path, cache=cache)
    assert broken.knowledge is None and cache.reads == 0
    assert as_compared(again) == as_compared(broken) == as_compared(load_knowledge(tmp_path))


def test_an_unchanged_folder_reads_nothing(tmp_path: Path) -> None:
    cache, _ = base(tmp_path)
    first = load_knowledge(tmp_path)
    assert as_compared(load_knowledge(tmp_path, cache=cache)) == as_compared(first)
    assert cache.reads == 0


def test_a_file_touched_without_a_change_is_hashed_not_read(tmp_path: Path) -> None:
    cache, file = base(tmp_path)
    file.touch()
    load_knowledge(tmp_path, cache=cache)
    assert cache.reads == 0


def test_a_change_that_keeps_size_and_time_is_found_in_a_fresh_file(tmp_path: Path) -> None:
    """A file written just before it was read may change again within the same clock tick:
    its content is compared, not only its size and time."""
    cache, file = base(tmp_path)
    reword(file, "Проектa е обновен.")
    written = file.stat()
    load_knowledge(tmp_path, cache=cache)
    reword(file, "ПРОЕКТa е обновен.")
    os.utime(file, ns=(written.st_atime_ns, written.st_mtime_ns))
    assert (file.stat().st_size, file.stat().st_mtime_ns) == (written.st_size, written.st_mtime_ns)
    reloaded = load_knowledge(tmp_path, cache=cache)
    assert cache.reads == 1
    assert as_compared(reloaded) == as_compared(load_knowledge(tmp_path))
    assert "ПРОЕКТa" in reloaded.knowledge.projects[3].summary.get("bg")  # type: ignore[union-attr]


def test_cross_file_checks_run_over_reused_files(tmp_path: Path) -> None:
    cache, file = base(tmp_path)
    draft = file.with_name(f"_{file.name}")
    draft.write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    load_knowledge(tmp_path, drafts=True, cache=cache)
    again = load_knowledge(tmp_path, drafts=True, cache=cache)
    assert cache.reads == 0
    [twice] = [p for p in again.errors if "used twice" in p.message]
    assert twice.file.endswith(file.name)
    assert as_compared(again) == as_compared(load_knowledge(tmp_path, drafts=True))


def test_a_deleted_file_is_forgotten(tmp_path: Path) -> None:
    cache, file = base(tmp_path)
    file.unlink()
    reloaded = load_knowledge(tmp_path, cache=cache)
    assert reloaded.knowledge is not None and len(reloaded.knowledge.projects) == 11
    assert cache.reads == 0


def test_a_file_the_bot_may_not_read_is_a_problem_then_read_once_it_may(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 (or a file of another owner): one FILE:1:1 problem, not a crash of the load;
    the cache does not keep it, so the next load reads the file when it may."""
    _, file = base(tmp_path)
    readable, cache = filecache.read_limited, FileCache()

    def denied(path: Path) -> tuple[bytes, int]:
        if path == file:
            raise PermissionError(13, "Permission denied", str(path))
        return readable(path)

    monkeypatch.setattr(filecache, "read_limited", denied)
    for used in (None, cache):
        result = load_knowledge(tmp_path, cache=used)
        assert result.knowledge is None
        assert [(p.line, p.column, p.message) for p in result.problems] == [
            (
                1,
                1,
                "the file cannot be read (Permission denied): let the user the bot runs as read "
                f"it (e.g. 'chmod a+r {file.name}'), or move it out of the knowledge folder",
            )
        ]
        assert result.problems[0].file.endswith(file.name)
    monkeypatch.setattr(filecache, "read_limited", readable)
    assert load_knowledge(tmp_path, cache=cache).knowledge is not None
