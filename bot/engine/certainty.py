"""How sure an answer is once it is chosen: the confidence reported says how often it is right."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from bot.engine.answer import Answer
from bot.engine.index import LOCATION, ProjectIndex
from bot.engine.lexicon import OWN_WORDS
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.ranking import Candidate, alone_named

UNSAID = 0.55  # a field that says nothing of a noun asked is this much as sure
OWN_LETTERS = 3  # a word of fewer letters ("ул", "на") says too little to name what is asked
QUOTED_AT = 0.15  # a quote of the one project named whole stands from this confidence
_OWN = frozenset(t for word in OWN_WORDS for t in terms(word))


def said_in(answer: Answer, words: Iterable[str], index: ProjectIndex) -> set[str]:
    """The words the answer's reply says, in any of their forms the knowledge base knows."""
    said = set(terms(answer.reply.plain()))
    return {w for w in words if w in said or any(m.term in said for m in index.lookup(w))}


def sure_of_field(answer: Answer, nouns: list[str], index: ProjectIndex) -> Answer:
    """A topic's field that says nothing of some noun the question asks about beyond the
    project's name is no sure answer: it is as often wrong as right, so its confidence is
    reported lower (what is answered does not change)."""
    if not nouns:
        return answer
    if said_in(answer, nouns, index) == set(nouns):
        return answer
    return replace(answer, confidence=answer.confidence * UNSAID)


def sure_of_count(answer: Answer, parsed: Parsed, holds: Callable[[str], bool]) -> Answer:
    """A count given for a thing counted that the project's record never names ("колко човека
    работят в кухнята" of a record that counts no people) is no sure count: it is reported
    less sure (what is answered does not change)."""
    if parsed.answer != "count" or all(holds(word) for word in parsed.counted):
        return answer
    return replace(answer, confidence=answer.confidence * UNSAID)


def quoted_of_named(found: Answer, candidates: list[Candidate], parsed: Parsed) -> bool:
    """True when the answer quotes a sentence of the one project the question names whole
    ("колко пари отиват за чистене на шахтите"): the words the record lacks cost certainty,
    but the project is sure and the sentence holds the detail asked; not of the asker's own
    thing ("кога ще санират моя блок"), which no record speaks of."""
    return (
        found.kind == "quote"
        and found.confidence > QUOTED_AT
        and alone_named(candidates)
        and _OWN.isdisjoint(parsed.words)
    )


def quote_holds_question(found: Answer, parsed: Parsed, index: ProjectIndex, number: int) -> bool:
    """True when the sentence quoted (of the project number) holds the question's own words:
    two of three letters or more, or numbers, that are no verb and no village ("ot koi grad e
    firmata niko 96": the firm's name; "температурата на водата в сухия фонтан"), and all others but
    one, which names no other project nor its place. Found only by such words, a project is
    the one asked about even when common words keep its confidence low; not when works are
    asked of a thing ("кога ще направят басейн"), which a sentence that names the thing does
    not show to be the project's works."""
    if found.kind != "quote" or parsed.works:
        return False
    places = {w for place in parsed.places for w in place}
    nouns = {w for w in parsed.content if w not in parsed.verbs | parsed.moods | places}
    held = said_in(found, nouns, index)
    unsaid = nouns - held
    return (
        sum(len(w) >= OWN_LETTERS or w.isdigit() for w in held) >= 2
        and len(unsaid) <= 1
        and not any(_names_another(index, number, w) for w in unsaid)
    )


def _names_another(index: ProjectIndex, number: int, word: str) -> bool:
    """True when the word names another project than number, or its place, and the record of
    number never holds it ("Смреча" asked of a ski lift; not "град", said of every town)."""
    postings = [index.postings[match.term] for match in index.lookup(word)]
    return not any(number in found for found in postings) and any(
        weight >= LOCATION for found in postings for weight in found.values()
    )
