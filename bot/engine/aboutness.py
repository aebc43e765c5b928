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

THING_WORDS = 2  # the thing asked about is its first noun and the word after it ("детска градина")
WHETHER_OR_WHEN = frozenset({None, "dates", "status", "summary"})
_ANSWER_NOUNS = frozenset(t for word in ANSWER_NOUNS for t in terms(word))


def things_asked(parsed: Parsed) -> list[str]:
    """The words of the question that name things of its own: no verb, no stop word, no
    village, not the thing counted, not the works ("ремонтът") nor a word for the answer."""
    places = {w for place in parsed.places for w in place}
    skip = parsed.verbs | places | WORK_TERMS | _ANSWER_NOUNS | set(parsed.counted)
    content = set(parsed.content) - skip - parsed.guessed - parsed.described
    asked = split_message(parsed.text).question  # not a noun of the context told before it
    return [t.term for t in tokens(asked) if t.term in content]


def about_another_thing(parsed: Parsed, number: int, index: ProjectIndex) -> bool:
    """True when the question asks whether or when works are done ("ще строят ли", "кога ще
    ремонтират") on a thing the project's record never speaks of ("ще строят ли мост до
    Румъния" of a tourist route with Romania; "детска градина" of a ski lift on "Детската
    поляна": both words of the thing must be the record's)."""
    asks_works = (  # not "who does the X": the firm or the supervision is a detail of the works
        parsed.works and parsed.answer in (None, "date") and parsed.topic in WHETHER_OR_WHEN
    )
    return asks_works and any(
        not _holds(index, number, thing) for thing in things_asked(parsed)[:THING_WORDS]
    )


def _holds(index: ProjectIndex, number: int, thing: str) -> bool:
    """True when the project's record holds the word, or another ending of it: not a shorter
    word it starts with ("градина" is not "град")."""
    return any(
        number in index.postings[m.term] and len(m.term) >= len(thing) - 1
        for m in index.lookup(thing)
    )
