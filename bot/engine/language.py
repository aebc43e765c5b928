"""Decide whether a question is Bulgarian (Cyrillic or Latin-typed) or English."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.engine.bounded import CHARACTERS, TEXTS, Bounded
from bot.engine.lexicon import (
    ANSWER_TYPES,
    LIST_CUES,
    MUNICIPALITY,
    MUNICIPALITY_NOUNS,
    OTHER_LANGUAGE_WORDS,
    SMALL_TALK,
    STOPWORDS,
    TOPIC_CUES,
    without_signs,
)
from bot.engine.normalize import clean, fold_word, is_cyrillic_letter, stem, terms, to_latin
from bot.knowledge import KnowledgeBase, Text

_LATIN_WORD = re.compile(r"[a-z]+")
_CYRILLIC_RUN = re.compile("[\u0400-\u04ff]+")  # as is_cyrillic_letter
# a run of word characters but digits: every letter (str.isalpha) is in one (a run may hold
# other characters that are no letter, such as "²")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_COMMAND = re.compile(r"(?<![\w/])/[a-z_]+(@\w+)?", re.IGNORECASE)  # Telegram's, always Latin
_SHLIOKAVITSA = re.compile(r"[a-z][46][a-z]|[a-z]6t|\bq[a-z]|[a-z]q\b", re.IGNORECASE)
# (never "a": the Latin-typed Bulgarian "а" of a follow-up, "a koga", "a v ponedelnik")
ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the an of for to in on at by with is are was were be been it its this that these those
    what which who whom how when where why please tell me i you we do does did can could
    would will there any some about much many has have had from and or my our your get give
    show cost costs budget project projects news contact contacts phone start end who's
    what's pays paid funded funding finish finished done status results goals partners
    """.split()
)


_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_RUSSIAN_LETTERS = re.compile("[ыэёіїєґЫЭЁІЇЄҐ]")  # Russian's and Ukrainian's, never Bulgarian's
_WORDS = re.compile(r"\w+")
_OTHER_WORDS = frozenset(OTHER_LANGUAGE_WORDS)


def other_language(text: str) -> bool:
    """True for a message in a language the bot does not answer in: Greek (most of its letters),
    or Russian or Ukrainian (two of their own letters or words Bulgarian does not have)."""
    greek = len(_GREEK.findall(text))
    if greek:  # letters are counted only where a Greek one is found
        letters = sum(c.isalpha() for c in text)
        if letters and greek * 2 > letters:
            return True
    own = len(_OTHER_WORDS.intersection(_WORDS.findall(text.lower())))
    return len(_RUSSIAN_LETTERS.findall(text)) + own >= 2


def _has_cyrillic(text: str) -> bool:
    return any(is_cyrillic_letter(char) for char in text)


SAMPLE = 300  # projects whose words teach the detector (enough to tell bg from en)


def _texts(knowledge: KnowledgeBase, lang: str) -> list[str]:
    found: list[str] = []
    for project in knowledge.projects[:SAMPLE]:
        values: list[Text | None] = [project.title, project.short_title, project.summary]
        values += [project.programme, *project.locations, *project.goals, *project.results]
        found += [v.get(lang) for v in values if v is not None and v.has(lang) and not v.universal]
    return found


@dataclass
class LanguageDetector:
    """Tells bg from en using the script, English function words and the two vocabularies."""

    bg_terms: set[str] = field(default_factory=set)
    en_terms: set[str] = field(default_factory=set)
    bg_words: set[str] = field(default_factory=set)
    en_words: set[str] = field(default_factory=set)
    # a message asked again is told once (bounded: a running bot meets new messages forever)
    _told: Bounded[str, str | None] = field(
        default_factory=lambda: Bounded(TEXTS, CHARACTERS), repr=False, compare=False
    )

    @classmethod
    def build(cls, bg_texts: Iterable[str], en_texts: Iterable[str]) -> LanguageDetector:
        """Learn the vocabulary of each language from texts (plus the built-in lexicon)."""
        lexicon = [*STOPWORDS, *LIST_CUES, *MUNICIPALITY, *MUNICIPALITY_NOUNS]
        for groups in (TOPIC_CUES, SMALL_TALK, ANSWER_TYPES):
            lexicon += [phrase for phrases in groups.values() for phrase in phrases]
        bg_words = [word for word in lexicon if _has_cyrillic(word)]
        en_words = [word for word in lexicon if not _has_cyrillic(word)]
        bg_texts, en_texts = [*bg_words, *bg_texts], [*en_words, *en_texts]
        bg = {t for text in bg_texts for t in terms(text)}
        en = {t for text in en_texts for t in terms(text)}
        bg_raw = {w for text in bg_texts for w in _LATIN_WORD.findall(to_latin(text))}
        en_raw = {w for text in en_texts for w in _LATIN_WORD.findall(clean(text))}
        return cls(bg - en, en - bg, bg_raw - en_raw, en_raw - bg_raw)

    @classmethod
    def learn(cls, knowledge: KnowledgeBase) -> LanguageDetector:
        """A detector that knows the words of a knowledge base in each language."""
        return cls.build(_texts(knowledge, "bg"), _texts(knowledge, "en"))

    def forget(self) -> None:
        """Forget the messages told."""
        self._told.clear()

    def detect(self, text: str, default: str = "bg") -> str:
        """'bg' or 'en' for text; a command (/start) says nothing of the language."""
        told = self._told[text] if text in self._told else self._told.keep(text, self._tell(text))
        return told or default

    def _tell(self, text: str) -> str | None:
        """'bg' or 'en' for text, or None when it does not tell."""
        text = clean(_COMMAND.sub(" ", without_signs(text)))
        letters = "".join(
            run if run.isalpha() else "".join(filter(str.isalpha, run))
            for run in _LETTER_RUN.findall(text)
        )
        if not letters:
            return None
        cyrillic = sum(map(len, _CYRILLIC_RUN.findall(letters)))
        if cyrillic * 2 >= len(letters):
            return "bg"
        english = sum(2 for word in _LATIN_WORD.findall(text) if word in ENGLISH_FUNCTION_WORDS)
        bulgarian = 2 if _SHLIOKAVITSA.search(text) else 0
        for word in _LATIN_WORD.findall(text):
            term = stem(fold_word(word))
            if word in self.en_words or (word not in self.bg_words and term in self.en_terms):
                english += 1
            elif word in self.bg_words or term in self.bg_terms:
                bulgarian += 1
        if bulgarian == english:
            return None
        return "bg" if bulgarian > english else "en"
