"""Questions no municipal project answers: the weather, a timetable, a recipe, the wifi, a
superlative over the country; the words that mark them (lexicon `off_topic`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot.engine.lexicon import (
    FORECAST_DAYS,
    OFF_TOPIC,
    OFF_TOPIC_SERVICES,
    SUPERLATIVES,
    WIDE_SCOPES,
)
from bot.engine.normalize import Token

_OFF_TOPIC = frozenset(OFF_TOPIC)
_DAYS = frozenset(FORECAST_DAYS)
_SUPERLATIVES = frozenset(SUPERLATIVES)
_WIDE_SCOPES = frozenset(WIDE_SCOPES)


class OffTopic:
    """The words that mark a question as no project's on one knowledge base."""

    def __init__(self, written: Collection[str]) -> None:
        """written: the words the base writes. A service (lexicon off_topic_services) of which
        the base writes no word is off topic there ("is there free wifi in the library"); where
        a record writes one ("безплатен Wi-Fi в 9 села") it is asked of the projects."""
        services = (ws for ws in OFF_TOPIC_SERVICES.values() if not any(w in written for w in ws))
        self.words = _OFF_TOPIC | {word for words in services for word in words}

    def read(self, found: Sequence[Token]) -> tuple[frozenset[str], bool]:
        """The terms of the question's words (found) that mark it as no project's (a
        superlative, "най-високият връх в България", marks the scope it is asked over), and
        whether a day stands beside one ("времето утре", "the weather tomorrow"): the forecast,
        which no record gives though it speaks of "времето" ("времето за пътуване")."""
        marked = {t.term for t in found if t.written in self.words}
        if any(t.written in _SUPERLATIVES for t in found):
            marked |= {t.term for t in found if t.written in _WIDE_SCOPES}
        return frozenset(marked), bool(marked) and any(t.written in _DAYS for t in found)
