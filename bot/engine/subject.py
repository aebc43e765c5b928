"""What a question says about its subject beyond the project's name: a noun no record uses, the
thing whose price is asked, a relative clause that describes it, a pronoun that points back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.engine.index import ProjectIndex
from bot.engine.lexicon import (
    ANAPHORA,
    PARTICIPLE_ENDINGS,
    PRICE_QUESTIONS,
    PRICE_VERBS,
    RELATIVE_PRONOUNS,
    WORK_NOUNS,
)
from bot.engine.normalize import Token, surface_words, terms
from bot.engine.spelling import Speller

if TYPE_CHECKING:
    from bot.engine.question import Parsed

_ANAPHORA = frozenset(ANAPHORA)
_RELATIVE = frozenset(RELATIVE_PRONOUNS)
_PRICES = frozenset(tuple(terms(phrase)) for phrase in PRICE_QUESTIONS)
_PRICE_VERBS = frozenset(t for word in PRICE_VERBS for t in terms(word))
WORK_TERMS = frozenset(t for word in WORK_NOUNS for t in terms(word))
_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")


def refers_back(question: str) -> bool:
    """True when a pronoun of the question points back to what was talked about."""
    return any(w in _ANAPHORA for w in surface_words(question))


def asks_price(words: Sequence[str], positions: Sequence[int]) -> bool:
    """True when the amount phrase at positions asks the price of the words after it."""
    return tuple(words[i] for i in positions) in _PRICES


def relative_clause(question: str) -> list[str]:
    """The terms of the clauses that a relative pronoun opens, to the next comma or the end."""
    found: list[str] = []
    for number, clause in enumerate(re.split(r"[,;:?!]", question)):
        words = surface_words(clause)
        at = next((i for i, w in enumerate(words) if w in _RELATIVE), None)
        if at is not None and (at > 0 or number > 0):  # a question's first word asks
            found += [t for w in words[at + 1 :] for t in terms(w)]
    return found


def priced(parsed: Parsed, start: int) -> list[str]:
    """The words of the thing priced, from start to a stop word or a price verb ("хлябът в
    ...", "the bread cost"); none when they are the works themselves ("ремонтът", "it"), or
    when another verb follows them (they pay: "how much is the state paying")."""
    words: list[str] = []
    for i in range(start, len(parsed.words)):
        word = parsed.words[i]
        if word in WORK_TERMS:
            return []
        if word in _PRICE_VERBS or (i in parsed.quiet and words):
            break
        if word in parsed.verbs:
            return []
        if i not in parsed.quiet:
            words.append(word)
    return words


def is_strange(token: Token, parsed: Parsed, index: ProjectIndex, speller: Speller) -> bool:
    """True for a Bulgarian noun the knowledge base never uses: a word of three letters or
    more ending in a consonant that ends no verb form or participle, typed as it is (a word only
    the glossary gives, "басейн" for an English "pools", is not used by the staff)."""
    word = token.written
    return (
        token.cyrillic
        and len(word) >= 3
        and word[-1] in _CONSONANTS
        and not word.endswith(PARTICIPLE_ENDINGS)
        and token.term in parsed.content
        and token.term not in WORK_TERMS
        and token.term not in parsed.verbs | parsed.guessed
        and all(m.term in index.translated for m in index.lookup(token.term))
        and not speller.resembles(word)
    )
