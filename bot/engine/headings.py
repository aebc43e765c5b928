"""A part of the works the question names by its activity's heading: "колко голяма е детската
площадка" of a square with a playground, "what's in the free breakfast" of a school programme
whose activity is "Безплатна закуска". The words name the project too, so they are no detail of
it; when the question asks nothing else, they say which part is asked, and the sentences under
that heading answer."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from bot.engine.detail import Found
from bot.engine.facts import Fact
from bot.engine.stopwords import content_terms
from bot.knowledge import Text


@dataclass(frozen=True)
class NamedPart:
    """The question's words that name an activity's heading whole, the forms each matches, and
    the heading."""

    words: list[str] = field(default_factory=list)
    forms: tuple[frozenset[str], ...] = ()
    heading: Text | None = None

    def under(
        self, found: list[Found], kinds: Collection[str], measures: frozenset[str]
    ) -> list[Found]:
        """Only the sentences under the heading, when one of them holds the question ("колко
        голяма е детската площадка": the playground's own sentences, not the square's summary
        that names it) and states the measures asked, when a unit is named ("с колко
        сантиметра": a sentence in centimetres); and those that state a number of the kind
        asked beside all the heading's words ("плюс 2 разпределителни канала общо 3,1 км")."""
        heading = self.heading
        if heading is None:
            return found
        own = dict(heading.values())  # the heading itself says no more
        under = [f for f in found if f.fact.heading == heading and f.fact.texts != own]
        if not any(f.support > 0 for f in under) or (
            measures and not any(measures <= f.fact.measures for f in under)
        ):
            return found
        return [f for f in found if f in under or self._beside(f.fact, kinds)]

    def _beside(self, fact: Fact, kinds: Collection[str]) -> bool:
        """True when one clause of the fact states a number of the kinds with every word of
        the heading."""
        clauses = fact.clauses or ((fact.kinds, fact.terms),)
        return any(
            not stated.isdisjoint(kinds) and all(not said.isdisjoint(f) for f in self.forms)
            for stated, said in clauses
        )


def heading_named(
    facts: Iterable[Fact], naming: Iterable[str], forms: Callable[[str], set[str]]
) -> NamedPart:
    """The question's words that name an activity's heading whole, in one of its languages
    ("детска площадка", "recycling yard"): the longest heading named (forms: the index terms a
    question word matches)."""
    found = {word: frozenset(forms(word)) for word in naming}
    best = NamedPart()
    for fact in facts:
        if fact.source != "activities" or fact.heading is None:
            continue
        if fact.texts != dict(fact.heading.values()):  # a sentence under it, not the heading
            continue
        for text in fact.texts.values():
            said = set(content_terms(text))
            words = [w for w, terms in found.items() if not terms.isdisjoint(said)]
            held = {t for w in words for t in found[w]}
            if said and said <= held and len(words) > len(best.words):
                best = NamedPart(words, tuple(found[w] for w in words), fact.heading)
    return best
