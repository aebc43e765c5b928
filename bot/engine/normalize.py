"""Fold Cyrillic, Bulgarian typed in Latin letters and English onto one comparable Latin key."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from bot.engine.bounded import CHARACTERS, TEXTS, Bounded

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u0301\u0300]")
# An HTML tag ("<b>", "</span>"), a terminal escape ("\x1b[0m") or another control character
# pasted with a message: none is a word of the question.
_MARKUP = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>"
    r"|\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,200}(?:\x07|\x1b\\)?|\x1b[@-_]?"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&#39;": "'"}
_ENTITY = re.compile("|".join(_ENTITIES))
# A backtick between two Latin letters is ъ as Bulgarian is typed in Latin ("k`de", "s`bota").
_HARD_SIGN = re.compile(r"(?<=[a-z])`(?=[a-z])")

# The official streamlined system (2009 Transliteration Act), lowercase.
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
    "ѝ": "i",
    "ё": "yo",
    "ы": "i",
    "э": "e",
    "є": "e",
    "і": "i",
    "ї": "i",
}
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)
_TOKEN = re.compile(r"[a-z0-9@]+")
_LETTER = re.compile(r"[a-z]")
_VOWELS = "aeiou"
_SHORT_J = 3  # letters at most of a word whose final j after a vowel is й ("plaj" is плаж)

# Informal Latin spellings folded onto one form, applied in order to each word.
_DIGIT_LETTERS = (("6t", "sht"), ("6", "sh"), ("4", "ch"), ("@", "a"))
_DIGIT_RUN = re.compile(r"\d\d")
_LETTERED_DIGITS = re.compile(r"(?<=[a-z])[46]{2}(?=[a-z])")  # "ko64eta" is кошчета, no code
_IA = re.compile(r"ия\b")
_DOUBLED = re.compile(r"([a-zA-Z])\1+")
_SPELLINGS = (
    ("w", "v"),
    ("x", "h"),
    ("q", "ya"),
    ("tz", "ts"),
    ("ck", "k"),
    ("iya", "ya"),
    ("ia", "ya"),
    ("iu", "yu"),
    ("ja", "ya"),
    ("ju", "yu"),
    ("jo", "yo"),
    ("zh", "Z"),
    ("j", "Z"),
    ("sht", "St"),
    ("sh", "S"),
    ("ch", "C"),
    ("ts", "c"),
    ("kh", "h"),
)


def without_markup(text: str) -> str:
    """A message without HTML tags, entities or terminal escapes pasted with its words."""
    if "<" not in text and "\x1b" not in text and "&" not in text and text.isprintable():
        return text
    text = _ENTITY.sub(lambda found: _ENTITIES[found.group()], _MARKUP.sub(" ", text))
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def clean(text: str) -> str:
    """NFKC, no invisible characters, lowercase, a typed ъ ("k`de") as its letter."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).lower()
    return _HARD_SIGN.sub("a", text) if "`" in text else text


def is_cyrillic_letter(char: str) -> bool:
    """True for a Cyrillic letter."""
    return "\u0400" <= char <= "\u04ff"


def to_latin(text: str) -> str:
    """Clean text and transliterate Cyrillic to Latin (official system, -ия -> -ia)."""
    text = clean(text)
    text = _IA.sub("ia", text)
    return text.translate(_CYRILLIC_TABLE)


def _fold_y(word: str) -> str:
    """'y' is й, ь, the ъ of informal spelling, or the onset of я/ю."""
    out = []
    for i, char in enumerate(word):
        if char != "y":
            out.append(char)
            continue
        nxt = word[i + 1] if i + 1 < len(word) else ""
        prev = word[i - 1] if i else ""
        if nxt and nxt in _VOWELS:
            out.append("Y")
        elif prev and prev not in _VOWELS and nxt and nxt not in _VOWELS:
            out.append("a")
        else:
            out.append("i")
    return "".join(out)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Fold one Latin word onto its key: informal variants, ambiguous vowels, doubled letters."""
    if _LETTER.search(word) and not _DIGIT_RUN.search(_LETTERED_DIGITS.sub("", word)):  # po4nat
        for old, new in _DIGIT_LETTERS:
            word = word.replace(old, new)
    if 2 <= len(word) <= _SHORT_J and word[-1] == "j" and word[-2] in _VOWELS:
        word = word[:-1] + "y"  # "koj", "moj", "naj": й typed as j (the phonetic keyboard)
    if word.endswith("ts") and len(word) > 4:
        word = word[:-1]  # English plurals (contacts) and a final ц fold together
    for old, new in _SPELLINGS:
        word = word.replace(old, new)
    word = _fold_y(word)
    word = word.replace("u", "a")
    word = _DOUBLED.sub(r"\1", word)
    return word


_SUFFIXES = sorted(
    {
        "ovete",
        "ite",
        "ata",
        "ate",
        "ove",
        "oto",
        "eto",
        "at",
        "Yat",
        "Ya",
        "ies",
        "ing",
        "es",
        "ed",
        "s",
        "a",
        "o",
        "e",
        "i",
    },
    key=len,
    reverse=True,
)


# Words whose ending is no ending: question words that would otherwise meet another word
# (кога/кого, защо/защото).
_KEEP = frozenset({"nevs", "statas", "bas", "gas", "plas", "koga", "kogo", "zaSto"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip one article or plural ending, keeping at least three letters."""
    if word.isdigit() or len(word) <= 3 or word in _KEEP:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("ing") and len(word) > 6:
        word = word[:-3]  # мониторинг-а and monitoring alike
    return _FLEETING.sub(r"\1", word) if len(word) >= 5 else word


# The fleeting ъ of Bulgarian adjectives and nouns: топъл/топлия, добър/добра, малък/малка.
_FLEETING = re.compile(r"(?<=[bcdfghklmnprstvzCSZ])a([lrkn])$")


def terms(text: str) -> list[str]:
    """Folded, stemmed words of text: the unit every comparison uses."""
    return [token.term for token in _tokens(text)]


class Token(NamedTuple):
    """A word of a text: its term (folded and stemmed), its fold, its script, and the word as
    written (lowercase; in Cyrillic when written in Cyrillic)."""

    term: str
    folded: str
    cyrillic: bool
    written: str


_SURFACE_WORD = re.compile(r"[^\W_]+|@")


def surface_words(text: str) -> list[str]:
    """The words of text as written, lowercase."""
    return _SURFACE_WORD.findall(clean(text))


def tokens(text: str) -> list[Token]:
    """The words of text, in the order and number of terms(text)."""
    return list(_tokens(text))


_TEXTS: Bounded[str, tuple[Token, ...]] = Bounded(2 * TEXTS, CHARACTERS)


def _tokens(text: str) -> tuple[Token, ...]:
    found = _TEXTS.get(text)
    if found is None:
        found = tuple(chain.from_iterable(map(_word_tokens, surface_words(text))))
        _TEXTS.keep(text, found)
    return found


def forget_texts() -> None:
    """Forget the tokens of whole texts (those of single words stay)."""
    _TEXTS.clear()


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[Token, ...]:
    cyrillic = is_cyrillic_letter(word[0])
    return tuple(
        Token(stem(folded), folded, cyrillic, word)
        for folded in map(fold_word, _TOKEN.findall(to_latin(word)))
    )


def key(text: str) -> str:
    """A whole phrase as one folded, stemmed string, for fuzzy phrase comparison."""
    return " ".join(terms(text))


_WORD = re.compile(r"[\w@]+")
_ARTICLE = re.compile(r"(ът|ата|ята|ото|ето|ите)$")  # not -ят: mostly a verb (правят, ходят)


def subject_terms(text: str) -> list[str]:
    """Terms of Bulgarian nouns with a definite article (метрото, наемът): likely the subject."""
    found = []
    for token in _WORD.findall(clean(text)):
        if len(token) >= 5 and _ARTICLE.search(token) and is_cyrillic_letter(token[0]):
            found.extend(terms(token))
    return found
