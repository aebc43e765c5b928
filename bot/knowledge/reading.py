"""Read and validate one knowledge file: quickly when it is ordinary, else step by step.

Most files are ordinary: no anchors, tags or syntax errors, nothing the validator or the checks
object to. Such a file is read by yamlquick (no positions) and validated once. Anything else, or
any finding at all, and the file is read again by the Builder, which records where every value
stands, so that each problem is reported exactly as if the quick reading had never been tried.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.knowledge.checks import doubtful_phones, project_checks, value_warnings
from bot.knowledge.errors import translate
from bot.knowledge.model import QA, Municipality, Project
from bot.knowledge.problems import Problem
from bot.knowledge.values import REVIEW, Text
from bot.knowledge.yamlquick import quick_tree
from bot.knowledge.yamlsource import (
    EMPTY,
    YamlDocument,
    decode_source,
    plainly_ordinary,
    read_tree,
)
from bot.knowledge.yamltree import ORIGIN_KEY, DataPath, Positions


@dataclass(frozen=True)
class FileResult:
    """One file's validated content (None if invalid), problems and warnings marked checked."""

    value: Any
    problems: tuple[Problem, ...] = ()
    checked: tuple[Problem, ...] = ()


def _shaped(model: type[BaseModel], data: Any) -> tuple[Any, DataPath] | None:
    """The list (faq) or mapping to validate and the path it stands at; None for other shapes."""
    base: DataPath = ()
    if model is QA and isinstance(data, dict) and set(data) - {ORIGIN_KEY} == {"faq"}:
        data, base = data["faq"], ("faq",)
    return (data, base) if isinstance(data, list if model is QA else dict) else None


def read_file(
    raw: bytes, size: int, name: str, model: type[BaseModel], extra: dict[str, Any]
) -> FileResult:
    """Validate a file's bytes (size: the file's whole size) as model, with extra fields."""
    source = decode_source(raw, size, name)
    if isinstance(source, str):
        value = quick_value(source, name, model, extra) if plainly_ordinary(source) else None
        if value is not None:
            return FileResult(value)
        source = read_tree(source, name)
    return _Validation(source, name).run(model, extra)


def quick_value(text: str, name: str, model: type[BaseModel], extra: dict[str, Any]) -> Any:
    """The validated content of an ordinary file without a single finding, else None."""
    data = quick_tree(text, name)
    shaped = _shaped(model, data) if data is not None else None
    if shaped is None:
        return None
    review: list[Text] = []
    context = {REVIEW: review}
    value: Any
    try:
        if isinstance(shaped[0], list):
            value = tuple(QA.model_validate(entry, context=context) for entry in shaped[0])
        else:
            value = model.model_validate({**shaped[0], **extra}, context=context)
    except ValidationError:
        return None
    if review or (isinstance(value, Project) and project_checks(value, name, Positions())):
        return None
    if doubtful_phones(value):
        return None
    return value


def _required(problem: Problem) -> Problem:
    """problem, told of municipality.yaml: an empty one is filled in, never deleted."""
    if problem.message != EMPTY:
        return problem
    message = (
        "the file is empty; the bot cannot start without it: write in it at least 'name' and "
        "'website' (see the README's staff section)"
    )
    return replace(problem, message=message)


class _Validation:
    """The validation of one read document, with every problem at its place."""

    def __init__(self, document: YamlDocument, name: str) -> None:
        self.document = document
        self.name = name
        self.problems: list[Problem] = list(document.problems)
        self.checked: list[Problem] = []

    def run(self, model: type[BaseModel], extra: dict[str, Any]) -> FileResult:
        if model is Municipality:  # the one file that may not be deleted
            self.problems = [_required(problem) for problem in self.problems]
        value = self._value(model, extra)
        return FileResult(value, tuple(self.problems), tuple(self.checked))

    def _value(self, model: type[BaseModel], extra: dict[str, Any]) -> Any:
        data, positions = self.document.data, self.document.positions
        if data is None:
            return None
        shaped = _shaped(model, data)
        if shaped is None:
            message = (
                "faq.yaml must be a list of questions: each item starts with '- questions:'"
                if model is QA
                else "the file must be a set of fields ('title: ...', 'status: ...'), "
                "not a list or a text"
            )
            self.problems.append(Problem(self.name, 1, 1, message))
            return None
        data, base = shaped
        value: Any
        if isinstance(data, list):
            value = self._faq_items(data, positions, base)
        else:
            try:
                value = model.model_validate({**data, **extra})
            except ValidationError as exc:
                self.problems += translate(model, exc, self.name, positions)
                return None
        if value is None:
            return None
        found = value_warnings(value, base, self.name, positions)
        if isinstance(value, Project):
            found += project_checks(value, self.name, positions)
        self._report(found)
        return value

    def _faq_items(
        self, data: list[Any], positions: Positions, base: DataPath
    ) -> tuple[QA, ...] | None:
        """Every question of a faq list, or None when any is invalid (all are reported)."""
        items, ok = [], True
        for index, entry in enumerate(data):
            try:
                items.append(QA.model_validate(entry))
            except ValidationError as exc:
                ok = False
                self.problems += translate(QA, exc, self.name, positions, (*base, index))
        return tuple(items) if ok else None

    def _report(self, found: list[Problem]) -> None:
        """Keep found, setting aside the warnings on lines that staff marked '# checked'."""
        for problem in found:
            if not problem.is_error and problem.line in self.document.checked_lines:
                self.checked.append(problem)
            else:
                self.problems.append(problem)
