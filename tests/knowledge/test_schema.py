"""The JSON Schemas editors use: current, pointed at by every file, and agreeing with the
validator on valid files and on the common mistakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from bot.knowledge.schema import MODELINE, SCHEMAS, json_schema, render
from bot.knowledge.yamlsource import read_yaml
from bot.knowledge.yamltree import ORIGIN_KEY, Scalar
from tests.knowledge.test_readme import blocks

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"
FILES = sorted([*KNOWLEDGE.glob("*.yaml"), *KNOWLEDGE.glob("projects/*.yaml")])


def as_editor_reads(value: Any) -> Any:
    """The data of a file as a YAML editor hands it to the schema (dates are strings)."""
    if isinstance(value, dict):
        return {k: as_editor_reads(v) for k, v in value.items() if k != ORIGIN_KEY}
    if isinstance(value, list):
        return [as_editor_reads(item) for item in value]
    if isinstance(value, Scalar):
        typed = isinstance(value.read_as, int | float) and not value.quoted
        return value.read_as if typed else value.text
    return value


def validator(kind: str) -> Draft7Validator:
    schema = json_schema(kind)
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def kind_of(file: Path) -> str:
    return file.stem if file.parent == KNOWLEDGE else "project"


@pytest.mark.parametrize("kind", SCHEMAS)
def test_committed_schema_is_current(kind: str) -> None:
    name, _ = SCHEMAS[kind]
    assert (KNOWLEDGE / name).read_text(encoding="utf-8") == render(kind), (
        "run: munibot schema --write"
    )


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.name)
def test_every_file_points_at_its_schema(file: Path) -> None:
    first = file.read_text(encoding="utf-8").splitlines()[0]
    target = first.removeprefix(MODELINE.format(""))
    assert first != target, f"{file.name} must start with {MODELINE.format('...')}"
    assert (file.parent / target).resolve() == KNOWLEDGE / SCHEMAS[kind_of(file)][0]


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.name)
def test_schema_accepts_every_shipped_file(file: Path) -> None:
    data = as_editor_reads(read_yaml(file, file.name).data)
    assert [e.message for e in validator(kind_of(file)).iter_errors(data)] == []


def test_schema_accepts_the_readme_example(tmp_path: Path) -> None:
    [example] = [text for check, text in blocks() if check == "project"]
    (tmp_path / "example.yaml").write_text(example, encoding="utf-8")
    data = as_editor_reads(read_yaml(tmp_path / "example.yaml", "example.yaml").data)
    assert [e.message for e in validator("project").iter_errors(data)] == []


@pytest.mark.parametrize(
    "mistake",
    [
        {"titel": "x"},
        {"status": "finished"},
        {"news": [{"date": "11.06.2024", "title": "x"}]},
        {"budget": {"total": "79 829,24"}},
        {"links": [{"title": "x", "url": "www.x.bg"}]},
        {"summary": {"bg": "x", "BG": "y"}},
    ],
    ids=["unknown field", "status", "date", "amount", "url", "language code"],
)
def test_schema_flags_the_common_mistakes(mistake: dict[str, Any]) -> None:
    data = {"title": "Парк", "status": "planned", "summary": "Нов парк.", **mistake}
    [key] = mistake
    errors = list(validator("project").iter_errors(data))
    assert errors and all(key in e.absolute_path or key in e.message for e in errors)


def test_every_field_is_described_in_both_languages() -> None:
    for kind in SCHEMAS:
        schema = json_schema(kind)
        for name, definition in [(kind, schema), *schema["definitions"].items()]:
            for field, schema in definition.get("properties", {}).items():
                bg, en = schema["description"].split("\n")
                assert bg and en and bg != en, f"{name}.{field}"
    assert json.loads(render("project"))["description"]
