"""Find the question in a message: greetings, apologies and context sentences are set aside.

"Здравейте! Живея във Ветрен дол и чух, че ще има отопление. Колко семейства ще го ползват?"
asks "Колко семейства ще го ползват?"; the sentence before it is context, which may support
the answer ("there" is Ветрен дол) but never counts against it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.engine.bounded import CHARACTERS, TEXTS, Bounded
from bot.engine.lexicon import (
    ABBREVIATIONS,
    CONTEXT_JOINS,
    CONTRAST_WORDS,
    EXPLAINING_JOINS,
    FILLER,
    HANDING_WORDS,
    NEED_WORDS,
    QUESTION_WORDS,
    SMALL_TALK,
    SMALL_TALK_SIGNS,
    STATUS_WORDS,
    STOPWORDS,
    TELLING_NOUNS,
    without_signs,
)
from bot.engine.normalize import terms, tokens
from bot.engine.topics import PhraseHit, PhraseSpotter

MAX_MESSAGE = 1500
FRIENDLY_SIGN = "emoji"  # the kind of a smile or any other emoji alone
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_ABBREVIATION = re.compile(  # "ул." or "Св." ends no sentence (the lexicon's abbreviations)
    r"(?:^|[\s(„\"])(?:" + "|".join(re.escape(a) for a in (*ABBREVIATIONS, "г", "к")) + r")\.$",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\s*[,;:–—]\s*|\s+-\s+")
# a status phrase is no small talk and is read whole first ("have not started": no "start")
_SMALL_TALK = PhraseSpotter(
    [
        *((kind, phrase, None) for kind, phrases in SMALL_TALK.items() for phrase in phrases),
        *(("", phrase, None) for phrases in STATUS_WORDS.values() for phrase in phrases),
    ],
    remember=True,
)
_QUESTION = PhraseSpotter((("q", word, None) for word in QUESTION_WORDS), remember=True)
Starts = tuple[tuple[int, frozenset[tuple[str, ...]]], ...]  # by length, each length's phrases


def _by_length(words: Iterable[str]) -> Starts:
    """The phrases of words' terms, by their length."""
    found: dict[int, set[tuple[str, ...]]] = {}
    for word in words:
        phrase = tuple(terms(word))
        found.setdefault(len(phrase), set()).add(phrase)
    return tuple((size, frozenset(phrases)) for size, phrases in sorted(found.items()))


_JOINS = _by_length(CONTEXT_JOINS)
_CONTRAST = _by_length(CONTRAST_WORDS)
_EXPLAINING = _by_length(EXPLAINING_JOINS)
_TELLING = frozenset(t for word in TELLING_NOUNS for t in terms(word))
_QUIET = frozenset(t for word in (*STOPWORDS, *FILLER) for t in terms(word))
_HANDING = frozenset(t for word in HANDING_WORDS for t in terms(word))
_NEED = frozenset(t for word in NEED_WORDS for t in terms(word))
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Message:
    """What a message asks, what it says around the question, and its small talk."""

    question: str
    context: str = ""
    small_talk: frozenset[str] = field(default_factory=frozenset)


def _small_talk(words: list[str]) -> tuple[set[str], bool]:
    """The kinds of small talk in words, and whether nothing else is said."""
    hits = [hit for hit in _SMALL_TALK.find(words) if hit.label]
    if not hits:  # most sentences
        return set(), False
    used = {i for hit in hits for i in hit.positions}
    rest = [w for i, w in enumerate(words) if i not in used and w not in _QUIET]
    return {hit.label for hit in hits}, not rest


def sentences(text: str) -> list[str]:
    """The sentences of text (an abbreviation such as "кв." or "ул." ends none)."""
    found: list[str] = []
    for piece in _SENTENCE.split(text):
        if not piece.strip():
            continue
        if found and _ABBREVIATION.search(found[-1]):
            found[-1] = f"{found[-1]} {piece}"
        else:
            found.append(piece)
    return found


def _question_words(text: str, words: list[str]) -> list[PhraseHit]:
    """The question words of text (words: its terms); an English one is never a word written
    in Cyrillic ("живея до дигата": "до" folds like "do", but does not ask)."""
    return _QUESTION.find(words, cyrillic=[token.cyrillic for token in tokens(text)])


def _asks(text: str, words: list[str]) -> bool:
    """A question: it ends with "?", or it holds a question word and no full stop ends it
    ("помним как лятото нямаше вода." tells, it does not ask)."""
    end = text.rstrip()[-1:]
    return end == "?" or (end not in (".", "!") and bool(_question_words(text, words)))


def asks_anything(text: str) -> bool:
    """True when text holds a question word (or is one)."""
    return bool(_question_words(text, terms(text)))


def _clause_asks(text: str, words: list[str]) -> bool:
    return text.rstrip().endswith("?") or bool(_question_words(text, words))


def says_nothing(words: list[str]) -> bool:
    """True when a question says nothing of its own ("коя е?", "кога беше?", "кажете ми го"):
    every word is a question word, a stop word or filler."""
    asked = {i for hit in _QUESTION.find(words) for i in hit.positions}
    return all(i in asked or w in _QUIET or len(w) < 2 for i, w in enumerate(words))


def _explains(asking: list[str], words: list[str]) -> bool:
    """True when a clause after the question says why it is asked ("колко пласта асфалт, че се
    чудя дали ще издържи"), not what ("вярно ли е, че ...", "кога излезе новината, че ...")."""
    before = terms(asking[-1])
    return (
        _starts(words, _EXPLAINING)
        and not says_nothing(terms(" ".join(asking)))
        and not (before and before[-1] in _TELLING)
    )


def _starts(words: list[str], phrases: Starts) -> bool:
    """True when words begin with one of the phrases (one look-up for each length)."""
    return any(size <= len(words) and tuple(words[:size]) in same for size, same in phrases)


def _question_clauses(sentence: str) -> tuple[str, str]:
    """The clauses of a question sentence that ask, and the ones that only set the scene."""
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    asking: list[str] = []
    scene: list[str] = []
    started = telling = False
    for clause in clauses:
        words = terms(clause)
        if _starts(words, _CONTRAST):
            scene += asking
            asking, started = [], False
        _, only_talk = _small_talk(words)
        if not started and (only_talk or not _clause_asks(clause, words)):
            scene.append(clause)
            continue
        if (
            _starts(words, _JOINS)
            or (asking and _explains(asking, words))
            or (telling and not _clause_asks(clause, words))
        ):  # "..., защото съседите ми казаха", "..., понеже се чудя – аз съм готвачка": context
            scene.append(clause)  # goes on until a clause asks again
            telling = True
            continue
        started, telling = True, False
        asking.append(clause)
    if scene and asking and says_nothing(terms(" ".join(asking))):
        asking.insert(0, scene.pop())  # "чух, че някаква фирма е дарила пари – коя е?"
    return ", ".join(asking), ", ".join(scene)


def _signs(text: str) -> frozenset[str]:
    """The small talk of a message of signs alone ("👍", "👋", "???", ":D"): none when it has a
    word; an emoji the lexicon does not list ("🎉", "🐶") is friendly, as a smile is."""
    if any(char.isalnum() for char in without_signs(text)):
        return frozenset()
    kinds = frozenset(
        kind for kind, signs in SMALL_TALK_SIGNS.items() if any(sign in text for sign in signs)
    )
    if not kinds and any(unicodedata.category(char) == "So" for char in text):
        return frozenset({FRIENDLY_SIGN})
    return kinds


_SPLITS: Bounded[str, Message] = Bounded(TEXTS, CHARACTERS)


def split_message(text: str) -> Message:
    """The question of a message, its context and the kinds of small talk in it (a message
    asked again is read once)."""
    found = _SPLITS.get(text)
    return _SPLITS.keep(text, _split(text)) if found is None else found


def forget_splits() -> None:
    """Forget the messages read."""
    _SPLITS.clear()


def _split(text: str) -> Message:
    """The question of a message, its context and the kinds of small talk in it.

    The questions are the sentences that end with "?"; without one, those that hold a question
    word; without one, the last sentence.
    """
    text = text[:MAX_MESSAGE].strip()
    kinds: set[str] = set(_signs(text))
    if kinds and without_signs(text) != text:
        return Message("", "", frozenset(kinds))  # ":D" alone: its letter is no word
    said: list[tuple[str, list[str]]] = []
    for sentence in sentences(text):
        words = terms(sentence)
        found, only_talk = _small_talk(words)
        kinds |= found
        if not only_talk:
            said.append((sentence, words))
    if not said:
        return Message(text if not kinds else "", "", frozenset(kinds))
    asked = [s for s, w in said if _asks(s, w)]
    if not asked:
        asked = [s for s, w in said if _question_words(s, w)] or [said[-1][0]]
    questions: list[str] = []
    context: list[str] = []
    for sentence, _ in said:
        if sentence not in asked:
            context.append(sentence)
            continue
        asking, scene = _question_clauses(sentence)
        questions.append(asking or sentence)
        context.append(scene if asking else "")  # no clause asks: it is all question, no scene
    _hand_over(said, asked, questions, context)
    return Message(" ".join(questions), " ".join(c for c in context if c), frozenset(kinds))


def _hand_over(
    said: list[tuple[str, list[str]]], asked: list[str], questions: list[str], context: list[str]
) -> None:
    """A request that names nothing ("Можете ли да ми го дадете?", "Имате ли го?") asks for what
    the sentence before it needs ("... и ми трябва номерът на договора."): that part is asked."""
    words = terms(questions[0]) if len(questions) == 1 else []
    if _HANDING.isdisjoint(words) or not says_nothing([w for w in words if w not in _HANDING]):
        return  # "Кога беше това?" asks its own, of the context
    at = next(i for i, (sentence, _) in enumerate(said) if sentence == asked[0])
    if at == 0 or said[at - 1][0] in asked or context[at - 1] != said[at - 1][0]:
        return
    before, needed = _needed(*said[at - 1])
    if needed:
        questions[0] = f"{needed}, {questions[0]}"
        context[at - 1] = before


def _needed(sentence: str, words: list[str]) -> tuple[str, str]:
    """A sentence split before its first word of need or question word ("трябва номерът на
    договора", "кой кмет даде старт"); the second part is empty when it has neither."""
    starts = [i for i, w in enumerate(words) if w in _NEED]
    starts += [hit.positions[0] for hit in _question_words(sentence, words)]
    first, at = min(starts, default=len(words)), 0
    for match in _WORD.finditer(sentence):
        if at >= first:
            return sentence[: match.start()], sentence[match.start() :].rstrip(" .!")
        at += len(terms(match.group()))
    return sentence, ""
