"""Add one item to a list in a YAML file by inserting its lines: every other byte stays as it was.

The file is parsed only to find where the list is; the new item is written in block style with
its strings double-quoted (so they are kept exactly as given, but for invisible characters) and
the result is parsed again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Union

import yaml

from bot.knowledge.yamlsource import INVISIBLE

Value = Union[str, dt.date, Mapping[str, str], Sequence[str]]  # noqa: UP007 (a runtime alias)
Item = Mapping[str, Value]


class InsertError(ValueError):
    """The file cannot take the item where it belongs (the message says why, in English)."""


def _scalar(value: str | dt.date) -> str:
    """A date as YYYY-MM-DD, a text double-quoted without the invisible characters a paste
    brings (the validator would warn of them in a file the bot itself wrote)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(INVISIBLE.sub("", value), ensure_ascii=False)


def item_lines(item: Item, indent: int) -> str:
    """The item as a block sequence entry at indent spaces, each line ending in a newline."""
    lines, pad = [], " " * (indent + 2)
    for key, value in item.items():
        if isinstance(value, str | dt.date):
            lines.append(f"{key}: {_scalar(value)}")
        elif isinstance(value, Mapping):
            lines.append(f"{key}:")
            lines += [f"  {lang}: {_scalar(text)}" for lang, text in value.items()]
        else:
            lines.append(f"{key}:")
            lines += [f"  - {_scalar(text)}" for text in value]
    body = "".join(f"{pad}{line}\n" for line in lines)
    return " " * indent + "- " + body[indent + 2 :]


def _end_of(node: yaml.Node) -> int:
    """Where the line holding the last character of node's content ends (after its newline)."""
    if isinstance(node, yaml.ScalarNode):
        end = node.end_mark.index
    elif isinstance(node, yaml.SequenceNode):
        end = max((_end_of(child) for child in node.value), default=node.end_mark.index)
    else:
        pairs = node.value
        end = max((_end_of(value) for _, value in pairs), default=node.end_mark.index)
    return end


def _after_line(text: str, index: int) -> int:
    if index > 0 and text[index - 1] == "\n":
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _append_to(text: str, sequence: yaml.SequenceNode, item: Item) -> str:
    """Insert item after the last entry of a non-empty block sequence."""
    at = _after_line(text, max(_end_of(child) for child in sequence.value))
    head = text[:at] if text[:at].endswith("\n") else text[:at] + "\n"
    return head + item_lines(item, sequence.start_mark.column) + text[at:]


def _replace_empty(text: str, value: yaml.Node, item: Item, indent: int) -> str:
    """Replace an empty value ('key:' or 'key: []') by a block list holding item."""
    if isinstance(value, yaml.SequenceNode) and value.value:
        raise InsertError("the list is written in one line ([...]): write one '- ' item per line")
    if not (isinstance(value, yaml.SequenceNode) or value.tag == "tag:yaml.org,2002:null"):
        raise InsertError("the value here is not a list")
    head = text[: value.start_mark.index].rstrip(" ")
    rest = text[value.end_mark.index :]
    rest = rest[1:] if rest.startswith("\n") else rest
    return (
        head + ("\n" if head and not head.endswith("\n") else "") + item_lines(item, indent) + rest
    )


def add_item(text: str, key: str | None, item: Item) -> str:
    """text with item added at the end of the list under the top-level key (None: the file is
    itself a list); a missing key is added at the end of the file."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise InsertError(f"the file is not valid YAML: {error}") from error
    ending = "" if not text or text.endswith("\n") else "\n"
    if key is None:
        if root is None:
            return text + ending + item_lines(item, 0)
        if isinstance(root, yaml.SequenceNode) and root.value and not root.flow_style:
            return _append_to(text, root, item)
        return _replace_empty(text, root, item, 0)
    if not isinstance(root, yaml.MappingNode):
        raise InsertError("the file is not a group of fields")
    for name, value in root.value:
        if name.value == key:
            if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
                return _append_to(text, value, item)
            return _replace_empty(text, value, item, 2)
    return text + ending + f"{key}:\n" + item_lines(item, 2)
