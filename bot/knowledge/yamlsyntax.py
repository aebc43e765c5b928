"""Explain a YAML syntax error in plain words, on the line where the mistake really is."""

from __future__ import annotations

import re

import yaml

from bot.knowledge.problems import Problem

TYPOGRAPHIC_QUOTES = "“”„‟«»‘’‚‛"
NBSP = "\u00a0\u2007\u202f"  # the non-breaking spaces Word and web pages type
WORD_DASHES = "–—−•"  # what Word makes of a list's '- '
# where YAML reads a line's spaces as its layout: the indentation, after list dashes, after "name:"
_LAYOUT = re.compile(rf"[ {NBSP}]*(?:-[ {NBSP}]+)*(?:[\w-]+:[ {NBSP}])?")
# Where a line's value begins: after the indentation, list dashes and a "name: " (or "[").
_VALUE_START = re.compile(r"\s*(?:-\s+)*(?:[\w-]+:\s+)?\[?\s*")

_HINTS = (
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
    ("found character '\\t'", "a tab character is used; YAML needs spaces, replace the tab"),
    ("while scanning an alias", "'*' starts a YAML alias; put text that starts with '*' in quotes"),
    (
        "while scanning an anchor",
        "'&' starts a YAML anchor; put text that starts with '&' in quotes",
    ),
    ("found character '@'", "text cannot start with '@' or '`' in YAML; put it in quotes"),
    ("found character '`'", "text cannot start with '@' or '`' in YAML; put it in quotes"),
)


def layout_problems(display: str, text: str) -> list[Problem]:
    """One problem for every line indented with a tab, or with a non-breaking space where YAML
    reads its layout (the indentation, after a list's dash, after a field's colon)."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        layout = _LAYOUT.match(line)
        spaces = layout[0] if layout else ""
        hard = next((at for at, char in enumerate(spaces) if char in NBSP), None)
        if "\t" in indent:
            message = (
                "a tab character is used for indentation; YAML needs "
                "spaces: replace the tab with spaces"
            )
            problems.append(Problem(display, number, indent.index("\t") + 1, message))
        elif hard is not None:
            message = (
                "a non-breaking space (as Word types it) stands where YAML needs an ordinary "
                "one; delete it and type an ordinary space"
            )
            problems.append(Problem(display, number, hard + 1, message))
    return problems


def _word_dash(error: yaml.MarkedYAMLError, lines: list[str], display: str) -> Problem | None:
    """The line that starts a list item with a dash or bullet as Word types it, if one does."""
    mark = error.problem_mark
    assert mark is not None
    start = error.context_mark if error.context == "while scanning a simple key" else None
    line = (start or mark).line
    text = lines[line] if line < len(lines) else ""
    column = len(text) - len(text.lstrip(" "))
    dash = text[column : column + 1]
    if dash not in WORD_DASHES or text[column + 1 : column + 2] not in (" ", *NBSP):
        return None
    return Problem(
        display,
        line + 1,
        column + 1,
        f"YAML syntax error: '{dash}' is a dash as Word types it; start each list item with "
        "'- ' (the minus key and a space)",
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line_above(lines: list[str], index: int) -> int | None:
    """The index of the nearest line above index that holds more than a comment."""
    for above in range(min(index, len(lines)) - 1, -1, -1):
        if lines[above].strip() and not lines[above].lstrip().startswith("#"):
            return above
    return None


def _runaway_quote(text: str, error_line: int) -> yaml.Token | None:
    """A quoted text that began on an earlier line and closed on (or just before) error_line."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line != token.end_mark.line
            ):
                last = token
    except yaml.YAMLError:
        pass
    if last is not None and last.end_mark.line >= error_line - 1:
        return last
    return None


def _opening_typographic_quote(line: str) -> int | None:
    """Where a value opens with a typographic quote (meant as YAML's quote), if it does."""
    value = _VALUE_START.match(line)
    start = value.end() if value else 0
    return start if line[start : start + 1] in tuple(TYPOGRAPHIC_QUOTES) else None


def _explain(error: yaml.MarkedYAMLError, lines: list[str], line: int) -> str:
    """The plain-language hint for an error reported on line (0-based)."""
    raw = str(error)
    current = lines[line] if line < len(lines) else ""
    above = _line_above(lines, line)
    if "mapping values are not allowed" in raw and above is not None:
        previous = lines[above]
        if _indent(current) > _indent(previous) and previous.split("#")[0].rstrip()[-1:] != ":":
            return (
                "this line is indented more than line "
                f"{above + 1}, so YAML reads it as more of that line's text; "
                f"indent it with {_indent(previous)} spaces, like line {above + 1}"
            )
    for needle, hint in _HINTS:
        if needle in raw:
            if needle == "expected <block end>" and above is not None:
                return f"{hint} (line {above + 1} has {_indent(lines[above])} spaces)"
            return hint
    problem = getattr(error, "problem", None) or "the file cannot be read"
    return f"{problem}; check the indentation and the quotes on this line"


def _key_without_colon(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int] | None:
    """Where a field name that lacks its ':' starts (0-based line and column): YAML reads the
    line after it as more of that name's text, and reports the error there or at its end."""
    mark = error.problem_mark
    assert mark is not None
    start = error.context_mark
    if error.context == "while scanning a simple key" and start and start.line <= mark.line:
        return start.line, start.column
    above = _line_above(lines, mark.line)
    if "mapping values are not allowed" not in str(error.problem) or above is None:
        return None
    previous, current = lines[above], lines[mark.line] if mark.line < len(lines) else ""
    if _indent(previous) == _indent(current) and ":" not in previous.split(" #")[0]:
        return above, _indent(previous)
    return None


def _missing_colon(error: yaml.MarkedYAMLError, lines: list[str], display: str) -> Problem | None:
    """The line whose field name lacks its ':', named with the name, if that is the mistake."""
    place = _key_without_colon(error, lines)
    if place is None:
        return None
    line, column = place
    words = lines[line][column:].split(" #")[0].split()
    name = words[0] if words else ""
    if not re.fullmatch(r"[^\W\d][\w-]*", name):
        return None
    fix = f"{name}: ..." if len(words) > 1 else f"{name}:"
    return Problem(
        display,
        line + 1,
        column + 1,
        f"YAML syntax error: the field name '{name}' has no ':' after it; write '{fix}'",
    )


def syntax_problem(error: yaml.YAMLError, text: str, display: str) -> Problem:
    """One Problem for a YAML error, placed where staff must change something."""
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        return Problem(
            display,
            line,
            column,
            f"the file contains the control character #x{error.character:04x}, which a text "
            "file should not have; delete it (it often comes from copying out of a PDF or Word)",
        )
    if not isinstance(error, yaml.MarkedYAMLError) or error.problem_mark is None:
        return Problem(display, 1, 1, "YAML syntax error: the file cannot be read as YAML")
    lines = text.splitlines()
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        start = error.context_mark
        return Problem(
            display,
            start.line + 1,
            start.column + 1,
            "YAML syntax error: the quote opened here is never closed; "
            "add the closing quote at the end of the text",
        )
    mark = error.problem_mark
    if error.context in ("while scanning an alias", "while scanning an anchor"):
        mark = error.context_mark or mark
    runaway = _runaway_quote(text, mark.line)
    if runaway is not None:
        start = runaway.start_mark
        return Problem(
            display,
            start.line + 1,
            start.column + 1,
            "YAML syntax error: the quote opened here is closed only on line "
            f"{runaway.end_mark.line + 1}, so the lines in between were read as part of the "
            "text; add the closing quote at the end of the text on this line",
        )
    missing = _word_dash(error, lines, display) or _missing_colon(error, lines, display)
    if missing is not None:
        return missing
    current = lines[mark.line] if mark.line < len(lines) else ""
    curly = _opening_typographic_quote(current)
    if curly is not None:
        return Problem(
            display,
            mark.line + 1,
            curly + 1,
            f"YAML syntax error: {current[curly]} is a typographic quote (as Word types it), "
            "which YAML does not take as a quote; put the whole text in straight double "
            'quotes "…" instead',
        )
    return Problem(
        display,
        mark.line + 1,
        mark.column + 1,
        f"YAML syntax error: {_explain(error, lines, mark.line)}",
    )
