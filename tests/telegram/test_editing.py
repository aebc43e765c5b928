"""Editors end to end through the Bot API server: a document downloaded (getFile + the file
URL), checked, rejected with its messages in bg and en or applied on confirmation; two editors at
once; /undo, /history, /export; the menu; everyone else told the commands do not exist."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import io
import json
import shutil
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from tests.botapi import updates
from tests.botapi.server import Call, FakeBotAPI
from tests.telegram.conftest import ADMIN, KNOWLEDGE
from tests.telegram.harness import BotHarness, sofia_minutes

EDITOR, OTHER_EDITOR, CITIZEN = 55, 56, 77
PARK = "projects/park-block-66.yaml"


def sent(calls: list[Call], chat_id: int) -> list[dict[str, Any]]:
    """The messages sent to chat_id among calls."""
    return [
        c.result
        for c in calls
        if c.method == "sendMessage" and c.error is None and int(c.params["chat_id"]) == chat_id
    ]


def data(message: dict[str, Any]) -> list[str]:
    """The callback_data of a message's buttons."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


@pytest.fixture
def editing(settings: Settings, tmp_path: Path) -> Settings:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    return dataclasses.replace(
        settings, knowledge_dir=folder, editor_ids=frozenset({EDITOR, OTHER_EDITOR})
    )


@pytest.fixture
async def bot(api: FakeBotAPI, editing: Settings) -> AsyncIterator[BotHarness]:
    harness = await BotHarness(api, editing).start()
    yield harness
    await harness.stop()


def park(settings: Settings) -> str:
    return (settings.knowledge_dir / PARK).read_text(encoding="utf-8")


async def upload(
    bot: BotHarness, user: int, name: str, text: str | bytes, lang: str = "bg"
) -> list[dict[str, Any]]:
    """An editor sends a file as a document; returns the bot's messages to them."""
    content = text.encode() if isinstance(text, str) else text
    document = bot.api.document(name, content)
    return sent(await bot.send(updates.document(user, document, lang)), user)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "bg",
            [
                "projects/park-block-66.yaml:2:1: непознато поле „titel“: може би „title“?",
                "projects/park-block-66.yaml:19:9: непознат статус 'finished'; може би "
                "„completed“? Напишете едно от: planned, ongoing, completed",
            ],
        ),
        (
            "en",
            [
                "projects/park-block-66.yaml:2:1: unknown field 'titel': did you mean 'title'?",
                "projects/park-block-66.yaml:19:9: unknown status 'finished'; did you mean "
                "'completed'? write one of: planned, ongoing, completed",
            ],
        ),
    ],
)
async def test_a_wrong_file_is_downloaded_and_rejected_with_its_messages_in_the_editors_language(
    bot: BotHarness, editing: Settings, lang: str, expected: list[str]
) -> None:
    before = park(editing)
    wrong = before.replace("status: completed", "status: finished").replace("title:", "titel:", 1)
    calls_before = len(bot.api.calls)
    [answer] = await upload(bot, EDITOR, "park-block-66.yaml", wrong, lang)
    methods = [c.method for c in bot.api.calls[calls_before:]]
    assert methods.index("getFile") < methods.index("download")  # as PTB downloads from Telegram
    lines = answer["text"].splitlines()
    assert ("има 2 грешки." if lang == "bg" else "has 2 errors.") in lines[0]
    assert lines[1:] == expected
    assert not data(answer)
    assert park(editing) == before


async def test_one_error_is_counted_in_the_singular(bot: BotHarness, editing: Settings) -> None:
    wrong = park(editing).replace("title:", "titel:", 1)
    [answer] = await upload(bot, EDITOR, "park-block-66.yaml", wrong)
    assert "в базата знания с него има 1 грешка. Нищо не е променено." in answer["text"]


async def test_an_accepted_file_is_summarised_applied_on_confirmation_and_answered_at_once(
    bot: BotHarness, editing: Settings
) -> None:
    changed = park(editing).replace("status: completed", "status: ongoing")
    [summary] = await upload(bot, EDITOR, "park-block-66.yaml", changed, "en")
    assert "• status: completed → ongoing" in summary["text"]
    assert park(editing) != changed  # nothing written before the confirmation
    [answer] = sent(
        await bot.send(updates.message(EDITOR, "who is the mayor", language_code="en")), EDITOR
    )
    assert "Racheva" in answer["text"]  # while a flow waits for a button, a question is a question
    apply = next(d for d in data(summary) if d.endswith(":#ok"))
    [done] = sent(await bot.send(updates.button(EDITOR, apply, summary, "en")), EDITOR)
    assert done["text"].startswith("✅ Applied: projects/park-block-66.yaml (change #1)")
    assert park(editing) == changed
    services = bot.app.bot_data["services"]
    assert services.knowledge.knowledge.project("park-block-66").status == "ongoing"
    # the same button again does nothing more
    [toast] = [
        c
        for c in await bot.send(updates.button(EDITOR, apply, summary, "en"))
        if c.method == "answerCallbackQuery"
    ]
    assert toast.params.get("text") and len(await services.storage.edits()) == 1


async def test_a_new_project_file_is_added(bot: BotHarness, editing: Settings) -> None:
    [summary] = await upload(bot, EDITOR, "second-park.yaml", park(editing))
    assert "projects/second-park.yaml: нов файл" in summary["text"]
    apply = next(d for d in data(summary) if d.endswith(":#ok"))
    await bot.send(updates.button(EDITOR, apply, summary))
    assert (editing.knowledge_dir / "projects/second-park.yaml").read_text() == park(editing)


@pytest.mark.parametrize(
    ("name", "content", "size", "expected"),
    [
        ("photo.jpg", b"x", None, "не е файл .yaml"),
        ("Нов Парк.yaml", b"title: x\n", None, "не е име на файл от базата"),
        ("park-block-66 (1).yaml", b"title: x\n", None, "да се казва „park-block-66.yaml“"),
        ("faq.yaml", "заглавие".encode("cp1251"), None, "записан с кодиране Windows-1251"),
        ("faq.yaml", b"title: \xff\n", None, "не е текст в UTF-8"),
        ("faq.yaml", b"- questions: [a]\n", 2 * 1024 * 1024, "по-голям от 1024 KB"),
        # these two ended in "something went wrong"
        ("faq.yaml", b"{a: " * 3000 + b"1" + b"}" * 3000, None, "вложени на повече от 50 нива"),
        ("a" * 300 + ".yaml", b"title: x\n", None, "Името на файла е твърде дълго"),
    ],
)
async def test_bad_files_get_a_clear_answer_and_change_nothing(
    bot: BotHarness,
    editing: Settings,
    name: str,
    content: bytes,
    size: int | None,
    expected: str,
) -> None:
    before = (editing.knowledge_dir / "faq.yaml").read_bytes()
    document = bot.api.document(name, content, size)
    [answer] = sent(await bot.send(updates.document(EDITOR, document)), EDITOR)
    assert expected in answer["text"]
    assert (editing.knowledge_dir / "faq.yaml").read_bytes() == before
    assert await bot.app.bot_data["services"].storage.flow(EDITOR) is None


async def test_two_editors_confirming_at_once_the_second_is_told_and_nothing_is_lost(
    bot: BotHarness, editing: Settings
) -> None:
    before = park(editing)
    mine, theirs = (
        before.replace("status: completed", f"status: {s}") for s in ("ongoing", "planned")
    )
    [first] = await upload(bot, EDITOR, "park-block-66.yaml", mine)
    [second] = await upload(bot, OTHER_EDITOR, "park-block-66.yaml", theirs)
    presses = [
        updates.button(user, next(d for d in data(message) if d.endswith(":#ok")), message)
        for user, message in ((EDITOR, first), (OTHER_EDITOR, second))
    ]
    calls = await asyncio.gather(*(bot.send(press) for press in presses))
    answers = [
        sent(call, user)[-1]["text"]
        for call, user in zip(calls, (EDITOR, OTHER_EDITOR), strict=True)
    ]
    assert answers[0].startswith("✅")
    assert "е променен от някой друг" in answers[1]
    assert park(editing) == mine
    [record] = await bot.app.bot_data["services"].storage.edits()
    assert record.editor_id == EDITOR and record.previous == before


async def test_undo_restores_the_previous_version_after_confirmation(
    bot: BotHarness, editing: Settings
) -> None:
    start, before = dt.datetime.now(dt.UTC), park(editing)
    changed = before.replace("status: completed", "status: ongoing")
    [summary] = await upload(bot, EDITOR, "park-block-66.yaml", changed)
    await bot.send(
        updates.button(EDITOR, next(d for d in data(summary) if d.endswith(":#ok")), summary)
    )
    [offer] = sent(await bot.send(updates.message(OTHER_EDITOR, "/undo")), OTHER_EDITOR)
    assert "промяна №1" in offer["text"] and park(editing) == changed
    confirm = next(d for d in data(offer) if d.endswith(":#ok"))
    [done] = sent(await bot.send(updates.button(OTHER_EDITOR, confirm, offer)), OTHER_EDITOR)
    assert done["text"].startswith("↩️ Промяна №1 е отменена")
    assert park(editing) == before
    await bot.send(updates.button(EDITOR, "g:en"))  # English chosen in /language
    [history] = sent(await bot.send(updates.message(EDITOR, "/history")), EDITOR)
    lines = history["text"].splitlines()
    assert lines[1].startswith("#2 ") and "editor 56 – undo of change #1" in lines[1]
    assert lines[2].startswith("#1 ") and lines[2].endswith("file sent (undone by #2)")
    await bot.send(updates.button(EDITOR, "g:bg"))
    [bulgarian] = sent(await bot.send(updates.message(EDITOR, "/history")), EDITOR)
    lines = bulgarian["text"].splitlines()
    assert "редактор 56 – отмяна на промяна №1" in lines[1]
    assert lines[2].endswith("редактор 55 – изпратен файл (отменена с №2)")
    assert lines[1].split(" ", 1)[1][:16] in sofia_minutes(start)  # Sofia time, not UTC
    [nothing] = sent(await bot.send(updates.message(EDITOR, "/undo")), EDITOR)
    assert nothing["text"] == "Няма промяна, която да отменя."


async def test_undo_is_refused_when_the_file_changed_since(
    bot: BotHarness, editing: Settings
) -> None:
    changed = park(editing).replace("status: completed", "status: ongoing")
    [summary] = await upload(bot, EDITOR, "park-block-66.yaml", changed)
    await bot.send(
        updates.button(EDITOR, next(d for d in data(summary) if d.endswith(":#ok")), summary)
    )
    [offer] = sent(await bot.send(updates.message(EDITOR, "/undo")), EDITOR)
    (editing.knowledge_dir / PARK).write_text(
        changed + "# edited on the server\n", encoding="utf-8"
    )
    confirm = next(d for d in data(offer) if d.endswith(":#ok"))
    [refused] = sent(await bot.send(updates.button(EDITOR, confirm, offer)), EDITOR)
    assert "е променен от някой друг" in refused["text"]
    assert park(editing).endswith("# edited on the server\n")


async def test_export_sends_a_project_file_or_the_whole_base_as_a_zip(
    bot: BotHarness, editing: Settings
) -> None:
    calls = await bot.send(updates.message(EDITOR, "/export park-block-66"))
    [document] = [c for c in calls if c.method == "sendDocument"]
    assert document.files["document"] == ("park-block-66.yaml", park(editing).encode())
    [choose] = sent(await bot.send(updates.message(EDITOR, "/export")), EDITOR)
    everything = next(d for d in data(choose) if d == "ex:#all")
    assert "ex:park-block-66" in data(choose) and "ex:#faq" in data(choose)
    labels = {b["text"] for row in choose["reply_markup"]["inline_keyboard"] for b in row}
    projects = bot.app.bot_data["services"].knowledge.knowledge.projects
    full = [f"{p.id} – {p.name('bg')}" for p in projects]
    long = [name for name in full if len(name) > 60]
    assert long and {name[:59] + "…" for name in long} <= labels  # a cut name shows it is cut
    calls = await bot.send(updates.button(EDITOR, everything, choose))
    [archive] = [c for c in calls if c.method == "sendDocument"]
    name, content = archive.files["document"]
    names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    assert name == "knowledge.zip" and f"knowledge/{PARK}" in names
    assert "knowledge/municipality.yaml" in names
    [unknown] = sent(await bot.send(updates.message(EDITOR, "/export no-such")), EDITOR)
    assert "Няма проект „no-such“" in unknown["text"]


@pytest.mark.parametrize("command", ["/export", "/history", "/undo", "/addnews"])
async def test_a_citizen_is_told_the_editor_commands_do_not_exist(
    bot: BotHarness, command: str
) -> None:
    [answer] = sent(await bot.send(updates.message(CITIZEN, command)), CITIZEN)
    assert answer["text"] == "Не познавам тази команда. Вижте /help."


async def test_a_citizen_document_is_not_read(bot: BotHarness, editing: Settings) -> None:
    before = park(editing)
    calls = await bot.send(updates.document(CITIZEN, bot.api.document("park-block-66.yaml", b"x")))
    assert not [c for c in calls if c.method == "getFile"]
    assert park(editing) == before
    [hint] = sent(calls, CITIZEN)  # as for a photo: it is no command
    assert hint["text"].startswith("Разбирам само текст.")


async def test_a_project_in_a_sub_folder_is_exported_and_sent_back_into_its_own_file(
    bot: BotHarness, editing: Settings
) -> None:
    folder = editing.knowledge_dir
    (folder / "projects/parks").mkdir()
    (folder / PARK).rename(folder / "projects/parks/park-block-66.yaml")
    await bot.app.bot_data["services"].knowledge.refresh(force=True)
    calls = await bot.send(updates.message(EDITOR, "/export park-block-66"))
    [document] = [c for c in calls if c.method == "sendDocument"]  # was: "no such project"
    name, content = document.files["document"]
    assert name == "park-block-66.yaml"
    changed = content.decode().replace("status: completed", "status: ongoing")
    [summary] = await upload(bot, EDITOR, name, changed)
    assert "• status: completed → ongoing" in summary["text"]  # was: "used twice"
    apply = next(d for d in data(summary) if d.endswith(":#ok"))
    await bot.send(updates.button(EDITOR, apply, summary))
    assert (folder / "projects/parks/park-block-66.yaml").read_text() == changed
    assert not (folder / PARK).exists()


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("Park-Block-66", "park-block-66.yaml"),  # capitals, as a phone's keyboard types them
        ("park-block-66.yaml", "park-block-66.yaml"),
        ("Нов парк", "Няма проект „нов“."),
        ("../faq", "Няма проект „../faq“."),
        ("x" * 5000, f"Няма проект „{'x' * 64}…“."),  # was: "something went wrong"
    ],
)
async def test_export_takes_an_id_as_typed_or_says_there_is_no_such_project(
    bot: BotHarness, argument: str, expected: str
) -> None:
    calls = await bot.send(updates.message(EDITOR, f"/export {argument}"))
    documents = [c.files["document"][0] for c in calls if c.method == "sendDocument"]
    texts = [m["text"] for m in sent(calls, EDITOR)]
    assert expected in documents or texts[0].startswith(expected)


async def test_editors_and_admins_get_the_editor_commands_in_their_menu(
    bot: BotHarness, api: FakeBotAPI
) -> None:
    def menu(user: int, code: str) -> list[str]:
        scope = json.dumps({"chat_id": user, "type": "chat"}, sort_keys=True)
        return [c["command"] for c in api.commands[(scope, code)]]

    for user in (EDITOR, ADMIN):
        for code in ("bg", "en", ""):
            assert {"addnews", "export", "history", "undo", "cancel"} <= set(menu(user, code))
    assert "broadcast" in menu(ADMIN, "en") and "broadcast" not in menu(EDITOR, "en")
    default = json.dumps({"type": "default"}, sort_keys=True)
    assert "addnews" not in [c["command"] for c in api.commands[(default, "")]]
    scope = json.dumps({"chat_id": EDITOR, "type": "chat"}, sort_keys=True)
    described = {c["command"]: c["description"] for c in api.commands[(scope, "bg")]}
    assert described["addnews"] == "Добави новина към проект"
