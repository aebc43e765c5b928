"""How sure an answer is once it is chosen: the confidence reported says how often it is right."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answer import Answer
from bot.engine.index import ProjectIndex
from bot.engine.normalize import terms

UNSAID = 0.55  # a field that says nothing of a noun asked is this much as sure


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
