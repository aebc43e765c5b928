"""How often a thing happens, as a record says it: "всеки половин час", "на всеки три
месеца", "every half hour", "два пъти седмично", "once a year", "ежедневно". A sentence that
says it answers "колко често", "how often"."""

from __future__ import annotations

import re

from bot.engine.lexicon import (
    FREQUENCY_MARKS,
    FREQUENCY_TIMES,
    FREQUENCY_UNITS,
    FREQUENCY_WORDS,
    WEEKDAYS,
)
from bot.engine.periods import periods_of


def _either(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNITS = (*FREQUENCY_UNITS, *WEEKDAYS)  # "всеки петък", "every sunday"
_FREQUENCY = re.compile(
    rf"(?<!\w)(?:(?:{_either(FREQUENCY_MARKS)})(?:\s+\S+){{0,2}}?\s+(?:{_either(_UNITS)})"
    rf"|(?:{_either(FREQUENCY_TIMES)})|(?:{_either(FREQUENCY_WORDS)}))(?!\w)",
    re.IGNORECASE,
)


def states_frequency(text: str) -> bool:
    """True when a text says how often something happens, or a rate for a period ("4 часа помощ
    на ден")."""
    return bool(_FREQUENCY.search(text)) or bool(periods_of(text))
