"""JSON Schemas of the knowledge files, generated from the model, for editors such as VS Code.

The descriptions, in Bulgarian and English, come from texts.yaml (keys schema.*). The schemas
follow what the validator accepts, but it has the last word: it also checks what a schema
cannot (dates that exist, a grant within the total, numbers written the way YAML keeps them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bot.knowledge.model import QA, Municipality, Project
from bot.knowledge.values import text_json_schema
from bot.texts import TEXTS

SCHEMAS: dict[str, tuple[str, type[BaseModel]]] = {
    "project": ("schema.json", Project),
    "municipality": ("municipality.schema.json", Municipality),
    "faq": ("faq.schema.json", QA),
}
# the comment line that points an editor at the schema, by where the file stands
MODELINE = "# yaml-language-server: $schema={}"
TEXT = text_json_schema()


def _description(*keys: str) -> str:
    """Bulgarian, then English, of the first key texts.yaml has."""
    for key in keys:
        if key in TEXTS:
            return f"{TEXTS[key]['bg']}\n{TEXTS[key]['en']}"
    raise KeyError(f"texts.yaml has no description {keys[0]} (add it under schema.*)")


def _describe(node: Any, models: set[str]) -> Any:
    """node with descriptions on the properties of every model, Text by reference, no titles."""
    if isinstance(node, list):
        return [_describe(item, models) for item in node]
    if not isinstance(node, dict):
        return node
    shapes = node.get("anyOf")
    if isinstance(shapes, list) and shapes[:2] == TEXT["anyOf"]:  # Text, or Text | None
        node = {**node, "anyOf": [{"$ref": "#/definitions/Text"}, *shapes[2:]]}
    node = {key: _describe(value, models) for key, value in node.items()}
    if isinstance(node.get("properties"), dict) and node.get("title") in models:
        model = node.pop("title")
        node.pop("description", None)  # the docstring, in English only
        for name, schema in node["properties"].items():
            schema.pop("title", None)
            schema["description"] = _description(f"schema.{model}.{name}", f"schema.{name}")
    return node


def _text_definition() -> dict[str, Any]:
    """The definition of Text, with its languages described."""
    definition = text_json_schema()
    for lang, schema in definition["anyOf"][1]["properties"].items():
        schema["description"] = _description(f"schema.text.{lang}")
    return definition


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 7, as editors read it) of one kind of knowledge file."""
    _, model = SCHEMAS[kind]
    body = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = body.pop("$defs", {})
    if kind == "faq":
        definitions[model.__name__] = body
        items = {"type": "array", "items": {"$ref": f"#/definitions/{model.__name__}"}}
        wrapped = {"type": "object", "properties": {"faq": items}, "additionalProperties": False}
        body = {"anyOf": [items, wrapped]}
    names = {model.__name__, *definitions}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        **_describe(body, names),
        "title": f"munibot: {SCHEMAS[kind][0]}",
        "description": _description(f"schema.file.{kind}"),
        "definitions": {**_describe(definitions, names), "Text": _text_definition()},
    }


def render(kind: str) -> str:
    """The schema as the text of its file."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write every schema into the knowledge folder; returns the files written."""
    written = []
    for kind, (name, _) in SCHEMAS.items():
        (root / name).write_text(render(kind), encoding="utf-8")
        written.append(root / name)
    return written
