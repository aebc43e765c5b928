"""Noisy variants of a question set: one random typo, and Bulgarian typed in Latin letters.

Both are seeded by the question itself, so every run asks exactly the same variants.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from benchmarks.evaluation import QuestionSet

SEED = "munibot-variants-1"
_WORD = re.compile(r"[^\W\d_]+")
_ROWS = (
    "qwertyuiop", "asdfghjkl", "zxcvbnm",
    "явертъуиопшщ", "асдфгхйкл", "зьцжбнм",  # the Bulgarian phonetic layout
)  # fmt: skip
_LATIN = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g",), "д": ("d",), "е": ("e",),
    "ж": ("zh", "j"), "з": ("z",), "и": ("i",), "й": ("y", "i"), "к": ("k",), "л": ("l",),
    "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",),
    "у": ("u",), "ф": ("f",), "х": ("h",), "ц": ("ts", "c"), "ч": ("ch", "4"),
    "ш": ("sh", "6"), "щ": ("sht", "6t"), "ъ": ("a", "u", "y"), "ь": ("y",),
    "ю": ("yu", "iu"), "я": ("ya", "q", "ia"),
}  # fmt: skip


def _neighbours(char: str) -> str:
    lower = char.lower()
    for number, row in enumerate(_ROWS):
        if lower in row:
            at = row.index(lower)
            near = row[max(at - 1, 0) : at + 2].replace(lower, "")
            block = number // 3 * 3
            for other in (number - 1, number + 1):
                if block <= other < block + 3:
                    near += _ROWS[other][max(at - 1, 0) : at + 1]
            return near
    return ""


def typo(text: str, rng: random.Random) -> str | None:
    """One typo in one word of >= 4 letters: a letter dropped, doubled, swapped or mistyped."""
    words = [m for m in _WORD.finditer(text) if len(m.group()) >= 4]
    if not words:
        return None
    match = rng.choice(words)
    word = match.group()
    at = rng.randrange(len(word))
    kind = rng.choice(("drop", "double", "swap", "neighbour"))
    if kind == "swap" and at == len(word) - 1:
        at -= 1
    near = _neighbours(word[at])
    if kind == "neighbour" and not near:
        kind = "drop"
    if kind == "drop":
        new = word[:at] + word[at + 1 :]
    elif kind == "double":
        new = word[: at + 1] + word[at:]
    elif kind == "swap":
        new = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    else:
        new = word[:at] + rng.choice(near) + word[at + 1 :]
    if new == word:
        new = word[:at] + word[at + 1 :]
    return text[: match.start()] + new + text[match.end() :]


def latin(text: str, rng: random.Random) -> str | None:
    """Cyrillic typed in Latin letters as people do, one spelling habit chosen per word."""
    if not re.search("[а-яА-Я]", text):
        return None
    out = []
    for token in re.split(r"(\W+)", text):
        habit = rng.randrange(3)
        letters = []
        for char in token:
            options = _LATIN.get(char.lower())
            if options is None:
                letters.append(char)
                continue
            latin_char = options[habit % len(options)]
            letters.append(latin_char.capitalize() if char.isupper() else latin_char)
        out.append("".join(letters))
    return "".join(out)


def variants(questions: QuestionSet, kind: str) -> tuple[QuestionSet, QuestionSet]:
    """The answerable single questions that have a variant (typo or latin), and their variants."""
    make = typo if kind == "typo" else latin
    clean = QuestionSet(f"{questions.name} (clean)")
    noisy = QuestionSet(f"{questions.name} ({kind})")
    for expected in questions.singles:
        if not expected.answerable:
            continue
        varied = make(expected.question, random.Random(f"{SEED}:{kind}:{expected.question}"))
        if varied is not None and varied != expected.question:
            clean.singles.append(expected)
            noisy.singles.append(replace(expected, question=varied))
    return clean, noisy
