"""Build plain data from YAML parser events, remembering where every value stands, within limits.

Reading event by event (no recursion) stops a hostile file early: nesting deeper than MAX_DEPTH,
or more than MAX_VALUES values (counting every value an alias repeats: the "billion laughs"),
ends the reading with a problem. Scalars are kept exactly as written (Scalar), so that no
YAML 1.1 rule changes a text.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

import yaml

from bot.knowledge.problems import Problem

DataPath = tuple[str | int, ...]
Position = tuple[int, int]
ORIGIN_KEY = "__origin__"
MAX_DEPTH = 50
MAX_VALUES = 50_000
_TAG = "tag:yaml.org,2002:"
NULL_TAG = f"{_TAG}null"
_TYPED = frozenset(f"{_TAG}{name}" for name in ("bool", "int", "float", "timestamp"))
_KNOWN_TAGS = {*_TYPED, *(f"{_TAG}{name}" for name in ("str", "null", "map", "seq"))}
TOO_DEEP = (
    f"the values are nested more than {MAX_DEPTH} levels deep here, far deeper than any "
    "knowledge file needs; check the indentation and the brackets"
)


@dataclass(frozen=True, slots=True)
class Scalar:
    """One value as written: its text, what YAML 1.1 reads it as, and whether it was quoted."""

    text: str
    read_as: Any
    quoted: bool


_NEW_SCALAR = object.__new__
_SET_TEXT, _SET_READ_AS, _SET_QUOTED = (
    getattr(Scalar, name).__set__ for name in ("text", "read_as", "quoted")
)


def scalar(text: str, read_as: Any, quoted: bool) -> Scalar:
    """Scalar(text, read_as, quoted) without the frozen dataclass's slow __init__."""
    made = _NEW_SCALAR(Scalar)
    _SET_TEXT(made, text)
    _SET_READ_AS(made, read_as)
    _SET_QUOTED(made, quoted)
    return made


@dataclass
class Positions:
    """Where each value (and each mapping key) of a file starts, 1-based."""

    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)
    _groups: dict[DataPath, list[tuple[int, str]]] | None = field(
        default=None, repr=False, compare=False
    )

    def keys_in(self, group: DataPath) -> list[tuple[int, str]]:
        """The line and name of every key directly in a group, in line order."""
        if self._groups is None:  # built once: a file with thousands of errors asks often
            self._groups = {}
            for path, (line, _) in self.keys.items():
                self._groups.setdefault(path[:-1], []).append((line, str(path[-1])))
            for keys in self._groups.values():
                keys.sort()
        return self._groups.get(group, [])

    def of_value(self, path: DataPath) -> Position:
        """Position of the value at path, or of its nearest parent that has one."""
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: DataPath) -> Position:
        """Position of the key that names path (falls back to the value)."""
        return self.keys.get(path) or self.of_value(path)


class Stop(Exception):
    """Reading ends here: a limit is reached or the file cannot mean anything."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class _Frame:
    """A mapping or list being read."""

    data: dict[str, Any] | list[Any]
    path: DataPath
    anchor: str | None
    values_before: int
    keep: bool
    is_key: bool = False
    key: str | None = None
    awaiting_value: bool = False
    keep_value: bool = False
    first_line: dict[str, int] = field(default_factory=dict)


def position(mark: Any) -> Position:
    """The 1-based line and column of a YAML mark."""
    return mark.line + 1, mark.column + 1


class Builder:
    """Builds plain data from parser events, recording positions and enforcing the limits."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: dict[str, int] = {}
        self.values = 0
        self.documents = 0
        self.root: Any = None
        self._resolver = yaml.resolver.Resolver()

    def problem(self, mark: Any, message: str) -> Problem:
        return Problem(self.display, *position(mark), message)

    def feed(self, event: yaml.Event) -> None:
        """Take one parser event."""
        if isinstance(event, yaml.ScalarEvent):
            self._node(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise Stop(
                    self.problem(
                        event.start_mark,
                        "a second document starts here ('---'); a knowledge file holds one: "
                        "delete the '---' line, or move what follows into a file of its own",
                    )
                )
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._start(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self._end()
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)

    def _slot(self) -> DataPath | None:
        """The path of the node that starts now; None when it is a mapping key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.data, list):
            return (*top.path, len(top.data))
        if not top.awaiting_value:
            return None
        return (*top.path, top.key or "")

    def _keep(self) -> bool:
        if not self.stack:
            return True
        top = self.stack[-1]
        return top.keep and (isinstance(top.data, list) or top.keep_value)

    def _count(self, size: int, event: yaml.Event) -> None:
        self.values += size
        if self.values <= MAX_VALUES:
            return
        if isinstance(event, yaml.AliasEvent):
            message = (
                f"the alias '*{event.anchor}' repeats so much that the file would hold more than "
                f"{MAX_VALUES:,} values (aliases that repeat aliases multiply); write the values "
                "out instead of repeating them with '*'"
            )
        else:
            message = (
                f"the file holds more than {MAX_VALUES:,} values, far more than a knowledge "
                "file needs; split it, or keep long lists on the website and link to them"
            )
        raise Stop(self.problem(event.start_mark, message))

    def _key(self, event: yaml.Event) -> None:
        """The node starting with event is a mapping key."""
        top = self.stack[-1]
        top.awaiting_value, top.key, top.keep_value = True, None, False
        line, column = position(event.start_mark)
        if not isinstance(event, yaml.ScalarEvent):
            message = "a field name must be a plain word such as 'title'"
            self.problems.append(Problem(self.display, line, column, message))
            return
        key = str(event.value)
        if key in top.first_line:
            self.problems.append(
                Problem(
                    self.display,
                    line,
                    column,
                    f"duplicate key '{key}' (first given on line {top.first_line[key]}): "
                    "keep one of them and delete the other",
                )
            )
            return
        top.first_line[key] = line
        top.key, top.keep_value = key, top.keep
        if top.keep:
            self.positions.keys[(*top.path, key)] = (line, column)

    def _node(self, event: yaml.Event, repeated: Any = None, size: int = 1) -> None:
        """A scalar, or an alias (repeating a value of size values): place it."""
        path = self._slot()
        if path is None:
            self._count(1, event)
            self._key(event)
            return
        self._count(size, event)
        value = self._scalar(event) if isinstance(event, yaml.ScalarEvent) else repeated
        if self._keep():
            self.positions.values[path] = position(event.start_mark)
        anchor = getattr(event, "anchor", None)
        if anchor and isinstance(event, yaml.ScalarEvent):
            self.anchors[anchor] = (value, 1)
        self._attach(value)

    def _start(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        path = self._slot()
        is_key = path is None
        keep = not is_key and self._keep()
        if is_key:
            self._key(event)
        self._count(1, event)
        if len(self.stack) >= MAX_DEPTH:
            raise Stop(self.problem(event.start_mark, TOO_DEEP))
        data: dict[str, Any] | list[Any] = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        line, column = position(event.start_mark)
        if keep and isinstance(data, dict):
            data[ORIGIN_KEY] = {"file": self.display, "line": line}
        if keep:
            self.positions.values[path or ()] = (line, column)
        if event.anchor:
            self.open_anchors[event.anchor] = line
        frame = _Frame(data, path or (), event.anchor, self.values - 1, keep, is_key)
        self.stack.append(frame)

    def _end(self) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.open_anchors.pop(frame.anchor, None)
            self.anchors[frame.anchor] = (frame.data, self.values - frame.values_before)
        if not frame.is_key:
            self._attach(frame.data)

    def _alias(self, event: yaml.AliasEvent) -> None:
        name = str(event.anchor)
        if name in self.open_anchors:
            raise Stop(
                self.problem(
                    event.start_mark,
                    f"the alias '*{name}' stands inside the very group it repeats ('&{name}' on "
                    f"line {self.open_anchors[name]}), which would never end; write the values "
                    "out instead",
                )
            )
        if name not in self.anchors:
            raise Stop(
                self.problem(
                    event.start_mark,
                    f"'*{name}' is read as a YAML alias, but nothing is named '&{name}'; "
                    "put text that starts with '*' in quotes",
                )
            )
        value, size = self.anchors[name]
        self._node(event, value, size)

    def _attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.data, list):
            if top.keep:
                top.data.append(value)
            return
        if top.keep_value and top.key is not None:
            top.data[top.key] = value
        top.awaiting_value, top.key, top.keep_value = False, None, False

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        """None for an empty value or null, else the Scalar exactly as written."""
        tag = event.tag
        if tag in (None, "!"):
            tag = self._resolver.resolve(  # type: ignore[no-untyped-call]
                yaml.ScalarNode, event.value, event.implicit
            )
        elif tag not in _KNOWN_TAGS:
            self.problems.append(
                self.problem(
                    event.start_mark,
                    f"the tag '{tag}' is not used in the knowledge base; delete it",
                )
            )
        if tag == NULL_TAG:
            return None
        return Scalar(event.value, read_as(tag, event.value), bool(event.style))


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def read_as(tag: str, value: str) -> Any:
    """What YAML 1.1 reads value tagged tag as (value itself if it cannot: e.g. 2024-02-30)."""
    if tag in _TYPED:
        with contextlib.suppress(ValueError, OverflowError, yaml.YAMLError):
            return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
    return value
