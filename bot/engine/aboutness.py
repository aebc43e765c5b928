"""Is a question about the project found at all? Works asked of a thing (its first noun of its
own) are the project's only when its record speaks of that thing: "ще строят ли мост до Румъния"
is not about a cross-border tourist route that names Romania."""

from __future__ import annotations

from bot.engine.index import ProjectIndex
from bot.engine.lexicon import ANSWER_NOUNS
from bot.engine.message import split_message
from bot.engine.normalize import terms, tokens
from bot.engine.question import Parsed
from bot.engine.subject import WORK_TERMS

WHETHER_OR_WHEN = frozenset({None, "dates", "status", "summary"})
_ANSWER_NOUNS = frozenset(t for word in ANSWER_NOUNS for t in terms(word))


def thing_asked(parsed: Parsed) -> str | None:
    """The first word of the question that names a thing of its own: no verb, no stop word, no
    village, not the thing counted, not the works ("ремонтът") nor a word for the answer."""
    places = {w for place in parsed.places for w in place}
    skip = parsed.verbs | places | WORK_TERMS | _ANSWER_NOUNS | set(parsed.counted)
    content = set(parsed.content) - skip - parsed.guessed - parsed.described
    asked = split_message(parsed.text).question  # not a noun of the context told before it
    return next((t.term for t in tokens(asked) if t.term in content), None)


def about_another_thing(parsed: Parsed, number: int, index: ProjectIndex) -> bool:
    """True when the question asks whether or when works are done ("ще строят ли", "кога ще
    ремонтират") on a thing the project's record never speaks of ("ще строят ли мост до
    Румъния" of a tourist route with Romania)."""
    asks_works = (  # not "who does the X": the firm or the supervision is a detail of the works
        parsed.works and parsed.answer in (None, "date") and parsed.topic in WHETHER_OR_WHEN
    )
    thing = thing_asked(parsed) if asks_works else None
    if thing is None:
        return False
    return not any(number in index.postings[m.term] for m in index.lookup(thing))
