"""The running bot while a hostile knowledge file is reloaded: others are answered at once, the
admins are told once, and the file is not read again and again."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

import bot.services.knowledge as knowledge_service
from bot.config import Settings
from bot.knowledge import LoadResult
from bot.services.knowledge import KnowledgeService
from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.knowledge.test_limits import billion_laughs, deep_flow, huge_file
from tests.telegram.conftest import ADMIN, KNOWLEDGE
from tests.telegram.harness import BotHarness
from tests.telegram.test_admin import eventually

ANSWER_WITHIN = 3.0  # seconds: the answer must not wait for the reload


def watched_copy(settings: Settings, folder: Path) -> Settings:
    """Settings on a copy of the shipped knowledge base, checked every 50 ms."""
    shutil.copytree(KNOWLEDGE, folder)
    return dataclasses.replace(settings, knowledge_dir=folder, reload_interval=0.05)


def admin_texts(api: FakeBotAPI) -> list[str]:
    return [m["text"] for m in api.messages.get(ADMIN, {}).values()]


async def ask_park(bot: BotHarness) -> str:
    """Another user's question, answered within ANSWER_WITHIN seconds (the admins may be told
    of a reload meanwhile)."""
    calls = await bot.send(updates.message(7, "колко струва паркът"), timeout=ANSWER_WITHIN)
    [answer] = [
        c.result["text"]
        for c in calls
        if c.method == "sendMessage" and int(c.params["chat_id"]) == 7
    ]
    return str(answer).replace("\u00a0", " ")


async def watcher_rounds(monkeypatch: pytest.MonkeyPatch, rounds: int) -> None:
    """Wait until the watcher has looked at the folder rounds more times."""
    seen = asyncio.Event()
    count = 0
    real = KnowledgeService.changed

    def counted(self: KnowledgeService) -> bool:
        nonlocal count
        count += 1
        if count >= rounds:
            seen.set()
        return real(self)

    monkeypatch.setattr(KnowledgeService, "changed", counted)
    await asyncio.wait_for(seen.wait(), 10)


async def test_question_is_answered_while_a_reload_is_in_progress(
    api: FakeBotAPI, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = asyncio.get_running_loop()
    answers: list[str] = []
    real = knowledge_service.load_knowledge

    def answered(since: int) -> list[str]:
        calls = api.calls[since:]
        return [c.result["text"] for c in calls if c.method == "sendMessage" and c.error is None]

    def slow(root: Path, **options: Any) -> LoadResult:
        """The reload asks another user's question, and waits for its answer before reading."""
        since = len(api.calls)
        asyncio.run_coroutine_threadsafe(api.push(updates.message(7, "колко струва паркът")), loop)
        deadline = time.monotonic() + ANSWER_WITHIN
        while not answered(since) and time.monotonic() < deadline:
            time.sleep(0.01)
        answers.extend(answered(since) or ["no answer while the reload was in progress"])
        return real(root, **options)

    bot = await BotHarness(api, watched_copy(settings, tmp_path / "knowledge")).start()
    try:
        monkeypatch.setattr(knowledge_service, "load_knowledge", slow)
        (tmp_path / "knowledge" / "projects" / "lol.yaml").write_text(
            billion_laughs(tmp_path), encoding="utf-8"
        )
        await eventually(lambda: bool(answers))
        [answer] = answers
        assert "199 467,56" in answer.replace("\u00a0", " ")
    finally:
        await bot.stop()


async def test_attack_files_are_refused_once_and_answering_goes_on(
    api: FakeBotAPI, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "knowledge"
    bot = await BotHarness(api, watched_copy(settings, folder)).start()
    loads: list[Path] = []
    real = knowledge_service.load_knowledge

    def counted(root: Path, **options: Any) -> LoadResult:
        loads.append(root)
        return real(root, **options)

    monkeypatch.setattr(knowledge_service, "load_knowledge", counted)
    try:
        staging = folder / "projects" / "_staging"  # a draft folder: not watched
        staging.mkdir()
        for name, build in (("lol", billion_laughs), ("big", huge_file), ("deep", deep_flow)):
            (staging / f"{name}.yaml").write_text(build(tmp_path), encoding="utf-8")
        staging.rename(folder / "projects" / "attacks")  # all three appear at once
        assert "199 467,56" in await ask_park(bot)
        await eventually(lambda: any("lol.yaml" in text for text in admin_texts(api)))
        await watcher_rounds(monkeypatch, 10)
        [told] = [text for text in admin_texts(api) if "lol.yaml" in text]
        assert "projects/attacks/lol.yaml:8:27: псевдонимът „*" in told  # the admins' language
        assert str(tmp_path) not in told  # files named from the knowledge folder, not the server's
        assert "big.yaml:1:1: файлът е 60.0 MB" in told
        assert "deep.yaml:4:1009: стойностите тук са вложени на повече от 50 нива" in told
        assert len(loads) == 1  # the broken version is not read again
        assert "199 467,56" in await ask_park(bot)
    finally:
        await bot.stop()
