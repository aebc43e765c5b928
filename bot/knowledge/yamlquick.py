"""The quick reading of an ordinary file: the same data as yamltree.Builder, in one tight loop.

It records no positions and reports nothing: whatever is not ordinary (an anchor, an alias, a
tag, a duplicate or non-text key, a second document, a syntax error, nesting deeper than
MAX_DEPTH, more than MAX_VALUES values) makes it give up and return None, and the file is then
read by the Builder, which explains every problem at its place and enforces the same limits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from bot.knowledge.yamltree import (
    MAX_DEPTH,
    MAX_VALUES,
    NULL_TAG,
    ORIGIN_KEY,
    Scalar,
    read_as,
    scalar,
)

# libyaml's parser alone (the loader would make a constructor and a resolver for nothing)
_PARSER = getattr(getattr(yaml, "cyaml", None), "CParser", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
# a plain scalar whose first character starts no implicit rule is a text: no regex to try
_RULES = _RESOLVER.yaml_implicit_resolvers
_EVERY_SCALAR_TRIED = None in _RULES or bool(_RESOLVER.yaml_path_resolvers)
_IN_LIST = object()  # the "key" of a list: its items need none


def _resolved(value: str, implicit: tuple[bool, bool], style: str | None) -> Scalar | None:
    """What the Builder makes of a plain scalar an implicit rule may match (None for null)."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
    return None if tag == NULL_TAG else scalar(value, read_as(tag, value), bool(style))


def quick_tree(text: str, display: str) -> Any:
    """The data of an ordinary file (mappings carry their origin), or None to read it safely."""
    try:
        parser = _PARSER(text)  # libyaml checks the characters here, the Python parser later
        return _build(parser.get_event, display)
    except yaml.YAMLError:
        return None


def _build(next_event: Callable[[], Any], display: str) -> Any:
    """Place every value; None as soon as the file is not ordinary."""
    outer: list[tuple[Any, Any]] = []  # the open groups around the one being filled
    group: Any = None  # the mapping or list being filled
    key: Any = _IN_LIST  # its pending key: None while a key is awaited
    root: Any = None
    values = documents = 0
    while True:
        event = next_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                return None
            values += 1
            if key is None:
                key = event.value
                if key in group:  # a duplicate, or a key named like ORIGIN_KEY
                    return None
                continue
            value = event.value
            if event.implicit[0] and (_EVERY_SCALAR_TRIED or value[:1] in _RULES):
                value = _resolved(value, event.implicit, event.style)
            else:  # quoted, or a text that starts with a letter no implicit rule starts with
                value = scalar(value, value, bool(event.style))
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or key is None:
                return None
            values += 1
            if group is not None:
                if len(outer) + 1 >= MAX_DEPTH:  # as many groups open as the Builder allows
                    return None
                outer.append((group, key))
            if kind is MappingStartEvent:
                origin = {"file": display, "line": event.start_mark.line + 1}
                group, key = {ORIGIN_KEY: origin}, None
            else:
                group, key = [], _IN_LIST
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = group
            group, key = outer.pop() if outer else (None, _IN_LIST)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                return None
            continue
        elif kind is StreamEndEvent:
            return root if values <= MAX_VALUES else None
        elif kind is yaml.AliasEvent:
            return None
        else:
            continue
        if values > MAX_VALUES:
            return None
        if group is None:
            root = value
        elif key is _IN_LIST:
            group.append(value)
        else:
            group[key] = value
            key = None
