"""Turn pydantic's validation errors into FILE:LINE:COLUMN messages staff can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.knowledge.problems import Problem
from bot.knowledge.values import describe
from bot.knowledge.yamlsource import DataPath, Positions

_EXAMPLES = {
    "title": "title:\n  bg: ...\n  en: ...",
    "status": "status: ongoing",
    "summary": "summary:\n  bg: ...\n  en: ...",
    "name": "name:\n  bg: ...\n  en: ...",
    "website": "website: https://...",
    "url": "url: https://...",
    "date": "date: 2024-06-11",
    "questions": "questions:\n  - ...",
    "answer": "answer:\n  bg: ...\n  en: ...",
}


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside Optional[...] or tuple[..., ...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, tuple, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if found is not None:
                return found
    return None


def _model_at(model: type[BaseModel], path: DataPath) -> type[BaseModel] | None:
    """The model class that validates the mapping found at path."""
    current: type[BaseModel] | None = model
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _unwrap(field.annotation) if field else None
    return current


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [name for name, info in model.model_fields.items() if (info.alias or "")[:2] != "__"]


def _unknown_field(model: type[BaseModel], path: DataPath) -> str:
    name = str(path[-1])
    allowed = _field_names(_model_at(model, path[:-1]))
    close = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field '{name}': did you mean '{close[0]}'?"
    return f"unknown field '{name}': the fields allowed here are {', '.join(allowed)}"


def _missing(path: DataPath) -> str:
    name = str(path[-1])
    example = _EXAMPLES.get(name, f"{name}: ...").replace("\n", "⏎")
    return f"the required field '{name}' is missing here: add it, e.g. '{example}'"


def _message(model: type[BaseModel], error: Any) -> tuple[str, bool]:
    """The message for one error, and whether it points at the key rather than the value."""
    kind, path, value = error["type"], tuple(error["loc"]), error.get("input")
    if kind == "extra_forbidden":
        return _unknown_field(model, path), True
    if kind == "missing":
        return _missing(path), False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"expected a group of fields ('name: value' lines, indented below) but found "
            f"{describe(value)}"
        ), False
    if kind in ("tuple_type", "list_type"):
        return (
            f"expected a list (one '- ' item per line) but found {describe(value)}; "
            "an empty list is written [ ]"
        ), False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number (e.g. 9) but found {describe(value)}", False
    if kind in ("greater_than_equal", "greater_than"):
        return f"expected a positive number but found {describe(value)}", False
    if kind == "too_short":
        return "this list is empty; give at least one item", False
    return str(error["msg"]), False


def translate(
    model: type[BaseModel],
    exc: ValidationError,
    file: str,
    positions: Positions,
    base: DataPath = (),
) -> list[Problem]:
    """One Problem for each pydantic error, placed on the line and column it concerns."""
    problems = []
    for error in exc.errors(include_url=False):
        message, at_key = _message(model, error)
        path = (*base, *error["loc"])
        if at_key:
            line, column = positions.of_key(path)
        elif error["type"] == "missing":
            line, column = positions.of_value(path[:-1])
        else:
            line, column = positions.of_value(path)
        problems.append(Problem(file, line, column, message))
    return problems
