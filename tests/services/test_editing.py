"""The safe edit path: a file is checked against the whole base, then written atomically,
recorded, committed to git when knowledge/ is a work tree, and reloaded; undo restores it."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.knowledge import FileCache, LoadResult, load_knowledge
from bot.services import editing
from bot.services.container import Services
from bot.services.editing import EditError, content_hash, decode, file_name, news_item
from bot.services.newsdraft import find_projects

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"
PARK = "projects/park-block-66.yaml"
EDITOR = 7


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[Services]:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    opened = await Services.open(Settings(knowledge_dir=folder, db_path=tmp_path / "db.sqlite3"))
    yield opened
    await opened.close()


def park(services: Services) -> str:
    """The park's file as it is now."""
    return (services.settings.knowledge_dir / PARK).read_text(encoding="utf-8")


def with_status(text: str, status: str) -> str:
    return text.replace("status: completed", f"status: {status}")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("faq.yaml", "faq.yaml"),
        ("municipality.yaml", "municipality.yaml"),
        ("ring-road.yaml", "projects/ring-road.yaml"),
        ("new-park-2.yaml", "projects/new-park-2.yaml"),
    ],
)
def test_a_document_name_becomes_its_place_in_the_base(name: str, expected: str) -> None:
    assert file_name(name) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Нов Парк.yaml", "edit.bad_name"),
        ("park.yaml.txt", "edit.not_yaml"),
        ("photo.jpg", "edit.not_yaml"),
        ("../municipality.yaml", "edit.bad_name"),
        ("a" * 201 + ".yaml", "edit.long_name"),  # was: OSError "File name too long"
    ],
)
def test_a_name_that_is_no_knowledge_file_is_refused(name: str, key: str) -> None:
    with pytest.raises(EditError) as caught:
        file_name(name)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("name", "likely"),
    [
        ("park-block-66 (1).yaml", "park-block-66.yaml"),  # a browser's second download
        ("park-block-66.yml", "park-block-66.yaml"),
        ("PARK-BLOCK-66.YAML", "park-block-66.yaml"),
        ("Park.yaml", "park.yaml"),
        ("faq (2).yml", "faq.yaml"),
    ],
)
def test_a_name_a_download_changed_is_refused_with_the_name_to_give_it(
    name: str, likely: str
) -> None:
    with pytest.raises(EditError) as caught:
        file_name(name)
    assert (caught.value.key, caught.value.args_) == (
        "edit.rename",
        {"name": name, "likely": likely},
    )


def test_an_upload_must_be_small_utf8_text() -> None:
    assert decode("title: парк\n".encode()) == "title: парк\n"
    assert decode("\ufefftitle: x\n".encode()) == "title: x\n"  # Notepad's BOM is dropped
    for raw, key, values in [
        ("заглавие".encode("cp1251"), "edit.not_utf8_named", {"encoding": "Windows-1251"}),
        ("title: парк".encode("utf-16"), "edit.not_utf8_named", {"encoding": "UTF-16"}),
        (b"title: \xff\xfe\xfd", "edit.not_utf8", {"offset": 7}),
        (b"#" * (1024 * 1024 + 1), "edit.too_big", {"limit": 1024}),
    ]:
        with pytest.raises(EditError) as caught:
            decode(raw)
        assert (caught.value.key, caught.value.args_) == (key, values)


async def test_a_wrong_file_is_reported_with_its_place_and_changes_nothing(
    services: Services,
) -> None:
    before = park(services)
    wrong = with_status(before, "finished")
    check = await services.editor.check(PARK, wrong)
    assert not check.ok
    assert [str(p).split(": ")[0] for p in check.problems if p.is_error] == [f"{PARK}:19:9"]
    assert park(services) == before


async def test_a_change_is_summarised_then_written_recorded_and_reloaded(
    services: Services,
) -> None:
    folder = services.settings.knowledge_dir
    before = park(services)
    mode = 0o640
    (folder / PARK).chmod(mode)
    after = with_status(before, "ongoing")
    check = await services.editor.check(PARK, after)
    assert check.ok and not check.created
    assert [(c.name, c.old, c.new) for c in check.changes] == [("status", "completed", "ongoing")]
    applied = await services.editor.apply(
        PARK, after, EDITOR, expected_hash=check.expected_hash, reason="upload"
    )
    assert park(services) == after
    assert services.knowledge.knowledge.project("park-block-66").status == "ongoing"  # type: ignore[union-attr]
    [record] = await services.storage.edits()
    assert (record.id, record.editor_id, record.file) == (applied.edit_id, EDITOR, PARK)
    assert record.previous == before and record.new_hash == content_hash(after)
    assert not list(folder.rglob(".*.yaml.*"))  # no temporary file is left behind
    assert (folder / PARK).stat().st_mode & 0o777 == mode  # readable as it was


async def test_a_new_project_is_summarised_as_added(services: Services) -> None:
    text = park(services)
    check = await services.editor.check("projects/second-park.yaml", text)
    assert check.ok and check.created and check.expected_hash == "absent"


async def test_the_second_of_two_editors_is_told_the_file_changed_and_nothing_is_lost(
    services: Services,
) -> None:
    before = park(services)
    first = with_status(before, "ongoing")
    second = with_status(before, "planned")
    checks = [await services.editor.check(PARK, text) for text in (first, second)]
    results = await asyncio.gather(
        *(
            services.editor.apply(
                PARK, text, editor, expected_hash=check.expected_hash, reason="upload"
            )
            for text, editor, check in zip((first, second), (1, 2), checks, strict=True)
        ),
        return_exceptions=True,
    )
    assert isinstance(results[1], EditError) and results[1].key == "edit.changed_since"
    assert park(services) == first
    assert [record.editor_id for record in await services.storage.edits()] == [1]


async def test_undo_restores_the_previous_content_and_refuses_after_another_change(
    services: Services,
) -> None:
    folder = services.settings.knowledge_dir
    before = park(services)
    after = with_status(before, "ongoing")
    applied = await services.editor.apply(
        PARK, after, EDITOR, expected_hash=content_hash(before), reason="upload"
    )
    await services.editor.undo(EDITOR, applied.edit_id)
    assert park(services) == before
    assert await services.storage.last_undoable() is None
    # a project added and then undone is removed again
    added = await services.editor.apply(
        "projects/second-park.yaml", before, EDITOR, expected_hash="absent", reason="upload"
    )
    (folder / "projects/second-park.yaml").write_text(before + "\n", encoding="utf-8")
    with pytest.raises(EditError) as caught:
        await services.editor.undo(EDITOR, added.edit_id)
    assert caught.value.key == "edit.changed_since"
    (folder / "projects/second-park.yaml").write_text(before, encoding="utf-8")
    await services.editor.undo(EDITOR, added.edit_id)
    assert not (folder / "projects/second-park.yaml").exists()


async def test_news_is_added_keeping_the_rest_of_the_file_byte_for_byte(
    services: Services,
) -> None:
    folder = services.settings.knowledge_dir
    commented = (
        (folder / PARK)
        .read_text(encoding="utf-8")
        .replace(
            "status: completed", "status: completed   # checked with the mayor's office\n# notes"
        )
    )
    (folder / PARK).write_text(commented, encoding="utf-8")
    item = news_item({"bg": "Паркът: открит", "en": "no"}, None, None, dt.date(2026, 12, 1), "n-1")
    draft = services.editor.add_news("park-block-66", item)
    assert draft.text.startswith(commented)
    assert draft.text[len(commented) :] == (
        'news:\n  - id: "n-1"\n    date: 2026-12-01\n    title:\n'
        '      bg: "Паркът: открит"\n      en: "no"\n'
    )
    await services.editor.apply_draft(draft, EDITOR, "news")
    [news] = services.knowledge.knowledge.project("park-block-66").news  # type: ignore[union-attr]
    assert (news.id, news.title.get("en")) == ("n-1", "no")  # kept as written, not false
    second = services.editor.add_news("park-block-66", {**item, "id": "n-2"})
    assert second.text.startswith(draft.text)


@pytest.mark.parametrize("project", [None, "park-block-66"])
async def test_a_question_and_answer_is_added_to_the_faq(
    services: Services, project: str | None
) -> None:
    item = {"questions": ["кога отваря паркът"], "answer": {"bg": "В 7 ч.", "en": "At 7."}}
    draft = services.editor.add_faq(item, project)
    before = services.editor.current(draft.name) or ""
    assert draft.text.startswith(before.rstrip("\n"))
    await services.editor.apply_draft(draft, EDITOR, "faq")
    knowledge = services.knowledge.knowledge
    faq = knowledge.faq if project is None else knowledge.project(project).faq  # type: ignore[union-attr]
    assert faq[-1].answer.get("en") == "At 7."


async def test_invisible_characters_typed_in_telegram_are_not_written(
    services: Services,
) -> None:
    """A title pasted from a web page into /addnews, an answer pasted into a ticket: their
    zero-width spaces and soft hyphens would be warnings of `make validate` in a file the bot
    itself wrote."""
    title = {"bg": "Паркът е от\u00adкрит\u200b", "en": "\u200fThe park is open"}
    item = news_item(title, None, None, dt.date(2026, 12, 1), "n-1")
    faq = {"questions": ["кога\u200b отваря паркът"], "answer": {"bg": "В 7\u2060 ч."}}
    await services.editor.apply_draft(services.editor.add_news("park-block-66", item), EDITOR, "")
    await services.editor.apply_draft(services.editor.add_faq(faq, None), EDITOR, "")
    result = load_knowledge(services.settings.knowledge_dir)
    assert result.knowledge is not None
    assert not [w for w in result.warnings if "invisible" in w.message], result.warnings
    [news] = result.knowledge.project("park-block-66").news  # type: ignore[union-attr]
    assert news.title.get("bg") == "Паркът е открит" and news.title.get("en") == "The park is open"
    assert result.knowledge.faq[-1].questions == ("кога отваря паркът",)


@pytest.mark.parametrize(
    "text",
    [
        "title: " + "[" * 5000 + "]" * 5000 + "\n",  # deeper than Python's recursion limit
        "{a: " * 3000 + "1" + "}" * 3000 + "\n",
    ],
)
async def test_a_file_nested_past_any_limit_is_rejected_not_summarised(
    services: Services, text: str
) -> None:
    check = await services.editor.check("faq.yaml", text)
    assert not check.ok and check.changes == []
    assert "nested more than 50 levels" in check.problems[0].message


@pytest.mark.parametrize(
    ("moved_to", "uploaded"),
    [
        ("projects/parks/park-block-66.yaml", "park-block-66.yaml"),  # a sub-folder
        ("projects/park-block-66.yml", "park-block-66.yaml"),  # .yml
    ],
)
async def test_a_project_in_a_sub_folder_or_yml_is_edited_in_its_own_file(
    services: Services, moved_to: str, uploaded: str
) -> None:
    folder = services.settings.knowledge_dir
    (folder / moved_to).parent.mkdir(exist_ok=True)
    (folder / PARK).rename(folder / moved_to)
    await services.knowledge.refresh(force=True)
    name = services.editor.place(file_name(uploaded))
    assert name == moved_to and services.editor.current(name) is not None
    changed = with_status(services.editor.current(name) or "", "ongoing")
    check = await services.editor.check(name, changed)  # was: "the project id is used twice"
    assert check.ok and [c.name for c in check.changes] == ["status"]
    item = news_item({"bg": "Ново", "en": "New"}, None, None, dt.date(2026, 12, 1), "n-1")
    assert services.editor.add_news("park-block-66", item).name == moved_to  # was: "no project"
    assert services.editor.place("projects/new-park.yaml") == "projects/new-park.yaml"


async def test_problems_never_name_the_servers_folders(services: Services) -> None:
    folder = services.settings.knowledge_dir
    for sub in ("a", "b"):  # a project id used twice, already on the server
        (folder / "projects" / sub).mkdir()
        shutil.copy(folder / PARK, folder / "projects" / sub / "twin.yaml")
    check = await services.editor.check("faq.yaml", services.editor.current("faq.yaml"))
    [twice] = [p for p in check.problems if "used twice" in p.message]
    assert str(folder) not in str(twice) and editing.TRIAL not in str(twice)
    assert twice.message.endswith("(also projects/a/twin.yaml): rename one file")


def test_an_unknown_project_gets_no_news(services: Services) -> None:
    with pytest.raises(EditError) as caught:
        services.editor.add_news("no-such-project", {"date": dt.date(2026, 1, 1)})
    assert caught.value.key == "edit.unknown_project"


async def test_each_change_is_a_git_commit_naming_the_editor(services: Services) -> None:
    folder = services.settings.knowledge_dir
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", "-C", str(folder), *args], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(folder),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "commit",
            "-qm",
            "0",
        ],
        check=True,
    )
    before = park(services)
    after = with_status(before, "ongoing")
    await services.editor.apply(
        PARK, after, EDITOR, expected_hash=content_hash(before), reason="upload"
    )
    log = subprocess.run(
        ["git", "-C", str(folder), "log", "-1", "--format=%s", "--name-only"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Telegram editor {EDITOR}" in log and PARK in log


async def test_a_failing_git_never_fails_the_edit(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    folder = services.settings.knowledge_dir
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "-C", str(folder), "init", "-q"], check=True)
    hook = folder / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho refused >&2\nexit 1\n")
    hook.chmod(0o755)
    before = park(services)
    after = with_status(before, "ongoing")
    await services.editor.apply(
        PARK, after, EDITOR, expected_hash=content_hash(before), reason="upload"
    )
    assert park(services) == after
    assert "git commit of projects/park-block-66.yaml failed: refused" in caplog.text


async def test_a_check_validates_only_the_file_sent_and_leaves_nothing_behind(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated = []

    def spy(root: Path, drafts: bool = False, cache: FileCache | None = None) -> LoadResult:
        result = load_knowledge(root, drafts, cache)
        validated.append(cache.reads if cache else -1)
        return result

    monkeypatch.setattr(editing, "load_knowledge", spy)
    check = await services.editor.check(PARK, with_status(park(services), "ongoing"))
    assert check.ok and validated == [1]  # the other files: what the bot's last load gave
    assert not list(services.settings.knowledge_dir.glob(".munibot-check-*"))


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("ring", "ring-road"),  # before monitoring-policies, which has "ring" inside a word
        ("road", "ring-road"),
        ("парка", "park-block-66"),
        ("обяд", "hot-lunch"),
    ],
)
def test_addnews_offers_first_the_project_a_word_of_which_was_typed(
    services: Services, typed: str, first: str
) -> None:
    assert find_projects(services.knowledge.knowledge.projects, typed)[0].id == first
