"""Button payloads (callback_data): at most 64 bytes, checked when they come back."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from bot.engine.lexicon import TOPICS

MAX_BYTES = 64
_KINDS = {"p", "t", "l", "m", "g", "f", "u", "fb", "b", "fl", "ex", "q", "s"}
# tickets: a citizen's ("q") and a staff member's ("s") actions, each with a number
CITIZEN_ACTIONS = {"ask", "send", "no", "phone", "thanks", "help"}
TICKS = 5  # similar questions a Learn screen offers; the ticked ones ride in its buttons
STAFF_ACTIONS = (
    {"take", "answer", "close", "send", "drop", "learn", "save"}
    | {f"tick{index}" for index in range(TICKS)}  # the buttons of an earlier version
    | {f"tick{index}-{mask}" for index in range(TICKS) for mask in range(2**TICKS)}
    | {f"save-{mask}" for mask in range(2**TICKS)}
)
_MENU = {"projects", "news", "contacts", "language", "following"}
_DATA = re.compile(r"[a-z0-9#+:\-]{1,64}")  # ASCII only: anything else is forged
_PART = re.compile(r"[a-z0-9#+\-]{1,48}")
_NUMBER = re.compile(r"0|[1-9][0-9]{0,17}")  # a row id or a page: fits in 64 bits


@dataclass(frozen=True)
class Callback:
    """A decoded button: its kind and its arguments."""

    kind: str
    args: tuple[str, ...] = ()

    def encode(self) -> str:
        """The callback_data string."""
        data = ":".join((self.kind, *self.args))
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback_data over {MAX_BYTES} bytes: {data!r}")
        return data


def project_key(project_id: str) -> str:
    """The project id, or a short hash of it when the id is too long for a button."""
    if len(project_id) <= 40:
        return project_id
    return "#" + hashlib.sha1(project_id.encode()).hexdigest()[:12]


def _number(arg: str) -> bool:
    return _NUMBER.fullmatch(arg) is not None


def decode(data: str | None) -> Callback | None:
    """The callback, or None when the payload is malformed or forged (every field checked:
    its kind, the number of its arguments, each one's form, numbers within 64 bits)."""
    if not data or _DATA.fullmatch(data) is None:
        return None
    kind, *args = data.split(":")
    if kind not in _KINDS or not all(_PART.fullmatch(arg) for arg in args):
        return None
    valid = {
        "p": len(args) == 1,
        "t": len(args) == 2 and args[-1] in TOPICS,
        "l": len(args) == 1 and _number(args[0]),
        "m": len(args) == 1 and args[0] in _MENU,
        "g": len(args) == 1 and args[0] in ("bg", "en"),
        "f": len(args) == 1,
        "u": len(args) == 1,
        "fb": len(args) == 2 and _number(args[0]) and args[1] in ("+", "-"),
        "b": len(args) == 2 and _number(args[0]) and args[1] == "stop",
        "fl": len(args) == 2 and _number(args[0]),  # a flow's button: its number, its action
        "ex": len(args) == 1,
        "q": len(args) == 2 and args[0] in CITIZEN_ACTIONS and _number(args[1]),
        "s": len(args) == 2 and args[0] in STAFF_ACTIONS and _number(args[1]),
    }[kind]
    return Callback(kind, tuple(args)) if valid else None


def resolve(key: str, project_ids: list[str]) -> str | None:
    """The project id a button's key stands for, if the project still exists."""
    return next((pid for pid in project_ids if project_key(pid) == key), None)
