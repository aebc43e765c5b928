"""Words a question says aside from what it asks: the asker's own guess at the answer ("или
само приказки", "само хартии ли") and own people and things ("за майка ми", "от джоба си")."""

from __future__ import annotations

import re

from bot.engine.lexicon import GUESS_WORDS, POSSESSIVES
from bot.engine.normalize import tokens

_CLAUSES = re.compile(r"[,;:.!?]+")
_GUESS = frozenset(GUESS_WORDS)
_POSSESSIVES = frozenset(POSSESSIVES)


def aside(text: str) -> frozenset[str]:
    """The terms of the words a question says aside: from a guess word to its clause's end, and
    a Cyrillic word right before a short possessive pronoun."""
    found: set[str] = set()
    for clause in _CLAUSES.split(text):
        written = tokens(clause)
        guessing = False
        for i, token in enumerate(written):
            word = token.written.lower()
            after = written[i + 1].written.lower() if i + 1 < len(written) else ""
            if guessing or (token.cyrillic and after in _POSSESSIVES):
                found.add(token.term)
            guessing = guessing or word in _GUESS
    return frozenset(found)
