"""The municipality's own texts asked for one thing: a contact by its role or name, a page by
its title, the villages it has ("кои са селата на общината"), the mayor of one of them ("кой е
кметът на калинарци")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache

from bot.engine.compose import contact_lines
from bot.engine.detail import FOUND, DetailFinder, Found
from bot.engine.facts import Fact, Facts
from bot.engine.faq import held, stem_keys
from bot.engine.fuzzy import Vocabulary
from bot.engine.lexicon import SETTLEMENT_NOUNS
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.places import Place, Places
from bot.engine.replies import DEPUTIES, MAYORS
from bot.engine.reply import Reply, ReplyBuilder, Span
from bot.engine.stopwords import content_terms
from bot.knowledge import Contact, Link, Text

SETTLEMENTS = frozenset(t for word in SETTLEMENT_NOUNS for t in terms(word))


def asks_village_mayor(parsed: Parsed) -> bool:
    """True when the question asks the mayor of a village it names, and nothing else."""
    named = {w for place in parsed.places for w in place}
    return "mayor" in parsed.town_fields and bool(named) and set(parsed.content) <= named


def village_mayors(
    contacts: Iterable[Contact], find: Callable[[list[str]], list[Place]]
) -> frozenset[Place]:
    """The places whose mayor is a contact of the municipality ("Кметство Кремена – кмет Георги
    Лозанов"), found once at build time: a follow-up asking the mayor of one of them asks the
    municipality, not the project whose record names the village (find: the places in terms)."""
    found: set[Place] = set()
    for contact in contacts:
        texts = [
            text for value in (contact.name, contact.role) if value for _, text in value.values()
        ]
        for words in map(terms, texts):
            if not MAYORS.isdisjoint(words) and DEPUTIES.isdisjoint(words):
                found.update(find(words))
    return frozenset(found)


def deputy_asked(parsed: Parsed) -> bool:
    """True when a deputy mayor is asked about ("кога приема заместник-кметът"): the mayor's own
    contact is not the answer, the sentence of the municipality's texts about the deputy is."""
    return "mayor" in parsed.town_fields and not DEPUTIES.isdisjoint(parsed.words)


def states_asked(fact: Fact, parsed: Parsed, states: bool) -> bool:
    """True when the sentence states the kind asked (states), or the hours asked of a person
    ("кога приема": "всеки четвъртък от 14:00 до 16:00 ч.")."""
    return states or ("hours" in parsed.town_fields and "time" in fact.kinds)


def _fleeting(word: str, keys: frozenset[str]) -> bool:
    """True when a key is the word with one more letter inside it: a vowel that comes and goes
    ("главен" / "главния")."""
    return len(word) >= 4 and word in _shortened(keys)


@lru_cache(maxsize=256)
def _shortened(keys: frozenset[str]) -> frozenset[str]:
    """Each key with one letter inside it left out (a contact's keys are the same for every
    question: worked out once)."""
    return frozenset(key[:i] + key[i + 1 :] for key in keys for i in range(1, len(key)))


def asked_terms(questions: Iterable[str]) -> frozenset[str]:
    """The content terms of the ways an FAQ entry is asked."""
    return frozenset(t for question in questions for t in content_terms(question))


def keys(texts: Iterable[str]) -> frozenset[str]:
    """The content terms of texts and their first five letters (another ending, same word)."""
    return stem_keys(frozenset(t for text in texts for t in content_terms(text)))


def person(
    name: Text, people: list[tuple[Contact, frozenset[str]]], subject: list[str], lang: str
) -> Reply | None:
    """The municipality's (name) contact whose role or name holds every word asked, or None."""
    for contact, held_keys in people:
        if all(held(w, held_keys) or _fleeting(w, held_keys) for w in subject):
            builder = ReplyBuilder().title(name.get(lang))
            contact_lines(builder, contact, lang)
            return builder.build()
    return None


def page(
    name: Text, links: list[tuple[Link, frozenset[str]]], subject: list[str], lang: str
) -> Reply | None:
    """The municipality's (name) link whose title holds every word asked, or None."""
    for link, held_keys in links if subject else ():
        if all(held(w, held_keys) for w in subject):
            builder = ReplyBuilder().title(name.get(lang))
            return builder.line(Span(link.title.get(lang), url=link.url)).build()
    return None


def of_settlements(parsed: Parsed, village_named: bool) -> Parsed:
    """ "кои са селата на общината", "which villages belong to X": the places asked, whatever the
    question word, when no village is named and nothing is counted."""
    if SETTLEMENTS.isdisjoint(parsed.words):
        return parsed
    said = {w for i, w in enumerate(parsed.words) if i not in parsed.quiet}
    if (
        SETTLEMENTS.isdisjoint(said)
        or parsed.counted
        or parsed.answer not in (None, "person", "place")
        or village_named
    ):
        return parsed
    return replace(parsed, topic="location", answer="place")


def village_mayor(
    details: DetailFinder, facts: Facts, words: Vocabulary, parsed: Parsed, village: list[str]
) -> Fact | None:
    """The sentence of the municipality's texts that names the village asked (every word of it)
    and a person, and speaks of a mayor in its words or in the ways its FAQ entry is asked
    ("Калинарци – Георги Ранков"); else None. Only the mayor asked, as a person, not counted."""
    if parsed.town_fields != ["mayor"] or parsed.answer not in (None, "person") or parsed.counted:
        return None
    village = [w for w in village if w not in SETTLEMENTS] or village  # "mayor of X village"
    roles = [w for w in parsed.words if w in MAYORS]
    for found in details.rank(*facts, parsed, [*village, *roles], words):
        fact = found.fact
        if (
            found.support >= FOUND
            and not MAYORS.isdisjoint(fact.terms | fact.about)
            and details.answers(fact, "person")
            and all(any(m.term in fact.terms for m in words.lookup(w)) for w in village)
        ):
            return fact
    return None


def most_places(found: list[Found], parsed: Parsed, places: Places) -> list[Found]:
    """Of the sentences as good as the best, for "кои села" / "which villages" with none named,
    the one that names the most places (the list of villages, not a sentence that speaks of "the
    village")."""
    if parsed.topic != "location" or places.foreign(parsed.places) or len(found) < 2:
        return found
    tied = [f for f in found if round(f.score, 6) == round(found[0].score, 6)]
    named = max(tied, key=lambda f: len(places.find(terms(f.fact.text("bg")))))
    return [named, *(f for f in found if f is not named)]


def mayor_named(parsed: Parsed) -> None:
    """ "kmetat na kamashitsa", "mayor of Kalinishte": a village's mayor named with no question
    word asks who the mayor is, as "кой е кметът на ..." does."""
    if parsed.answer is None and parsed.town_fields == ["mayor"] and parsed.places:
        parsed.answer = None if parsed.counted else "person"
