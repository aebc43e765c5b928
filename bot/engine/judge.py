"""Weighing the candidates of a question: rank them by place and status, and judge whether the
best one is what the question is about."""

from __future__ import annotations

from bot.engine.aboutness import about_another_thing
from bot.engine.answer import Answer
from bot.engine.aside import aside
from bot.engine.certainty import said_in
from bot.engine.conversation import FollowUps
from bot.engine.detail import DetailFinder
from bot.engine.editions import Editions
from bot.engine.facts import ROLES
from bot.engine.index import ProjectIndex
from bot.engine.lexicon import EVERYDAY_WORDS
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.places import Places
from bot.engine.ranking import Candidate, Query, alone_named, rank
from bot.engine.subject import WORK_TERMS

ANSWER_AT = 0.5
CONFLICT = 0.3  # a project in another village than the one asked keeps this share of its score
ONLY_PLACES = 0.5  # a question that names nothing but a village names no project for sure
WHOLE_NAME = 1.5  # a project whose whole name (or an alias) the question says
CLOSE = 0.9  # an everyday word matched less closely is another word ("квартира", "квартал")
_EVERYDAY = frozenset(t for word in EVERYDAY_WORDS for t in terms(word))


class Judge:
    """Ranks a question's candidate projects and judges the best one."""

    def __init__(
        self, index: ProjectIndex, places: Places, follow: FollowUps, details: DetailFinder
    ) -> None:
        """Built once with the engine's index, places, follow-ups and detail finder."""
        self.index = index
        self.places = places
        self.follow = follow
        self.details = details
        self.editions = Editions(details.numbers)

    def rank(self, parsed: Parsed) -> list[Candidate]:
        """Candidates for the question's words; a project elsewhere than the village asked, or
        one found by a village's name alone, counts for less; now prefers an ongoing project."""
        # a verb of making names no project: every one makes something ("коя фирма направи новия
        # площад": "направен" in another record says nothing of which)
        named = [w for w in parsed.content if w not in parsed.making]
        query = Query(
            named or parsed.content,
            parsed.subjects,
            parsed.soft,
            parsed.support,
            parsed.guessed,
            parsed.verbs,
        )
        found = rank(self.index, query)
        place_words = {w for place in parsed.places for w in place}
        nouns = set(parsed.content) - parsed.verbs  # "колко души живеят в X": a verb names nothing
        only_places = bool(nouns) and nouns <= place_words
        now = "now" in parsed.intents or parsed.status == "ongoing"
        ranked = []
        for c in found:
            factor = CONFLICT if self.places.conflicts(c.number, parsed.places) else 1.0
            factor *= ONLY_PLACES if only_places else 1.0
            if now and self.index.projects[c.number].status == "ongoing":
                factor *= 1.2
            if factor != 1.0:  # most candidates: as ranked
                c = Candidate(
                    c.number,
                    c.score * factor,
                    c.coverage,
                    min(1.0, c.confidence * factor),
                    c.name_coverage,
                )
            ranked.append(c)
        ranked = self.editions.weigh(parsed.text, ranked)
        # a project named whole comes first, but is no surer, and a close one is still a near tie
        ranked.sort(
            key=lambda c: -c.score * c.coverage * (WHOLE_NAME if c.name_coverage >= 0.99 else 1.0)
        )
        return ranked

    def stands(self, found: Answer, best: Candidate, parsed: Parsed) -> bool:
        """False for a guess: a field of a project the question does not name whole, given
        because no sentence of it holds the question's details, when the question also says a
        noun its record never uses ("кога ще пуснат автобусна линия до X" of the school bus);
        or an answer about another thing in the project's village; or the project's budget for
        a sum of a thing its record never names ("колко взимат заплата рехабилитаторите в
        банята": a wage, a fee, a price is no project's cost)."""
        if self.placed_only(parsed, best.number, found):
            return False
        if found.topic == "budget" and not all(
            self.follow.explains(best.number, w) for w in parsed.subjects - WORK_TERMS
        ):  # the works ("ремонтът") are the project's, whatever the record calls them
            return False
        if found.topic == "budget" and not all(
            self._holds_closely(best.number, w) for w in parsed.priced
        ):  # "колко струва квартира", "... бутилка вино на панаира": no record prices a flat or a
            # bottle ("квартал" is another word)
            return False
        roles = [w for w in parsed.content if w in ROLES]
        if (
            parsed.answer == "person"
            and roles
            and not any(self.follow.explains(best.number, w) for w in roles)
        ):  # "who is the headmaster of X school": a role no record of the school's yard names
            return False
        if found.confidence >= ANSWER_AT or found.kind == "quote" or best.name_coverage >= 0.99:
            return True
        verbs = parsed.verbs | parsed.moods  # "коя фирма пребоядиса кулата": a verb
        return all(self.follow.explains(best.number, w) for w in parsed.content if w not in verbs)

    def field_of_named(self, found: Answer, candidates: list[Candidate], parsed: Parsed) -> bool:
        """True when the answer is a field of the one project the question names whole, and
        every word its record lacks is a verb ("патронажа кво получи", "кой шефува тоя
        инкубатор, на кого да звънна") or a word said aside, the asker's guess or own person
        ("купиха ли нещо или само приказки", "за майка ми"): those name no other thing, so the
        words the record lacks cost certainty, but not the answer."""
        if found.kind != "project" or not alone_named(candidates):
            return False
        number = candidates[0].number
        verbs = parsed.verbs | parsed.moods | aside(parsed.text)  # "или само приказки": a guess
        return all(w in verbs or self.follow.explains(number, w) for w in parsed.content)

    def _holds_closely(self, number: int, word: str) -> bool:
        """True when the project's record holds the word, or a form of it, or a likely typo of
        it; an everyday word ("квартира") is never a typo of the record's ("квартал")."""
        close = CLOSE if word in _EVERYDAY else 0.0
        return any(
            m.similarity >= close and number in self.index.postings[m.term]
            for m in self.index.lookup(word)
        )

    def another_thing(self, parsed: Parsed, best: Candidate | None) -> bool:
        """True when the thing asked about is not one the best project is about: a plain
        decline, no project's text and no "did you mean"."""
        return best is not None and about_another_thing(
            parsed, best.number, self.index, self.details.describes
        )

    def placed_only(self, parsed: Parsed, number: int, found: Answer) -> bool:
        """True when nothing but a village (the works, the thing counted) names the project,
        and neither its title nor its summary nor the answer speaks of the question's subject
        ("колко деца има в училището в Бабяк" of the new kindergarten in Бабяк, answered with
        its 75 children): another thing in that village."""
        places = {w for place in parsed.places for w in place}
        naming = self.details.naming(number, parsed.content)
        if not naming & places or not naming <= places | WORK_TERMS | set(parsed.counted):
            return False
        subjects = parsed.subjects - places
        described = {w for w in subjects if self.details.describes(number, w)}
        return bool(subjects) and not described and not said_in(found, subjects, self.index)

    def elsewhere(self, parsed: Parsed, candidates: list[Candidate]) -> bool:
        """True when the question names a project whole, but in a place it is not in, and the
        best candidate only for that place ("детска площадка в Ковачево": the playgrounds are
        in town; the school in Ковачево is not what is asked)."""
        best = candidates[0]
        return any(
            c.name_coverage >= 0.99 > best.name_coverage
            and self.places.conflicts(c.number, parsed.places)
            for c in candidates[1:]
        )

    def named_generally(self, parsed: Parsed, number: int) -> bool:
        """True when only a village and the works name the project, and the question names a
        village or a subject of its own the project does not hold ("ремонт на училището в X",
        "ремонт на гарата"): that says nothing of which project is meant ("брошури ремонт"
        may still mean one)."""
        places = {w for place in parsed.places for w in place}
        if not self.details.naming(number, parsed.content) <= places | WORK_TERMS:
            return False
        return bool(places) or any(not self.follow.explains(number, w) for w in parsed.subjects)

    def unknown_subject(self, parsed: Parsed) -> bool:
        """True when a word the knowledge base does not know (or knows only as a likely typo)
        looks like what is asked about."""
        return any(
            max((m.similarity for m in self.index.lookup(w)), default=0.0) < 0.85
            for w in parsed.content
            if w not in parsed.soft and w not in parsed.verbs | parsed.moods | parsed.unshaped
        )
