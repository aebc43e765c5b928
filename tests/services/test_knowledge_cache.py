"""The knowledge cache on disk: a restart reads and analyses only the files that changed, and
never serves a stale or broken base; a cache that is broken, foreign or unwritable is no error."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

import bot.engine.index as index_module
import bot.services.knowledge_cache as knowledge_cache
from benchmarks.generate_kb import generate
from bot.config import Settings
from bot.engine import Engine
from bot.knowledge import Project, load_or_raise
from bot.services.knowledge import KnowledgeService
from tests.knowledge.generated import nth_project

HOUR_NS = 3600 * 10**9


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The id of every project the index analyses (not taken from an earlier build)."""
    seen: list[str] = []
    real = index_module.ProjectTerms.__init__

    def counted(terms: index_module.ProjectTerms, project: Project, *args: Any) -> None:
        seen.append(project.id)
        real(terms, project, *args)

    monkeypatch.setattr(index_module.ProjectTerms, "__init__", counted)
    return seen


def folder(root: Path) -> tuple[Path, list[str]]:
    """A generated base of 12 projects, its files dated an hour back, and its questions."""
    samples = generate(root / "knowledge", 12)
    past = time.time_ns() - HOUR_NS
    for file in root.rglob("*.yaml"):
        os.utime(file, ns=(past, past))
    return root / "knowledge", [question for question, _, _ in samples]


def started(knowledge: Path, cache: Path | None) -> KnowledgeService:
    """A service as the bot starts it: a fresh one, loaded."""
    service = KnowledgeService(knowledge, cache)
    service.load_or_raise()
    service.cache_written()
    return service


def assert_as_cold(service: KnowledgeService, questions: list[str]) -> None:
    """The knowledge and engine are exactly those of a load from scratch, with no cache."""
    cold = Engine(load_or_raise(service.directory))
    warm = service.engine
    assert warm.knowledge == cold.knowledge
    for part in ("postings", "idf", "name_terms", "name_words", "written", "translated"):
        assert getattr(warm.index, part) == getattr(cold.index, part), part
    assert (warm.places.of_project, warm.places.themes) == (
        cold.places.of_project,
        cold.places.themes,
    )
    for question in questions:
        assert warm.answer(question) == cold.answer(question), question


def test_a_restart_with_unchanged_files_reads_and_analyses_nothing(
    tmp_path: Path, analysed: list[str]
) -> None:
    knowledge, questions = folder(tmp_path)
    cache = tmp_path / "data" / "knowledge.cache"
    first = started(knowledge, cache)
    assert first.files.reads == 13 and len(analysed) == 12 and cache.is_file()
    analysed.clear()
    written = cache.stat().st_mtime_ns
    again = started(knowledge, cache)
    assert again.files.reads == 0 and analysed == []
    assert cache.stat().st_mtime_ns == written  # nothing new to keep
    assert_as_cold(again, questions)


def test_a_file_changed_added_or_removed_is_read_and_analysed_again(
    tmp_path: Path, analysed: list[str]
) -> None:
    knowledge, questions = folder(tmp_path)
    cache = tmp_path / "knowledge.cache"
    started(knowledge, cache)
    changed = nth_project(knowledge, 3)
    data = yaml.safe_load(changed.read_text(encoding="utf-8"))
    data["locations"] = [{"bg": "с. Нова Махала", "en": "Nova Mahala (village)"}]
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    nth_project(knowledge, 5).unlink()
    added = knowledge / "projects" / "project-new.yaml"
    added.write_bytes(nth_project(knowledge, 7).read_bytes())
    analysed.clear()
    service = started(knowledge, cache)
    assert service.files.reads == 2 and sorted(analysed) == ["project-00003", "project-new"]
    assert "project-00005" not in {p.id for p in service.knowledge.projects}
    assert_as_cold(service, [*questions, "какво се прави в Нова Махала"])
    analysed.clear()
    assert started(knowledge, cache).files.reads == 0 and analysed == []


def test_a_change_that_keeps_size_and_time_is_found_after_a_restart(tmp_path: Path) -> None:
    """The cache knows a file by its content: an old modification time proves nothing."""
    knowledge, questions = folder(tmp_path)
    cache = tmp_path / "knowledge.cache"
    started(knowledge, cache)
    file = nth_project(knowledge, 2)
    before = file.stat()
    file.write_text(file.read_text(encoding="utf-8").replace("а", "о", 1), encoding="utf-8")
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (file.stat().st_size, file.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    service = started(knowledge, cache)
    assert service.files.reads == 1
    assert_as_cold(service, questions)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a cache at all",
        knowledge_cache.MARK + b"0" * 64 + b"\n",  # written by other code
        knowledge_cache.MARK,  # cut short
    ],
    ids=["empty", "foreign", "other code", "cut short"],
)
def test_a_broken_or_foreign_cache_is_ignored_and_written_anew(
    tmp_path: Path, content: bytes, analysed: list[str]
) -> None:
    knowledge, questions = folder(tmp_path)
    cache = tmp_path / "knowledge.cache"
    cache.write_bytes(content)
    service = started(knowledge, cache)
    assert service.files.reads == 13 and len(analysed) == 12
    assert_as_cold(service, questions)
    assert started(knowledge, cache).files.reads == 0  # written anew, and usable


def test_a_cache_of_this_code_but_corrupt_or_of_other_content_is_ignored(tmp_path: Path) -> None:
    knowledge, questions = folder(tmp_path)
    cache = tmp_path / "knowledge.cache"
    started(knowledge, cache)
    whole = cache.read_bytes()
    header = knowledge_cache.MARK + knowledge_cache.code_key()
    for content in (whole[: len(whole) // 2], header + pickle.dumps({"files": []})):
        cache.write_bytes(content)
        service = started(knowledge, cache)
        assert service.files.reads == 13
        assert_as_cold(service, questions)


def records(cache: Path) -> list[Any]:
    """The header and every batch of records of a cache file, as written."""
    header = knowledge_cache.MARK + knowledge_cache.code_key()
    found = []
    with cache.open("rb") as handle:
        assert handle.read(len(header)) == header
        while handle.peek(1):
            found.append(pickle.load(handle))
    return found


def rewritten(cache: Path, parts: list[Any], tail: bytes = b"") -> None:
    """The cache file made of these parts (each a pickle of its own), then tail."""
    body = b"".join(pickle.dumps(part) for part in parts)
    cache.write_bytes(knowledge_cache.MARK + knowledge_cache.code_key() + body + tail)


def foreign_entry(parts: list[Any]) -> list[Any]:
    file, _, terms, places = parts[2][1]
    return [
        *parts[:2],
        [parts[2][0], (file, {"size": 1}, terms, places), *parts[2][2:]],
        *parts[3:],
    ]


def foreign_findings(parts: list[Any]) -> list[Any]:
    file, entry, _, places = parts[-1][0]
    return [*parts[:-1], [(file, entry, "terms", places)]]


@pytest.mark.parametrize(
    ("change", "tail"),
    [
        (lambda parts: parts[:3], b""),  # cut between two batches
        (lambda parts: parts, pickle.dumps([("one", "more")])),  # more than the count
        (lambda parts: [*parts[:4], parts[4] + parts[1]], b""),  # beyond the count
        (lambda parts: [(13, "a", "b", "c"), *parts[1:]], b""),  # a foreign header
        (foreign_entry, b""),
        (foreign_findings, b""),
        (lambda parts: [*parts[:2], ("a", "tuple"), *parts[3:]], b""),
        (lambda parts: [*parts[:2], ["a", "list"], *parts[3:]], b""),
    ],
    ids=[
        "cut between batches",
        "records beyond",
        "more records than counted",
        "foreign header",
        "foreign entry",
        "foreign findings",
        "foreign batch",
        "foreign record",
    ],
)
def test_a_stream_cut_short_or_holding_a_foreign_record_is_ignored(
    tmp_path: Path,
    change: Any,
    tail: bytes,
    analysed: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(knowledge_cache, "BATCH", 4)
    knowledge, questions = folder(tmp_path)
    cache = tmp_path / "knowledge.cache"
    started(knowledge, cache)
    parts = records(cache)
    assert parts[0][0] == 13 and [len(batch) for batch in parts[1:]] == [4, 4, 4, 1]
    rewritten(cache, parts)
    assert started(knowledge, cache).files.reads == 0  # the parts as they were: usable
    rewritten(cache, change(parts), tail)
    analysed.clear()
    service = started(knowledge, cache)
    assert service.files.reads == 13 and len(analysed) == 12
    assert_as_cold(service, questions)
    assert started(knowledge, cache).files.reads == 0  # written anew, and usable


def test_a_cache_that_cannot_be_written_is_no_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    knowledge, questions = folder(tmp_path)
    (tmp_path / "not-a-folder").write_text("a file where the cache's folder would be")
    cache = tmp_path / "not-a-folder" / "knowledge.cache"
    service = started(knowledge, cache)
    assert_as_cold(service, questions)
    [read, written] = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert read == (
        f"the knowledge cache {cache} cannot be read (Not a directory): the files are read "
        "instead; set MUNIBOT_KNOWLEDGE_CACHE to a file in a folder munibot may write, or to off"
    )
    assert written.startswith(f"the knowledge cache {cache} cannot be written (File exists: ")
    assert written.endswith(
        "set MUNIBOT_KNOWLEDGE_CACHE to a file in a folder munibot may write, or to off"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["knowledge", "not-a-folder"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"MUNIBOT_DB": "/data/munibot.sqlite3"}, Path("/data/knowledge.cache")),
        ({"MUNIBOT_KNOWLEDGE_CACHE": "/cache/kb.cache"}, Path("/cache/kb.cache")),
        ({"MUNIBOT_KNOWLEDGE_CACHE": "off"}, None),
        ({"MUNIBOT_DB": ":memory:"}, None),
    ],
)
def test_the_cache_lives_beside_the_database_unless_configured(
    env: dict[str, str], expected: Path | None
) -> None:
    assert Settings.from_env(env).knowledge_cache_file == expected
