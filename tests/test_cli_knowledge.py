"""The staff commands: validate, schema and new-project, as staff type them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge import load_knowledge
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
    assert "munibot validate --strict" in done.stdout
