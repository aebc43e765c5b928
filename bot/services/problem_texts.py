"""The validator's messages in the editor's language. The English version of each message in
texts.yaml (keys edit.problem.*) is the validator's exact wording: the pattern that recognises a
message is made from it, and the Bulgarian version is filled with the same values; lines and
columns stay as they are. A message without a Bulgarian version is shown in English."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from bot.knowledge import Problem
from bot.texts import TEXTS, t

PREFIX = "edit.problem."
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# the validator's descriptions of values (bot/knowledge/values.py describe) and its words
_DESCRIBED = (
    (re.compile(r"the number (.+)"), "числото {}"),
    (re.compile(r"the date (.+)"), "датата {}"),
    (re.compile(r"the word '(.+)' \(yes/no\)"), "думата '{}' (да/не)"),
    (re.compile(r"nothing \(the value is empty\)"), "нищо (стойността е празна)"),
    (re.compile(r"a group of fields"), "група полета"),
    (re.compile(r"a list"), "списък"),
)
_WORDS = {
    "number": "числото",
    "amount": "сумата",
    "Bulgarian": "български",
    "English": "английски",
}
# what the YAML reader found where it expected something else (its token names, characters)
_FOUND = {
    "'<stream end>'": "краят на файла",
    "'<document start>'": "„---“",
    "'<document end>'": "„...“",
    "'<block mapping start>'": "ново поле",
    "'<block sequence start>'": "нов списък",
    "'<block end>'": "краят на група",
    "'<scalar>'": "текст",
    "'<alias>'": "псевдоним (*)",
    "'<anchor>'": "котва (&)",
    "'<tag>'": "етикет (!)",
    "'<directive>'": "директива (%)",
    "'\\n'": "краят на реда",
    "' '": "интервал",
}


def _pattern(template: str) -> re.Pattern[str]:
    """The regular expression that matches what template says, capturing its values."""
    parts, seen, at = [], set(), 0
    for found in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[at : found.start()]))
        name = found[1]
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        at = found.end()
    parts.append(re.escape(template[at:]))
    return re.compile("".join(parts), re.DOTALL)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Every message's pattern with its key, the most specific (most fixed words) first."""
    keys = [key for key in TEXTS if key.startswith(PREFIX)]
    fixed = {key: len(_PLACEHOLDER.sub("", TEXTS[key]["en"])) for key in keys}
    return tuple((_pattern(TEXTS[key]["en"]), key) for key in sorted(keys, key=lambda k: -fixed[k]))


def _value(name: str, value: str, lang: str) -> str:
    if name == "detail":
        return translated(value, lang)
    if name in ("kind", "language"):
        return _WORDS.get(value, value)
    if name == "found":
        return _FOUND.get(value, value)
    if name == "count":
        return value.replace(",", "\N{NO-BREAK SPACE}")  # 50,000 is written 50 000
    if name == "value":
        for pattern, shown in _DESCRIBED:
            found = pattern.fullmatch(value)
            if found:
                return shown.format(*found.groups())
    return value


def _recognised(message: str) -> tuple[str, dict[str, str]] | None:
    """The key of message's wording and the values it was filled with, if known."""
    for pattern, key in _patterns():
        found = pattern.fullmatch(message)
        if found:
            return key, found.groupdict()
    return None


def translated(message: str, lang: str) -> str:
    """message in lang: as written for English; in Bulgarian when its pattern is known."""
    recognised = None if lang == "en" else _recognised(message)
    if recognised is None:
        return message
    key, values = recognised
    return t(key, lang, **{name: _value(name, text, lang) for name, text in values.items()})


def wordings(message: str) -> tuple[str, ...] | None:
    """The keys of the wordings message is made of (a message inside another one too), or
    None when any part of it has no known wording and would stay in English."""
    recognised = _recognised(message)
    if recognised is None:
        return None
    key, values = recognised
    inner = wordings(values["detail"]) if "detail" in values else ()
    return None if inner is None else (key, *inner)


def problem_text(problem: Problem, lang: str, root: Path | None = None) -> str:
    """FILE:LINE:COLUMN: message, in lang; FILE inside root is named from root (the server's
    folders are nobody's business in a chat)."""
    warning = "" if problem.is_error else t("edit.warning_prefix", lang)
    message = translated(problem.message, lang)
    file = problem.file
    if root is not None and Path(file).is_relative_to(root):
        file = Path(file).relative_to(root).as_posix()
    return f"{file}:{problem.line}:{problem.column}: {warning}{message}"
