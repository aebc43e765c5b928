"""Read one YAML file into plain data, remembering the line and column of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.problems import Problem

DataPath = tuple[str | int, ...]
Position = tuple[int, int]
ORIGIN_KEY = "__origin__"


@dataclass
class Positions:
    """Where each value (and each mapping key) of a file starts, 1-based."""

    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)

    def of_value(self, path: DataPath) -> Position:
        """Position of the value at path, or of its nearest parent that has one."""
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: DataPath) -> Position:
        """Position of the key that names path (falls back to the value)."""
        return self.keys.get(path) or self.of_value(path)


@dataclass
class YamlDocument:
    """The data of one file, its positions and what went wrong reading it."""

    data: Any
    positions: Positions
    problems: list[Problem]


_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "a colon ':' stands where YAML does not expect one; "
        "if the text itself contains ': ', put the whole text in double quotes",
    ),
    (
        "could not find expected ':'",
        "a field name is missing its ':' or the text above needs quotes; write it as 'name: value'",
    ),
    (
        "expected <block end>",
        "this line is not lined up with the lines above it; "
        "indent it with the same number of spaces as its neighbours",
    ),
    (
        "while parsing a block collection",
        "a list item is not lined up with the items above it; "
        "start every '- ' item at the same column",
    ),
    ("found unexpected end of stream", "a quote is opened but never closed; add the closing quote"),
    ("while scanning a quoted scalar", "a quote is opened but never closed; add the closing quote"),
    ("found character '\\t'", "a tab character is used; YAML needs spaces, replace the tab"),
    ("found undefined alias", "'*' starts a YAML alias; put text that starts with '*' in quotes"),
    ("while scanning an alias", "'*' starts a YAML alias; put text that starts with '*' in quotes"),
    (
        "while scanning an anchor",
        "'&' starts a YAML anchor; put text that starts with '&' in quotes",
    ),
    ("found character '@'", "text cannot start with '@' or '`' in YAML; put it in quotes"),
    ("found character '`'", "text cannot start with '@' or '`' in YAML; put it in quotes"),
)


def _syntax_message(error: yaml.YAMLError) -> str:
    """A plain-language explanation of a YAML syntax error."""
    raw = str(error)
    for needle, hint in _SYNTAX_HINTS:
        if needle in raw:
            return f"YAML syntax error: {hint}"
    problem = getattr(error, "problem", None) or "the file cannot be read"
    return f"YAML syntax error ({problem}); check the indentation and the quotes on this line"


def _tab_problems(display: str, text: str) -> list[Problem]:
    """One problem for every line indented with a tab."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    display,
                    number,
                    indent.index("\t") + 1,
                    "a tab character is used for indentation; YAML needs "
                    "spaces: replace the tab with spaces",
                )
            )
    return problems


class _Converter:
    """Turns a composed YAML node tree into Python data, recording positions."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.positions = Positions()
        self.problems: list[Problem] = []
        self._scalars = yaml.SafeLoader("")

    def convert(self, node: yaml.Node, path: DataPath) -> Any:
        """Convert node (found at path) and everything below it."""
        self.positions.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError):
            return node.value  # e.g. 2024-02-30: the model's own check explains it

    def _mapping(self, node: yaml.MappingNode, path: DataPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        line, _ = self.positions.values[path]
        result[ORIGIN_KEY] = {"file": self.display, "line": line}
        for key_node, value_node in node.value:
            key_line, key_col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem(
                        self.display,
                        key_line,
                        key_col,
                        "a field name must be a plain word such as 'title'",
                    )
                )
                continue
            key = str(key_node.value)
            if key in first_seen:
                self.problems.append(
                    Problem(
                        self.display,
                        key_line,
                        key_col,
                        f"duplicate key '{key}' (first given on line {first_seen[key]}): "
                        "keep one of them and delete the other",
                    )
                )
                continue
            first_seen[key] = key_line
            self.positions.keys[(*path, key)] = (key_line, key_col)
            result[key] = self.convert(value_node, (*path, key))
        return result


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when present; on an error, again in Python for its clearer message."""
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        if _FAST_LOADER is yaml.SafeLoader:
            raise
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(file: Path, display: str) -> YamlDocument:
    """Read file as YAML; never raises for bad content, returns problems instead."""
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = (
            f"the file is not saved as UTF-8 (byte 0x{raw[error.start]:02x}); "
            "open it in your editor and save it with the UTF-8 encoding"
        )
        return YamlDocument(None, Positions(), [Problem(display, line, column, message)])
    tabs = _tab_problems(display, text)
    if tabs:
        return YamlDocument(None, Positions(), tabs)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return YamlDocument(
            None, Positions(), [Problem(display, line, column, _syntax_message(error))]
        )
    except yaml.YAMLError as error:
        return YamlDocument(None, Positions(), [Problem(display, 1, 1, _syntax_message(error))])
    if node is None:
        message = "the file is empty; fill it in (see the README's staff section) or delete it"
        return YamlDocument(None, Positions(), [Problem(display, 1, 1, message)])
    converter = _Converter(display)
    data = converter.convert(node, ())
    return YamlDocument(data, converter.positions, converter.problems)
