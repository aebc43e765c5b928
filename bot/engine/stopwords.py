"""Stop words and filler, compared as written (folded, never stemmed) and by script.

"при" is a stop word and "прие" is not, though both stem to "pri"; the English "just" is a stop
word and the Cyrillic "ястия" is not, though both fold to "yast".
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine.lexicon import ENGLISH_VERBS, ENGLISH_WORDS, FILLER, STOPWORDS
from bot.engine.normalize import Token, is_cyrillic_letter, tokens


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(t.folded for word in words for t in tokens(word))


def _cyrillic(words: Iterable[str]) -> list[str]:
    return [word for word in words if is_cyrillic_letter(word[0])]


_STOP = (_folded(_cyrillic(STOPWORDS)), _folded(STOPWORDS))
_QUIET = (
    _folded(_cyrillic((*STOPWORDS, *FILLER))),
    _folded((*STOPWORDS, *FILLER)),
    _folded(w for w in (*STOPWORDS, *FILLER) if not is_cyrillic_letter(w[0])),
)


def is_stop(token: Token) -> bool:
    """A word that carries no meaning for finding a project (question words are cues, not this)."""
    return token.folded in _STOP[0 if token.cyrillic else 1]


_ENGLISH = frozenset((*ENGLISH_WORDS, *ENGLISH_VERBS))


def is_quiet(token: Token, bulgarian: bool = False) -> bool:
    """A stop word, or a word of chatty messages that says nothing about the subject (a common
    English word is never quiet for a Bulgarian one it folds like: "bill" is not "бил", unless
    the question is Bulgarian typed in Latin letters, bulgarian: "na den" is "на ден")."""
    if not token.cyrillic and token.written in _ENGLISH and not bulgarian:
        return token.folded in _QUIET[2]
    return token.folded in _QUIET[0 if token.cyrillic else 1]


def content_terms(text: str) -> list[str]:
    """The terms of text without stop words."""
    return [t.term for t in tokens(text) if not is_stop(t) and len(t.term) >= 2]
