"""How sure an answer is once it is chosen: the confidence reported says how often it is right."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answer import Answer
from bot.engine.index import ProjectIndex
from bot.engine.lexicon import OWN_WORDS
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.ranking import Candidate, alone_named

UNSAID = 0.55  # a field that says nothing of a noun asked is this much as sure
QUOTED_AT = 0.15  # a quote of the one project named whole stands from this confidence
_OWN = frozenset(t for word in OWN_WORDS for t in terms(word))


def sure_of_field(answer: Answer, nouns: list[str], index: ProjectIndex) -> Answer:
    """A topic's field that says nothing of some noun the question asks about beyond the
    project's name is no sure answer: it is as often wrong as right, so its confidence is
    reported lower (what is answered does not change)."""
    if not nouns:
        return answer
    said = set(terms(answer.reply.plain()))
    if all(w in said or any(m.term in said for m in index.lookup(w)) for w in nouns):
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
