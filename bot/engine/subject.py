"""What a question says about its subject beyond the project's name: a noun no record uses, the
thing whose price is asked, a relative clause that describes it, a pronoun that points back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.engine.fuzzy import TYPO_SIMILARITY, Match
from bot.engine.index import ProjectIndex
from bot.engine.lexicon import (
    ANAPHORA,
    CLOSING_ANAPHORA,
    CLOSING_ANAPHORA_NOT_AFTER,
    ENGLISH_VERB_ENDINGS,
    ENGLISH_VERBS,
    ENGLISH_WORDS,
    MUNICIPALITY,
    PARTICIPLE_ENDINGS,
    POINTERS,
    PRICE_QUESTIONS,
    PRICE_VERBS,
    RELATIVE_PRONOUNS,
    STOPWORDS,
    TYPO_QUESTION_WORDS,
    UNITS,
    VERB_ENDINGS,
    WORK_NOUNS,
)
from bot.engine.normalize import Token, surface_words, terms, tokens
from bot.engine.spelling import Speller

if TYPE_CHECKING:
    from bot.engine.parsed import Parsed

_ANAPHORA = frozenset(ANAPHORA)
_CLOSING = frozenset(CLOSING_ANAPHORA)
_NOT_AFTER = frozenset(CLOSING_ANAPHORA_NOT_AFTER)
_POINTERS = frozenset(POINTERS)
_RELATIVE = frozenset(RELATIVE_PRONOUNS)
_PRICES = frozenset(tuple(terms(phrase)) for phrase in PRICE_QUESTIONS)
_PRICE_VERBS = frozenset(t for word in PRICE_VERBS for t in terms(word))
_PAYERS = frozenset(t for word in MUNICIPALITY if " " not in word for t in terms(word))
WORK_TERMS = frozenset(t for word in WORK_NOUNS for t in terms(word))
_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")
_UNIT_TERMS = frozenset(t for words in UNITS.values() for w in words for t in terms(w))
_LATIN_CONSONANTS = frozenset("bcdfghklmnpqrstvwxzCSZ")
_FOLDED_PARTICIPLES = tuple(t.folded for ending in PARTICIPLE_ENDINGS for t in tokens(ending))
ENGLISH_VERB_FORMS = frozenset(ENGLISH_VERBS)
ENGLISH = ENGLISH_VERB_FORMS | frozenset(ENGLISH_WORDS)  # common English words: no typos
_LATIN_STOPWORDS = frozenset(w for w in STOPWORDS if w.isascii())
# Bulgarian little words and question words as typed in Latin letters ("li", "za", "6te",
# "kolko") that no English word is
_BULGARIAN_SIGNS = frozenset(
    t.folded
    for w in (*STOPWORDS, *TYPO_QUESTION_WORDS)
    if not w.isascii()
    for t in tokens(w)
    if len(t.folded) >= 2
) - {t.folded for w in (*_LATIN_STOPWORDS, *ENGLISH) for t in tokens(w)}
_FOLDED_VERB_ENDINGS = tuple(t.folded for ending in VERB_ENDINGS for t in tokens(ending))


def refers_back(question: str) -> bool:
    """True when a pronoun of the question points back to what was talked about, or a place
    adverb closes it ("who do I call about a broken swing there"; not "is there a pool")."""
    words = surface_words(question)
    closing = bool(words) and words[-1] in _CLOSING
    closing = closing and (len(words) < 2 or words[-2] not in _NOT_AFTER)
    return closing or any(w in _ANAPHORA for w in words)


def asks_price(words: Sequence[str], positions: Sequence[int]) -> bool:
    """True when the amount phrase at positions asks the price of the words after it."""
    return tuple(words[i] for i in positions) in _PRICES


_CLAUSE_END = re.compile(r"[,;:?!]")


def relative_clause(question: str) -> list[str]:
    """The terms of the clauses that a relative pronoun opens, to the next comma or the end."""
    found: list[str] = []
    for number, clause in enumerate(_CLAUSE_END.split(question)):
        words = surface_words(clause)
        at = next((i for i, w in enumerate(words) if w in _RELATIVE), None)
        if at is not None and (at > 0 or number > 0):  # a question's first word asks
            found += [t for w in words[at + 1 :] for t in terms(w)]
    return found


def pointing(message: str) -> bool:
    """True when the message points at a thing of the kind talked about ("а онзи от 2016?")."""
    return not _POINTERS.isdisjoint(surface_words(message))


def priced(parsed: Parsed, start: int) -> list[str]:
    """The words of the thing priced, from start to a stop word or a price verb ("хлябът в
    ...", "the bread cost"); none when they are the works themselves ("ремонтът", "it"), or
    when another verb follows them (they pay: "how much is the state paying"), or when they are
    the municipality, who pays ("how much does the municipality put in"); a number is none."""
    words: list[str] = []
    for i in range(start, len(parsed.words)):
        word = parsed.words[i]
        if word in WORK_TERMS or word in _PAYERS:
            return []
        if word in _PRICE_VERBS or (i in parsed.quiet and words):
            break
        if word in parsed.verbs:
            return []
        if i not in parsed.quiet and not word.isdigit():  # "summer camp 2": an edition's number
            words.append(word)
    return words


def pronoun_one(words: Sequence[str], positions: Sequence[int], quiet: set[int]) -> bool:
    """True for an English "one" right after a word of content: that one of a list ("the
    beekeepers one, how much money"), no price of one thing ("how much for one")."""
    at = positions[0]
    return len(positions) == 1 and words[at] == "one" and at > 0 and at - 1 not in quiet


def typed_bulgarian(found: Sequence[Token]) -> bool:
    """True when a question in Latin letters is Bulgarian: it has one of Bulgarian's little words
    that no English word is ("li", "za", "6te")."""
    return any(not t.cyrillic and t.folded in _BULGARIAN_SIGNS for t in found)


def is_strange(
    token: Token, parsed: Parsed, index: ProjectIndex, speller: Speller, latin: bool
) -> bool:
    """True for a Bulgarian noun the knowledge base never uses: a word of three letters or
    more ending in a consonant that ends no verb form or participle, typed as it is (a word only
    the glossary gives, "басейн" for an English "pools", is not used by the staff). A unit
    ("тонаж") is the measure asked, no thing. A Cyrillic word's stem with one letter replaced
    ("тунел", "табел") is no use of it: the speller finds the typos of a word as written (one
    letter more or less is another ending: "депото", "депо")."""
    return (
        noun_shaped(token, latin)
        and token.term in parsed.content
        and token.term not in WORK_TERMS | _UNIT_TERMS
        and token.term not in parsed.verbs | parsed.guessed
        and all(m.term in index.translated or _replaced(token, m) for m in index.lookup(token.term))
        and not speller.resembles(token.written)
    )


def _replaced(token: Token, match: Match) -> bool:
    """True when a Cyrillic word's stem was found with one of its letters replaced."""
    same = len(match.term) == len(token.term) and match.similarity == TYPO_SIMILARITY
    return token.cyrillic and same


def noun_shaped(token: Token, latin: bool) -> bool:
    """True for a word of three letters or more ending in a consonant that ends no verb form or
    participle: as written in Cyrillic, or as folded in a Bulgarian question typed in Latin
    letters (latin: "a basein 6te pravqt li"), then no common English word either."""
    if token.cyrillic:
        word = token.written
        return len(word) >= 3 and word[-1] in _CONSONANTS and not word.endswith(PARTICIPLE_ENDINGS)
    word = token.folded
    return (
        latin
        and len(word) >= 3
        and word[-1] in _LATIN_CONSONANTS
        and not word.endswith(_FOLDED_PARTICIPLES + _FOLDED_VERB_ENDINGS)
        and not token.written.endswith(ENGLISH_VERB_ENDINGS)
        and token.written not in ENGLISH
    )
