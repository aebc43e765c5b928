"""Is a question about the project found at all? Works asked of a thing, or whether a thing is
there, are the project's only when its record speaks of that thing: "ще строят ли мост до
Румъния" is not about a cross-border tourist route that names Romania."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.events import event_terms
from bot.engine.facts import LINK_ABOUT
from bot.engine.index import NAME, ProjectIndex
from bot.engine.lexicon import EXISTENCE
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.shapes import ANSWER_NOUN_TERMS
from bot.engine.subject import WORK_TERMS

THING_WORDS = 2  # the thing asked about is its first noun and the word after it ("детска градина")
EXISTENCE_REACH = 4  # "има ли (нов) (проект) (за) X": how far after "има ли" the thing may start
WHETHER_OR_WHEN = frozenset({None, "dates", "status", "summary"})
SURE_MATCH = 0.85  # a word matched less closely is a likely typo of another, or another word
_EXISTENCE = tuple(tuple(terms(phrase)) for phrase in EXISTENCE)
_EXISTENCE_FIRSTS = frozenset(phrase[0] for phrase in _EXISTENCE)


def thing_asked(parsed: Parsed, start: int = 0, within: int | None = None) -> list[str]:
    """The thing asked about, from position start (and no further than within words from it):
    its first word of its own (no verb, no stop word, no village, not the thing counted, not
    the works, "ремонтът", nor a word for the answer) and the word right after it when that is
    one too ("детска градина")."""
    places = {w for place in parsed.places for w in place}
    skip = parsed.verbs | places | WORK_TERMS | ANSWER_NOUN_TERMS | set(parsed.counted)
    own = set(parsed.content) - skip - parsed.guessed - parsed.described
    words = parsed.words
    end = len(words) if within is None else min(len(words), start + within)
    at = next((i for i in range(start, end) if words[i] in own and i not in parsed.quiet), None)
    if at is None:
        return []
    return [w for w in words[at : at + THING_WORDS] if w in own]


def about_another_thing(
    parsed: Parsed, number: int, index: ProjectIndex, describes: Callable[[int, str], bool]
) -> bool:
    """True when the question asks whether or when works are done ("ще строят ли", "кога ще
    ремонтират"), or whether a thing is there ("има ли проект за басейн"), of a thing the
    project's record never speaks of ("ще строят ли мост до Румъния" of a tourist route with
    Romania; "детска градина" of a ski lift on "Детската поляна": both words of the thing must
    be the record's). An event asked with a date ("кога направиха първа копка") is dated by
    the sentence that names it, whatever the record's title says."""
    if parsed.answer not in (None, "date") or parsed.topic not in WHETHER_OR_WHEN:
        return False  # "who does the X": the firm or the supervision is a detail of the works
    after = _existence_end(parsed.words)
    if parsed.works:
        thing = thing_asked(parsed)
    elif after is not None:  # the thing is said right after "има ли" ("има ли проект за X")
        thing = thing_asked(parsed, after, EXISTENCE_REACH)
    else:
        return False
    event = bool(event_terms(thing))  # "кога направиха първа копка": an event's date
    if (
        parsed.answer == "date"
        and thing
        and not event
        and not _about(index, number, thing[0], describes)
    ):
        return True  # "кога ще ремонтират моста", "кога ще има стадион": what a lane passes
    linked = bool(index.projects[number].links)  # "има ли снимки": its links hold photos
    return any(
        not _holds(index, number, word) for word in thing if not (linked and word in LINK_ABOUT)
    )


def _about(
    index: ProjectIndex, number: int, word: str, describes: Callable[[int, str], bool]
) -> bool:
    """True when the project's names ("кея" of the aliases) or its title or summary hold the
    word: it is what the project is about. A word the base holds only as a likely typo of
    another ("басейн" of "basin") is none of them."""
    sure = [m for m in index.lookup(word) if m.similarity >= SURE_MATCH]
    named = any(index.postings[m.term].get(number, 0.0) >= NAME for m in sure)
    return named or (bool(sure) and describes(number, word))


def _holds(index: ProjectIndex, number: int, thing: str) -> bool:
    """True when the project's record holds the word, or another ending of it: not a shorter
    word it starts with ("градина" is not "град")."""
    return any(
        number in index.postings[m.term] and len(m.term) >= len(thing) - 1
        for m in index.lookup(thing)
    )


def _existence_end(words: list[str]) -> int | None:
    """Where the words after "има ли" / "is there" start, or None when the question has none."""
    return next(
        (
            i + len(phrase)
            for i in range(len(words))
            if words[i] in _EXISTENCE_FIRSTS  # no phrase starts at the other words
            for phrase in _EXISTENCE
            if tuple(words[i : i + len(phrase)]) == phrase
        ),
        None,
    )


def held_whole(parsed: Parsed, number: int, explains: Callable[[int, str], bool]) -> bool:
    """True when the project's record holds every word of the question but its verbs, and one
    of them is more than a village or the thing counted ("колко души живеят в X" names none):
    a low confidence then comes of common words, not of another subject."""
    words = [w for w in parsed.content if w not in parsed.verbs]
    places = {w for place in parsed.places for w in place}
    own = set(words) - places - set(parsed.counted)
    return bool(own) and not parsed.guessed and all(explains(number, w) for w in words)
