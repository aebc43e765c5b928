"""Abbreviations a record defines for itself: "312 сградни водопроводни отклонения (СВО)" makes
every later "247 СВО" a sentence about building water connections too.

Administrative texts spell a phrase out once, its abbreviation in brackets after it, and use
the abbreviation from then on. The words an abbreviation stands for are those before the
bracket whose first letters spell it (short joining words such as "за", "на", "of" skipped;
a hyphenated word gives each of its parts: "строително-монтажни работи (СМР)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.engine.index import indexed_terms

_DEFINED = re.compile(r"([^()]{2,160}?)\s*\(([A-ZА-Я]{2,6})\)")
_WORD = re.compile(r"[^\W\d_]+")
JOINING = 2  # words of this many letters or fewer join the others ("за", "на", "of")


def _spelled(before: str, abbreviation: str) -> list[str] | None:
    """The words at the end of before whose first letters spell the abbreviation, or None."""
    words = [w for w in _WORD.findall(before) if len(w) > JOINING]
    letters = abbreviation.lower()
    if len(words) < len(letters):
        return None
    last = words[-len(letters) :]
    return last if "".join(w[0].lower() for w in last) == letters else None


def defined(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each abbreviation the texts define, and the terms of the words it stands for."""
    found: dict[str, frozenset[str]] = {}
    for text in texts:
        for match in _DEFINED.finditer(text):
            words = _spelled(match.group(1), match.group(2))
            if words:
                found.setdefault(match.group(2), frozenset(indexed_terms(" ".join(words))))
    return found


def used(text: str, abbreviations: dict[str, frozenset[str]]) -> frozenset[str]:
    """The terms of the phrases behind the abbreviations a text uses as words."""
    said = set(_WORD.findall(text))
    return frozenset().union(*(terms for a, terms in abbreviations.items() if a in said))
