"""A landmark beside a place: "срещу какво се намира площадката", "до какво е пекарната", "next to
what is it". The sentences of the record that name what the place stands beside ("срещу старата
църква", "до пощата", "next to the stadium") answer, the project's places after them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.engine.detail import Found
from bot.engine.facts import Fact
from bot.engine.lexicon import LANDMARK_ASKED, LANDMARK_NOT, LANDMARK_WORDS
from bot.engine.normalize import to_latin

_ASKED = re.compile(
    r"\b(?:" + "|".join(re.escape(to_latin(p)) for p in LANDMARK_ASKED) + r")\b", re.IGNORECASE
)
# "срещу старата църква", "до пощата": a landmark word, then a common noun's first letter (not a
# town's: "стигна до Ладовица") of a word that names no time or amount ("до края на 2027")
_BESIDE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in LANDMARK_WORDS) + r")\s+"
    r"(?!(?:" + "|".join(re.escape(w) for w in LANDMARK_NOT) + r")\b)(?-i:[a-zа-яѝ])",
    re.IGNORECASE,
)


def asks_landmark(text: str) -> bool:
    """True when a question asks what a place stands beside ("срещу какво", "next to what")."""
    return bool(_ASKED.search(to_latin(text)))


def landmarks(record: Iterable[Fact]) -> list[Found]:
    """The sentences that name a landmark beside a place, the project's places first."""
    named = [f for f in record if any(map(_BESIDE.search, f.texts.values()))]
    return [Found(f, 1.0, 1.0) for f in sorted(named, key=lambda f: f.source != "locations")]
