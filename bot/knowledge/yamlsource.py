"""Read one YAML file into plain data with the line and column of every value, within limits.

A file over MAX_FILE_BYTES is not read at all; the other limits are enforced while it is read
(yamltree). Nothing here raises for bad content: every mistake becomes a Problem.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.encodings import SAVE_AS_UTF8, likely_encoding
from bot.knowledge.problems import Problem, Severity
from bot.knowledge.yamlsyntax import NBSP, layout_problems, syntax_problem
from bot.knowledge.yamltree import TOO_DEEP, Builder, Positions, Stop, position

MAX_FILE_BYTES = 1024 * 1024
CHECKED = re.compile(r"(^|\s)#\s*checked\b", re.IGNORECASE)
# characters a copy from Word or a web page leaves unseen in a word (zero-width spaces, a soft
# hyphen, direction marks); the zero-width joiner stays, as emoji are made with it
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# ' #' then a word right after a text: YAML reads "Проект #3" as "Проект" and a comment "#3"
EMPTY = "the file is empty; fill it in (see the README's staff section) or delete it"
_HASH_IN_TEXT = re.compile(r" #(?!checked\b)[^\s#]", re.IGNORECASE)


@dataclass
class YamlDocument:
    """The data of one file, its positions, what went wrong, and the lines marked '# checked'."""

    data: Any
    positions: Positions
    problems: list[Problem]
    checked_lines: frozenset[int] = frozenset()


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _error_in_python(text: str, error: yaml.YAMLError) -> yaml.YAMLError:
    """The same error as found by the Python parser, whose messages say more than libyaml's."""
    if _FAST_LOADER is yaml.SafeLoader:
        return error
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.YAMLError as clearer:
        return clearer
    return error


def _failed(display: str, line: int, column: int, message: str) -> YamlDocument:
    return YamlDocument(None, Positions(), [Problem(display, line, column, message)])


def read_yaml(file: Path, display: str) -> YamlDocument:
    """Read file as YAML; never raises for bad content, returns problems instead."""
    source = decode_source(*read_limited(file), display)
    return source if isinstance(source, YamlDocument) else read_tree(source, display)


def read_limited(file: Path) -> tuple[bytes, int]:
    """The first bytes of file (one more than a file may have) and the file's whole size."""
    with file.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        raw = stream.read(min(size, MAX_FILE_BYTES) + 1)  # not a 1 MB buffer for every file
        if size < len(raw) <= MAX_FILE_BYTES:  # it grew while being read
            raw += stream.read(MAX_FILE_BYTES + 1 - len(raw))
        return raw, max(len(raw), size)


def decode_source(raw: bytes, size: int, display: str) -> str | YamlDocument:
    """A file's text, or why it is not read as YAML at all (too big, not UTF-8, tabs or
    non-breaking spaces in its layout)."""
    if size > MAX_FILE_BYTES:
        return _failed(
            display,
            1,
            1,
            f"the file has {size / 1_048_576:.1f} MB, more than the 1 MB a knowledge file may "
            "have; split it, and keep pictures and documents on the website with a link",
        )
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
        encoding = likely_encoding(raw)
        if encoding is not None:
            line, column = (1, 1) if encoding == "UTF-16" else (line, column)
            message = (
                f"the file is saved in the {encoding} encoding, not in UTF-8, which the bot "
                f"reads: {SAVE_AS_UTF8}"
            )
        return _failed(display, line, column, message)
    odd_spaces = "\t" in text or any(char in text for char in NBSP)
    layout = layout_problems(display, text) if odd_spaces else []
    return YamlDocument(None, Positions(), layout) if layout else text


def read_tree(text: str, display: str) -> YamlDocument:
    """The data of a file's text, read event by event within the limits, with its positions."""
    builder = Builder(display)
    lines = text.splitlines() if _HASH_IN_TEXT.search(text) else []
    cut_short = []
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            builder.feed(event)
            if lines and isinstance(event, yaml.ScalarEvent) and not event.style:
                cut_short += _comment_in_text(display, lines, *position(event.end_mark))
    except Stop as stop:
        return YamlDocument(None, Positions(), [*builder.problems, stop.problem])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if mark is not None and "maximum nesting depth" in str(error):  # libyaml's own limit
            return _failed(display, *position(mark), TOO_DEEP)
        problem = syntax_problem(_error_in_python(text, error), text, display)
        return YamlDocument(None, Positions(), [problem])
    if builder.root is None:
        return _failed(display, 1, 1, EMPTY)
    marked = enumerate(text.splitlines(), 1) if "checked" in text.lower() else ()
    checked = frozenset(number for number, line in marked if CHECKED.search(line))
    problems = [*builder.problems, *cut_short, *invisible_problems(display, text)]
    return YamlDocument(builder.root, builder.positions, problems, checked)


def plainly_ordinary(text: str) -> bool:
    """False when text holds what only read_tree reports: an invisible character, or a '#'
    that may cut a text short."""
    return not INVISIBLE.search(text) and not _HASH_IN_TEXT.search(text)


def _comment_in_text(display: str, lines: list[str], line: int, end: int) -> list[Problem]:
    """A warning when a plain text ending at line and column end (1-based, one past its last
    character) is followed by ' #word': YAML took the rest of the line for a comment, and
    staff most likely meant it as part of the text."""
    rest = lines[line - 1][end - 1 :] if line <= len(lines) else ""
    if not _HASH_IN_TEXT.match(rest):
        return []
    message = (
        f"the text ends before '{rest[1:].rstrip()}': ' #' starts a comment in YAML; if the "
        "'#' belongs to the text, put the whole text in double quotes"
    )
    return [Problem(display, line, end + 1, message, Severity.WARNING)]


def invisible_problems(display: str, text: str) -> list[Problem]:
    """A warning for every invisible character in text, where it stands."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for found in INVISIBLE.finditer(line):
            message = (
                f"an invisible character (U+{ord(found[0]):04X}) stands here, as a copy from "
                "Word or a web page leaves it; delete it (the arrow keys stop at it): a word "
                "with it inside is not found when citizens ask"
            )
            problems.append(Problem(display, number, found.start() + 1, message, Severity.WARNING))
    return problems
