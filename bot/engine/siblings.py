"""The other project of the same kind: "а този в Долно Сливаче", "а другия, онзи от 2016?",
"and the 2016 one" after a bridge or a lunch programme point at its sibling.

Two projects are siblings when their names share a word that is neither a place, nor a word of
the works ("ремонт", "изграждане"), nor one half the projects' names hold ("мост" of two
bridges, "топъл обяд" of two programmes). A follow-up with a pointing word ("този", "онзи",
"другия", "the one", "the other") names the sibling by a word of its name that the name of the
project talked about lacks, even when that project's record speaks of it ("Това НЕ е мостът в
Долно Сливаче"). An age word ("а старият проект", "а новият") points too, and with no word
naming the sibling, it is the other edition that began before, or after.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set

from bot.engine.index import NAME, ProjectIndex
from bot.engine.lexicon import NEWER_WORDS, OLDER_WORDS
from bot.engine.normalize import surface_words, terms
from bot.engine.parsed import Parsed
from bot.engine.places import Places
from bot.engine.subject import WORK_TERMS

PAIR = 2  # a word of the names of the two editions of one project, and of no other name
KIN_WORDS = 3  # the words of what it is, in both languages, that only the two names hold
KIN_LEAD = 2  # ... twice as many as the name of any other project shares with the project's
_OLDER_FORMS, _NEWER_FORMS = frozenset(OLDER_WORDS), frozenset(NEWER_WORDS)
_OLDER = frozenset(t for word in OLDER_WORDS for t in terms(word))
_NEWER = frozenset(t for word in NEWER_WORDS for t in terms(word))


class Siblings:
    """Finds the sibling of a project a pointing follow-up names."""

    def __init__(self, index: ProjectIndex, places: Places) -> None:
        self.index = index
        self.place_terms = frozenset(t for place in places.display for t in place)
        self._named_by: dict[str, int] = {}  # how many projects' names hold a term, once asked

    def named(self, parsed: Parsed, number: int, ignored: Set[str]) -> int | None:
        """The one sibling of the project that the question points at and names by a word of
        its name the project's name lacks (its context too: "а другия, онзи от 2016?"), the
        words ignored left out ("този път": an occasion, no road); None."""
        older, newer = _aged(parsed)
        if not (parsed.points or older or newer):
            return None
        own = self.index.name_words[number]
        words = {*parsed.content, *parsed.told, *(t for place in parsed.places for t in place)}
        found: set[int] = set()
        for word in words - parsed.verbs - parsed.guessed - ignored - _OLDER - _NEWER:
            matches = self.index.lookup(word)
            if any(m.term in own for m in matches):
                continue  # a word of the project's own name ("Горно Сливаче") names it
            found |= {
                other
                for m in matches
                for other, weight in self.index.postings[m.term].items()
                if weight >= NAME and other != number and self.kin(number, other)
            }
        if len(found) == 1:
            return found.pop()
        if older == newer:
            return None
        return self.by_age(older, number, parsed)  # "а старият", "а новият": by its age

    def by_age(self, older: bool, number: int, parsed: Parsed) -> int | None:
        """The one sibling that began before the project (older: "а старият проект") or after
        it ("а новият докога е"); None."""
        first = self.index.projects[number].first_date
        if first is None:
            return None
        shared = Counter(  # the words only the two names hold ("грижа", "дома", "home")
            other
            for term in self.index.name_words[number] - _OLDER - _NEWER
            if self._names(term) == PAIR
            for other, weight in self.index.postings[term].items()
            if weight >= NAME and other != number
        ).most_common(2)
        lead = shared[0][1] if shared else 0
        if lead < KIN_WORDS or (len(shared) == 2 and lead < KIN_LEAD * shared[1][1]):
            return None  # no one project whose name alone is like the project's
        other = shared[0][0]
        own = self.index.name_words[number] - self.index.name_words[other]
        asked = set(parsed.content) - _OLDER - _NEWER
        if any(m.term in own for w in asked for m in self.index.lookup(w)):
            return None  # "а новият автобус" names the buses talked about, not the sports hall
        began = self.index.projects[other].first_date
        if began is None or not self.kin(number, other) or began == first:
            return None
        return other if (began < first) == older else None

    def kin(self, one: int, other: int) -> bool:
        """True when the two projects' names share a word of what they are (no place, no word
        of the works, none half the names hold)."""
        shared = self.index.name_words[one] & self.index.name_words[other]
        half = len(self.index.projects) / 2
        return any(
            term not in self.place_terms and term not in WORK_TERMS and self._names(term) < half
            for term in shared
        )

    def _names(self, term: str) -> int:
        """How many projects' names hold the term."""
        count = self._named_by.get(term)
        if count is None:
            hits = self.index.postings.get(term, {}).values()
            count = self._named_by[term] = sum(1 for weight in hits if weight >= NAME)
        return count


def _aged(parsed: Parsed) -> tuple[bool, bool]:
    """Whether the question points at an older and at a newer project: an age word in it, or
    in a context of nothing else ("and the older one, when ..."; not "Чух, че ще правят център
    в старото кино. Колко ...?")."""
    said = set(surface_words(parsed.text))  # as written: "новият", not "новите чешми"
    told = set(parsed.told) if set(parsed.told) <= _OLDER | _NEWER else set()
    older = not _OLDER_FORMS.isdisjoint(said) or not _OLDER.isdisjoint(told)
    return older, not _NEWER_FORMS.isdisjoint(said) or not _NEWER.isdisjoint(told)
