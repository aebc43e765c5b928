"""Two letters swapped in a form of a word that no text writes, found from the form itself.

"номеърт", "тноажа", "ehctares": two letters swapped in a form ("номерът") whose stem the base
writes ("номер") though no text writes that form, so no written word is one typo away. The
word's own few variants are tried instead, each pair of neighbours swapped back: a variant
that is written somewhere, or is a written stem with a word ending ("номер" and "ът"), is the
word meant when it is the only one. A swap that makes a letter double ("приютът": "приюттъ")
is none. The probes are one per letter, never a scan of the vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from bot.engine.normalize import tokens

MIN_LENGTH = 5  # in a shorter word too many swaps are words of their own


def unswapped(word: str, formed: Callable[[str], bool]) -> str | None:
    """The one form (formed: written, or a written stem with an ending) that word is with two
    neighbouring letters swapped back, or None (none, or several)."""
    if len(word) < MIN_LENGTH or word.isdigit():
        return None
    found: dict[str, str] = {}
    for at in range(len(word) - 1):
        swapped = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        around = swapped[max(at - 1, 0) : at + 3]
        doubled = any(a == b for a, b in pairwise(around))
        parts = tokens(swapped)
        if swapped != word and not doubled and len(parts) == 1 and formed(swapped):
            found.setdefault(parts[0].term, swapped)
    return next(iter(found.values())) if len(found) == 1 else None
