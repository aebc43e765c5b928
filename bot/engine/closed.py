"""A typo in a word of the lexicon's closed vocabulary that stems like a word of the base.

"фира" and "стува" are no word any text writes, yet their stems ("фир", "став") are terms of
the base, so they pass for known words. The lexicon's topic cues and question words ("фирма",
"струва", "колко") are few; a word no text writes that is one slip of the hand from one of
them is that word. A slip keeps the first and the last letter (the ending tells another form
of a word: "други" is no "друго", "човека" no "човек") and is a letter left out, a letter
typed twice, two letters swapped, or (in a word of five letters or more) a letter replaced by
the key beside it; another letter put in or replaced is no slip ("часът" is no "част", "стари"
no "строи", "носи" no "нови"). Bulgarian typed in Latin letters is left alone: its fold makes
too many words alike ("stari", "find").
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine.fuzzy import TypoIndex, neighbours
from bot.engine.lexicon import QUESTION_WORDS, TOPIC_CUES, TYPO_QUESTION_WORDS
from bot.engine.normalize import Token, surface_words, tokens

MIN_LENGTH = 4  # shorter words are left alone: too many real words lie one slip apart
# the words a word that stems like a known one may be mistyped from ("фира": "фирма")
_CUES = (cue for cues in TOPIC_CUES.values() for cue in cues)
CUE_WORDS = frozenset(
    word for text in (*QUESTION_WORDS, *TYPO_QUESTION_WORDS, *_CUES) for word in surface_words(text)
)


def slip(typed: str, meant: str) -> bool:
    """True when typed is meant with one slip of the hand inside it (see the module)."""
    if len(typed) == len(meant) - 1:
        return any(meant[:i] + meant[i + 1 :] == typed for i in range(1, len(meant) - 1))
    if len(typed) == len(meant) + 1:
        return any(
            typed[i] == typed[i + 1] and typed[:i] + typed[i + 1 :] == meant
            for i in range(len(typed) - 1)
        )
    if len(typed) != len(meant):
        return False
    swapped = any(
        meant[:i] + meant[i + 1] + meant[i] + meant[i + 2 :] == typed for i in range(len(meant) - 1)
    )
    inside = typed[0] == meant[0] and typed[-1] == meant[-1] and len(typed) > MIN_LENGTH
    return swapped or (inside and neighbours(typed, meant))


class ClosedWords:
    """The lexicon's cue and question words, found again from a spelling with one slip
    (precomputed deletion neighbourhoods: a look-up is a handful of dictionary probes)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._cyrillic = TypoIndex()
        for word in words:
            found = tokens(word)
            if len(word) >= MIN_LENGTH and len(found) == 1 and found[0].cyrillic:
                self._cyrillic.add(word)

    def meant(self, word: str, token: Token) -> str | None:
        """The cue or question word that a Cyrillic word is one slip from, when no other is
        one typo from it ("какв" may be "какъв", "каква", "какви": none is meant), else None."""
        if len(word) < MIN_LENGTH or not token.cyrillic:
            return None
        near = self._cyrillic.near(word, short=True)
        return near[0] if len(near) == 1 and slip(word, near[0]) else None
