"""Reloading the knowledge base: off the event loop, and a broken version read only once."""

from __future__ import annotations

import shutil
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

import bot.services.knowledge as knowledge_service
from bot.config import Settings
from bot.knowledge import LoadResult, load_knowledge
from bot.services.container import Services

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[Services]:
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    settings = Settings(knowledge_dir=tmp_path / "knowledge", db_path=tmp_path / "db.sqlite3")
    opened = await Services.open(settings)
    yield opened
    await opened.close()


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The thread of every load of the knowledge folder."""
    threads: list[int] = []
    real = knowledge_service.load_knowledge

    def counted(root: Path, **options: Any) -> LoadResult:
        threads.append(threading.get_ident())
        return real(root, **options)

    monkeypatch.setattr(knowledge_service, "load_knowledge", counted)
    return threads


async def test_reload_runs_in_a_worker_thread(services: Services, loads: list[int]) -> None:
    result = await services.reload(force=True)
    assert result is not None and result.knowledge is not None
    assert loads and threading.get_ident() not in loads


async def test_a_broken_version_is_read_once_and_reported_at_its_place(
    services: Services, loads: list[int]
) -> None:
    broken = services.settings.knowledge_dir / "projects" / "loop.yaml"
    broken.write_text("title: &t [x, *t]\nstatus: ongoing\nsummary: x\n", encoding="utf-8")
    result = await services.reload()
    assert result is not None and result.knowledge is None
    [problem] = result.problems
    assert (problem.file.endswith("loop.yaml"), problem.line, problem.column) == (True, 1, 15)
    assert await services.reload() is None
    assert await services.reload() is None
    assert len(loads) == 1
    assert services.knowledge.knowledge.counts()["projects"] == 17  # the last good version
    broken.unlink()
    result = await services.reload()
    assert result is not None and result.knowledge is not None and len(loads) == 2


async def test_a_reload_reads_again_only_the_changed_file(services: Services) -> None:
    service = services.knowledge
    park = services.settings.knowledge_dir / "projects" / "park-block-66.yaml"
    text = park.read_text(encoding="utf-8")
    park.write_text(text.replace("status: completed", "status: ongoing"), encoding="utf-8")
    result = await services.reload()
    assert result is not None and result.knowledge is not None
    assert service.files.reads == 1
    assert service.knowledge.project("park-block-66").status == "ongoing"  # type: ignore[union-attr]
    assert result.knowledge == load_knowledge(services.settings.knowledge_dir).knowledge


def test_a_file_made_readable_with_chmod_is_a_change(tmp_path: Path) -> None:
    """A file the bot could not read is read again once staff fix its permissions (or owner)."""
    shutil.copytree(Path(__file__).parents[2] / "knowledge", tmp_path / "k")
    before = knowledge_service.fingerprint(tmp_path / "k")
    (tmp_path / "k" / "municipality.yaml").chmod(0o600)
    assert knowledge_service.fingerprint(tmp_path / "k") != before
