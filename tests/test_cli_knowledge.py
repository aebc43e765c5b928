"""The staff commands: validate, schema and new-project, as staff type them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge import load_knowledge
from bot.knowledge.files import display_path
from bot.knowledge.schema import SCHEMAS, render
from bot.knowledge.skeleton import OPTIONAL_MARK

ROOT = Path(__file__).parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An editable copy of the shipped knowledge base."""
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    return tmp_path / "knowledge"


@pytest.mark.parametrize("command", ["validate", "ask"])
def test_missing_folder_is_named_in_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    missing = tmp_path / "knowlege"
    assert main([command, "--knowledge", str(missing), *(["x"] if command == "ask" else [])]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"munibot: the knowledge folder {missing} does not exist: create it, or point "
        "--knowledge (or MUNIBOT_KNOWLEDGE) at the folder that holds municipality.yaml\n"
    )


@pytest.mark.parametrize("command", ["validate", "ask"])
def test_a_file_given_as_the_folder_is_named_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    file = tmp_path / "municipality.yaml"
    file.write_text("name: x\n", encoding="utf-8")
    assert main([command, "--knowledge", str(file), *(["x"] if command == "ask" else [])]) == 1
    assert capsys.readouterr().err == (
        f"munibot: {file} is a file, not a folder: point --knowledge (or MUNIBOT_KNOWLEDGE) "
        "at the folder that holds municipality.yaml\n"
    )


def test_validate_counts_the_warnings_marked_checked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", "--knowledge", str(KNOWLEDGE)]) == 0
    assert "0 errors, 0 warnings (1 more marked '# checked')" in capsys.readouterr().out


def test_schema_prints_the_project_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert out == render("project") and "title" in json.loads(out)["required"]
    assert main(["schema", "--kind", "faq"]) == 0
    assert capsys.readouterr().out == render("faq")


def test_schema_write_brings_the_files_up_to_date(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, _ in SCHEMAS.values():
        (folder / name).write_text("{}", encoding="utf-8")
    assert main(["schema", "--write", "--knowledge", str(folder)]) == 0
    for kind, (name, _) in SCHEMAS.items():
        assert (folder / name).read_text(encoding="utf-8") == render(kind)
    assert capsys.readouterr().out.count("written ") == 3


def test_new_project_writes_a_draft_that_validates(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-project", "new-park", "--knowledge", str(folder)]) == 0
    draft = folder / "projects" / "_new-park.yaml"
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema.json\n")
    assert "rename it to new-park.yaml" in capsys.readouterr().out
    assert load_knowledge(folder).knowledge.counts()["projects"] == 17  # type: ignore[union-attr]
    assert main(["validate", "--strict", "--drafts", "--knowledge", str(folder)]) == 0
    assert "OK: 18 projects" in capsys.readouterr().out
    draft.rename(folder / "projects" / "new-park.yaml")
    result = load_knowledge(folder)
    assert result.knowledge is not None and result.problems == []
    assert result.knowledge.project("new-park") is not None


def test_every_field_of_the_skeleton_validates_once_uncommented(folder: Path) -> None:
    assert main(["new-project", "new-park", "--knowledge", str(folder)]) == 0
    required, optional = (
        (folder / "projects" / "_new-park.yaml").read_text(encoding="utf-8").split(OPTIONAL_MARK)
    )
    fields = [line[2:] for line in optional.splitlines()[2:]]
    assert all(line.startswith(("# ", "#\n")) for line in optional.splitlines()[1:])
    (folder / "projects" / "new-park.yaml").write_text(
        required + "\n".join(fields) + "\n", encoding="utf-8"
    )
    (folder / "projects" / "_new-park.yaml").unlink()
    result = load_knowledge(folder)
    assert result.knowledge is not None and result.problems == [], result.problems
    park = result.knowledge.project("new-park")
    assert park is not None and park.budget is not None and park.news and park.faq


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["Нов Парк"], 2, "for example: munibot new-project nov-park"),
        (["hot-lunch"], 1, "hot-lunch.yaml already exists; nothing written"),
    ],
)
def test_new_project_refuses_a_bad_or_taken_id(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    before = sorted(p.name for p in (folder / "projects").iterdir())
    assert main(["new-project", *args, "--knowledge", str(folder)]) == code
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (folder / "projects").iterdir()) == before


def test_make_validate_runs_the_strict_validator() -> None:
    done = subprocess.run(
        ["make", "-n", "validate"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "munibot validate --strict --lang bg" in done.stdout


BROKEN = "title: Парк\nstatus: done\nsummary: Нов парк.\nperiod:\n  months: 012\n"
UNTRANSLATED = "title: Градина\nstatus: ongoing\nsummary: Нова градина.\nfunding:\n  bg: ЕСФ\n"


def test_validate_speaks_bulgarian_with_the_same_places(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "projects" / "park.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "projects" / "garden.yaml").write_text(UNTRANSLATED, encoding="utf-8")
    problems = load_knowledge(folder).problems
    outputs = {}
    for lang in ([], ["--lang", "en"], ["--lang", "bg"]):
        assert main(["validate", "--knowledge", str(folder), *lang]) == 1
        outputs[tuple(lang)] = capsys.readouterr()
    english, bulgarian = outputs[()], outputs[("--lang", "bg")]
    assert outputs[("--lang", "en")] == english  # the contract's output, byte for byte
    assert english.out == "".join(f"{problem}\n" for problem in problems)
    assert english.err == "2 error(s), 1 warning(s): the knowledge base is not valid\n"
    place = f"{display_path(folder / 'projects' / 'park.yaml')}:"
    garden = f"{display_path(folder / 'projects' / 'garden.yaml')}:"
    assert bulgarian.out.splitlines() == [
        garden + "5:3: предупреждение: няма текст на английски: добавете „en: ...“ тук "
        "(дотогава се показва другият език)",
        place + "2:9: непознат статус 'done'; може би „completed“? Напишете едно от: planned, "
        "ongoing, completed",
        place + "5:11: числото 012 започва с 0 и YAML не го чете както е написано "
        "(0012 става 10): напишете 12",
    ]
    assert bulgarian.err == "Базата знания не е валидна. Грешки: 2, предупреждения: 1.\n"


def test_validate_in_bulgarian_says_what_is_fine(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--strict", "--lang", "bg", "--knowledge", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Наред. Проекти: 17, дейности: ")
    assert out.endswith(
        "грешки: 0, предупреждения: 0 (и още предупреждения, отбелязани с „# checked“: 1)\n"
    )
    (folder / "projects" / "garden.yaml").write_text(UNTRANSLATED, encoding="utf-8")
    assert main(["validate", "--strict", "--lang", "bg", "--knowledge", str(folder)]) == 1
    assert capsys.readouterr().err.startswith("Базата знания не е валидна при --strict")


def test_the_readme_example_in_bulgarian_is_what_validate_prints(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = next(line for line in readme.splitlines() if "непознат статус 'finished'" in line)
    park = folder / "projects" / "park-block-66.yaml"
    park.write_text(
        park.read_text(encoding="utf-8").replace("status: completed", "status: finished"),
        encoding="utf-8",
    )
    monkeypatch.chdir(folder.parent)
    assert main(["validate", "--strict", "--lang", "bg", "--knowledge", "knowledge"]) == 1
    assert capsys.readouterr().out.splitlines() == [example]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "OK: 1 project, 0 activities, 1 news item, 0 FAQ entries; 0 errors, 1 warning"),
        (
            "bg",
            "Наред. Проекти: 1, дейности: 0, новини: 1, въпроси с отговор: 0; "
            "грешки: 0, предупреждения: 1",
        ),
    ],
)
def test_a_small_base_is_counted_in_good_english_and_bulgarian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    """A new municipality's first run: one project, one news item, one warning."""
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        "name: Община Белоречие\nwebsite: https://belorechie.bg\nhours: {bg: 8-17}\n",
        encoding="utf-8",
    )
    (tmp_path / "projects" / "chitalishte.yaml").write_text(
        "title: Читалище\nstatus: ongoing\nsummary: Ремонт.\n"
        "news: [{date: 2025-05-10, title: Започна}]\n",
        encoding="utf-8",
    )
    assert main(["validate", "--lang", lang, "--knowledge", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == expected


def test_a_new_municipality_starts_from_an_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's first steps: an empty folder, new-project (which writes the editors' schema
    files too), a municipality.yaml with its two required fields, and the draft validates."""
    folder = tmp_path / "belorechie"
    folder.mkdir()
    assert main(["new-project", "chitalishte", "--knowledge", str(folder)]) == 0
    assert {p.name for p in folder.iterdir()} == {
        "projects",
        "schema.json",
        "municipality.schema.json",
        "faq.schema.json",
    }
    assert main(["validate", "--drafts", "--knowledge", str(folder)]) == 1
    assert "municipality.yaml:1:1: the file is missing" in capsys.readouterr().out
    (folder / "municipality.yaml").write_text(
        "name: Община Белоречие\nwebsite: https://belorechie.bg\n", encoding="utf-8"
    )
    assert main(["validate", "--strict", "--drafts", "--knowledge", str(folder)]) == 0
    assert "OK: 1 project," in capsys.readouterr().out


def test_validate_takes_the_folder_after_the_command(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "projects" / "hot-lunch.yaml").write_text("title: x\n", encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    assert "hot-lunch.yaml:1:1: the required field 'status' is missing" in capsys.readouterr().out
    assert main(["validate", str(folder), "--knowledge", str(folder)]) == 1  # the same folder
    capsys.readouterr()
    assert main(["validate", str(folder / "projects" / "hot-lunch.yaml")]) == 1  # a file of it
    out, err = capsys.readouterr()
    assert "hot-lunch.yaml:1:1:" in out
    assert f"is checked with its whole folder, {folder.resolve()}" in err


def test_two_different_folders_are_bad_usage(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(folder), "--knowledge", str(tmp_path)]) == 2
    assert capsys.readouterr().err.endswith(
        f"munibot: two knowledge folders are given, {folder} and --knowledge {tmp_path}: "
        "give one of them\n"
    )


@pytest.mark.parametrize("command", ["validate", "ask"])
def test_a_folder_that_is_no_knowledge_folder_is_one_sentence(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    args = [command, "--knowledge", str(tmp_path), *(["x"] if command == "ask" else [])]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"munibot: {tmp_path} is not the knowledge folder, but {folder} is: give that one "
        f"(--knowledge {folder}, or MUNIBOT_KNOWLEDGE={folder})\n"
    )
    shutil.rmtree(folder)
    assert main(args) == 1
    assert "holds neither municipality.yaml nor a projects/ folder" in capsys.readouterr().err
