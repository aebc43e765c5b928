"""Verbs the knowledge base does not know, told by their shape and their place in a question:
no noun's shape ("коя фирма смени покрива", "от пети клас"), after "да" ("на кой телефон да
звъня"), right after "who" ("кой изля кея"). None of them is the thing asked about."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.engine.lexicon import ANSWER_NOUNS
from bot.engine.normalize import Token, terms
from bot.engine.numbers import NUMERAL_TERMS
from bot.engine.subject import noun_shaped

if TYPE_CHECKING:
    from bot.engine.parsed import Parsed

_NAMED = re.compile(r"(?<=\w)\W+([А-ЯЁ]\w+)")  # a word with a capital, not the first one
_ARTICLED = re.compile(r"\w\w\w(ът|ят|ата|ята|ото|ето|ите|та|то)$")
ANSWER_NOUN_TERMS = frozenset(t for word in ANSWER_NOUNS for t in terms(word))  # "цената"


def unshaped(found: Sequence[Token], question: str) -> frozenset[str]:
    """The Cyrillic words shaped like no noun the question names: no consonant at the end, no
    article, no capital ("над Марица"), not after a word with an article or a numeral ("новата
    болница", "една порция"); a verb the knowledge base does not know ("коя фирма смени
    покрива"), an ordinal ("от пети клас")."""
    names = {t for word in _NAMED.findall(question) for t in terms(word)}
    shapeless: list[str] = []
    after = False  # the word before has an article or is a numeral: a noun follows it
    for token in found:
        articled = _ARTICLED.search(token.written) is not None
        if (
            token.cyrillic
            and not after
            and not articled
            and not noun_shaped(token, False)
            and token.term not in names
        ):
            shapeless.append(token.term)
        after = articled or token.term in NUMERAL_TERMS or token.term.isdigit()
    return frozenset(shapeless)


def verb_after_who(
    words: list[str], after: int, shapeless: frozenset[str], known: Callable[[str], object]
) -> frozenset[str]:
    """The word at position after ("кой" / "коя фирма" before it) when it is shaped like no noun
    and no record knows it: the verb of the works ("кой изля кея"), not which thing ("кой
    сезон")."""
    if after >= len(words):
        return frozenset()
    word = words[after]
    return frozenset({word}) if word in shapeless and not known(word) else frozenset()


def names_thing(parsed: Parsed, at: int) -> bool:
    """True when the word at a position is a noun of the question's own (not quiet, no verb)."""
    word = parsed.words[at]
    return at not in parsed.quiet and word not in parsed.verbs | parsed.moods | ANSWER_NOUN_TERMS
