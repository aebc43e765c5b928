"""Turn pydantic's validation errors into FILE:LINE:COLUMN messages staff can act on."""

from __future__ import annotations

import bisect
import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.knowledge.problems import Problem
from bot.knowledge.values import ISO_LANGUAGES, Text, describe, scalar_text
from bot.knowledge.yamltree import DataPath, Positions

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


def _mentions(annotation: Any, kind: type) -> bool:
    return annotation is kind or any(_mentions(arg, kind) for arg in typing.get_args(annotation))


def _holds_text(model: type[BaseModel] | None, name: str) -> bool:
    """True when the field name of model holds a Text (or a list of them)."""
    field = model.model_fields.get(name) if model else None
    return field is not None and _mentions(field.annotation, Text)


def _group_with(model: type[BaseModel] | None, name: str) -> str | None:
    """The field of model that holds one group (not a list) having a field called name."""
    for field, info in model.model_fields.items() if model else ():
        annotation = info.annotation
        if tuple in (typing.get_origin(a) for a in (annotation, *typing.get_args(annotation))):
            continue
        if name in _field_names(_unwrap(annotation)):
            return field
    return None


# Field names as a clerk writes them in Bulgarian, and the field each one is.
BULGARIAN_FIELDS = {
    **dict.fromkeys(("име", "наименование", "община"), "name"),
    **dict.fromkeys(("заглавие", "название"), "title"),
    **dict.fromkeys(("кратко заглавие", "кратко име"), "short_title"),
    **dict.fromkeys(("псевдоними", "други имена"), "aliases"),
    **dict.fromkeys(("статус", "състояние"), "status"),
    **dict.fromkeys(("описание", "резюме", "обобщение"), "summary"),
    **dict.fromkeys(("програма", "оперативна програма"), "programme"),
    **dict.fromkeys(("код", "код на процедурата"), "programme_code"),
    **dict.fromkeys(("финансиране", "фонд", "фондове"), "funding"),
    **dict.fromkeys(("договор",), "contract"),
    **dict.fromkeys(("номер",), "number"),
    **dict.fromkeys(("дата",), "date"),
    **dict.fromkeys(("бюджет", "стойност"), "budget"),
    **dict.fromkeys(("обща стойност", "общо", "сума"), "total"),
    **dict.fromkeys(("безвъзмездна помощ", "грант", "безвъзмездно"), "grant"),
    **dict.fromkeys(("собствен принос", "съфинансиране", "собствено участие"), "own_contribution"),
    **dict.fromkeys(("валута",), "currency"),
    **dict.fromkeys(("период", "срок", "срокове"), "period"),
    **dict.fromkeys(("начало", "начална дата"), "start"),
    **dict.fromkeys(("край", "крайна дата"), "end"),
    **dict.fromkeys(("месеци", "продължителност"), "months"),
    **dict.fromkeys(("бенефициент",), "beneficiary"),
    **dict.fromkeys(("партньори",), "partners"),
    **dict.fromkeys(("изпълнители", "изпълнител"), "contractors"),
    **dict.fromkeys(("места", "място", "местоположение", "населени места"), "locations"),
    **dict.fromkeys(("цели",), "goals"),
    **dict.fromkeys(("целеви групи",), "target_groups"),
    **dict.fromkeys(("дейности",), "activities"),
    **dict.fromkeys(("резултати",), "results"),
    **dict.fromkeys(("контакти",), "contacts"),
    **dict.fromkeys(("новини",), "news"),
    **dict.fromkeys(("връзки", "линкове", "връзка", "линк"), "links"),
    **dict.fromkeys(("въпроси",), "questions"),
    **dict.fromkeys(("отговор",), "answer"),
    **dict.fromkeys(("сайт", "уебсайт", "интернет страница"), "website"),
    **dict.fromkeys(("адрес",), "address"),
    **dict.fromkeys(("телефони", "телефон"), "phones"),
    **dict.fromkeys(("имейл", "е-поща", "електронна поща", "email адрес"), "email"),
    **dict.fromkeys(("работно време", "приемно време"), "hours"),
    **dict.fromkeys(("роля", "длъжност"), "role"),
}


def _translated(model: type[BaseModel], loc: DataPath) -> str | None:
    """The allowed field that an unknown field name is the Bulgarian name of, if any."""
    allowed = _field_names(_model_at(model, loc[:-1]))
    words = str(loc[-1]).lower().replace("_", " ").replace("-", " ").split()
    field = BULGARIAN_FIELDS.get(" ".join(words))
    return field if field in allowed else None


def _meant(model: type[BaseModel], loc: DataPath) -> str | None:
    """The allowed field that an unknown field name is a typo of, if any."""
    allowed = _field_names(_model_at(model, loc[:-1]))
    close = difflib.get_close_matches(str(loc[-1]).lower(), allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _field_above(path: DataPath, positions: Positions) -> tuple[str, int] | None:
    """The field of the same group written just above path's key, and its line."""
    line = positions.of_key(path)[0]
    siblings = positions.keys_in(path[:-1])
    at = bisect.bisect_left(siblings, (line, ""))
    if at == 0:
        return None
    key_line, name = siblings[at - 1]
    return name, key_line


def _indentation_hint(
    model: type[BaseModel], loc: DataPath, path: DataPath, positions: Positions
) -> str | None:
    """Why a field may be unknown here: it belongs to the field above but is not indented."""
    name, above = str(loc[-1]), _field_above(path, positions)
    field, line = above or ("", 0)
    parent = _model_at(model, loc[:-1])
    if name in ISO_LANGUAGES and _holds_text(parent, field):
        sibling = next(
            (positions.keys[key] for key in positions.keys if key[:-1] == (*path[:-1], field)),
            None,
        )
        if sibling is None:
            return (
                f"'{name}' is a language code, not a field: for texts in two languages write "
                f"'{field}:' alone on line {line} and below it 'bg: ...' and 'en: ...', "
                "each indented by 2 spaces"
            )
        return (
            f"'{name}' is a language code, not a field: if it is a text of '{field}' "
            f"(line {line}), indent it by {sibling[1] - 1} spaces, like line {sibling[0]}"
        )
    if name in _field_names(_model_at(model, (*loc[:-1], field))):
        return (
            f"'{name}' is not a field here, but it is one of '{field}' (line {line}): "
            "indent it like the lines under it"
        )
    owner = _group_with(parent, name)
    if owner is not None:
        return (
            f"'{name}' is not a field here, but it is one of '{owner}': "
            f"write it indented under '{owner}:'"
        )
    return None


def _unknown_field(model: type[BaseModel], loc: DataPath, path: DataPath, p: Positions) -> str:
    name = str(loc[-1])
    hint = _indentation_hint(model, loc, path, p)
    if hint:
        return hint
    translated = _translated(model, loc)
    if translated:
        return f"unknown field '{name}': field names are written in English: write '{translated}'"
    meant = _meant(model, loc)
    if meant:
        return f"unknown field '{name}': did you mean '{meant}'?"
    allowed = _field_names(_model_at(model, loc[:-1]))
    return f"unknown field '{name}': the fields allowed here are {', '.join(allowed)}"


def _missing(path: DataPath) -> str:
    name = str(path[-1])
    example = _EXAMPLES.get(name, f"{name}: ...").replace("\n", "⏎")
    return f"the required field '{name}' is missing here: add it, e.g. '{example}'"


def _message(kind: str, value: Any, message: str) -> str:
    """The message for one error that is not about a field name."""
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            "expected a group of fields ('name: value' lines, indented below) but found "
            f"{describe(value)}"
        )
    text = scalar_text(value) if describe(value).startswith("'") else None
    if kind in ("tuple_type", "list_type") and text:
        return (
            f"expected a list but found one text, {describe(value)}: write it in brackets, "
            f"[{text}] (a comma there separates the items), or each item on a line "
            "of its own below, starting with '- '"
        )
    if kind in ("tuple_type", "list_type"):
        return (
            f"expected a list (one '- ' item per line) but found {describe(value)}; "
            "an empty list is written [ ]"
        )
    if kind == "too_short":
        return "this list is empty; give at least one item"
    return message


def translate(
    model: type[BaseModel],
    exc: ValidationError,
    file: str,
    positions: Positions,
    base: DataPath = (),
) -> list[Problem]:
    """One Problem for each pydantic error, placed on the line and column it concerns."""
    errors = exc.errors(include_url=False)
    typos = {
        (*error["loc"][:-1], meant(model, tuple(error["loc"])))
        for error in errors
        if error["type"] == "extra_forbidden"
        for meant in (_meant, _translated)
    }
    problems = []
    for error in errors:
        kind, loc = error["type"], tuple(error["loc"])
        path = (*base, *loc)
        key = (error.get("ctx") or {}).get("key")
        if kind == "extra_forbidden":
            message, at = _unknown_field(model, loc, path, positions), positions.of_key(path)
        elif kind == "missing":
            if loc in typos:
                continue  # 'sumary' (or 'описание') already says to write 'summary'
            message, at = _missing(path), positions.of_value(path[:-1])
        else:
            message = _message(kind, error.get("input"), str(error["msg"]))
            at = positions.of_key((*path, key)) if key else positions.of_value(path)
        problems.append(Problem(file, *at, message))
    return problems
