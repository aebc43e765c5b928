"""Questions about no one project: lists with filters, the municipality's own facts, the news,
and the replies that ask which project or say that the bot does not know."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from bot.engine import rankings, townfacts
from bot.engine.compose import (
    Composer,
    budget_list,
    by_status,
    dated_list,
    municipality_contacts,
)
from bot.engine.detail import FOUND, DetailFinder
from bot.engine.facts import Fact, contact_text, make_fact, split_sentences, with_frequency
from bot.engine.faq import held
from bot.engine.fuzzy import Vocabulary
from bot.engine.glossary import GLOSSARY
from bot.engine.index import texts_of
from bot.engine.lexicon import (
    LIST_VERBS,
    PROJECT_PLURALS,
    QUESTION_WORDS,
    THEME_INCLUDES,
    WEEKDAYS,
)
from bot.engine.normalize import surface_words, terms
from bot.engine.numbers import NUMERAL_TERMS
from bot.engine.parsed import Parsed
from bot.engine.places import Places
from bot.engine.replies import TownReplies, clarify, fallback, quote
from bot.engine.reply import Reply, ReplyBuilder
from bot.engine.totals import asks_total, listed
from bot.knowledge import KnowledgeBase, Project
from bot.texts import LANGUAGES, t

ANSWER_AT = 0.5
LIST_BUTTONS = 24  # a list of at most this many projects offers each of them (a button each)
UNKNOWN_SAID = frozenset({"address", "email", "mayor"})  # a field asked that the base lacks
_QUESTION_TERMS = frozenset(t for word in QUESTION_WORDS for t in terms(word))
_PLURALS = frozenset(PROJECT_PLURALS)
_LIST_VERBS = frozenset(t for word in LIST_VERBS for t in terms(word))
_WEEKDAYS = frozenset(t for word in WEEKDAYS for t in terms(word))
SHARE = 3 / 4  # of a question's words a general FAQ entry must hold to answer it
UNITS = frozenset({"length", "size", "weight", "percent", "duration"})  # the kinds of a measure
# Kinds of answer whose words ("площта", "villages") are what to look for in the municipality's
# own texts when the question names nothing else ("каква е площта на общината").
MEASURED = frozenset(
    {"count", "length", "size", "duration", "weight", "percent", "amount", "date", "time", "place"}
)


class Said(NamedTuple):
    """An answer about no single project (about: the project the chat goes on with, if any)."""

    reply: Reply
    kind: str
    topic: str | None = None
    about: str | None = None
    suggestions: tuple[str, ...] = ()  # the projects listed, one button each in Telegram


def _offered(projects: Sequence[Project], heading: str, lang: str, sums: bool = False) -> Said:
    """The projects grouped by status under a heading, each offered (a button) when few, in the
    list's order."""
    chosen = by_status(projects)
    offered = tuple(p.id for p in chosen) if len(chosen) <= LIST_BUTTONS else ()
    return Said(listed(chosen, heading, lang, sums), "list", suggestions=offered)


class General:
    """Everything the bot says that is about no single project."""

    def __init__(self, knowledge: KnowledgeBase, places: Places, details: DetailFinder) -> None:
        self.knowledge = knowledge
        self.places = places
        self.details = details
        self.composer = Composer(knowledge)
        self.town = TownReplies(knowledge)
        town = knowledge.municipality
        summary = split_sentences(town.summary) if town.summary is not None else []
        self.summary = [make_fact("town", texts) for texts in summary]
        facts = [  # an answer's sentence is about what its entry is asked ("кметът на селото")
            make_fact("town", texts, about=townfacts.asked_terms(qa.questions))
            for qa in knowledge.faq
            for texts in split_sentences(qa.answer)
        ]
        facts += self.summary
        facts += [make_fact("town", dict(contact_text(c).values())) for c in town.contacts]
        self.facts = with_frequency(facts)
        self.town_words = {w for text in texts_of(town.name) for w in terms(text)}
        self.hours_words = frozenset(w for text in texts_of(town.hours) for w in terms(text))
        self.entries = [
            (
                qa.answer,
                townfacts.keys(qa.questions),
                townfacts.keys([*qa.questions, *texts_of(qa.answer)]),
            )
            for qa in knowledge.faq
        ]
        self.links = [(link, townfacts.keys(texts_of(link.title))) for link in town.links]
        self.people = [  # the municipality's contacts, by their roles and names
            (c, townfacts.keys([*(texts_of(c.role) if c.role else ()), *texts_of(c.name)]))
            for c in town.contacts
        ]
        self.words = Vocabulary(self.facts[1])
        self._sorry: dict[str, Reply] = {}  # the reply when nothing is found, by language

    def answer(
        self,
        parsed: Parsed,
        lang: str,
        best: float,
        named: bool,
        after_town: bool = False,
        whole: bool = False,
    ) -> Said | None:
        """A list, the municipality's facts or the latest news; None when the question is not one
        (best: how sure the best project is; named: whether the question names it, whole: all of
        its name; after_town: whether the last answer was the municipality's, which a follow-up
        goes on with)."""
        if after_town and not named and (parsed.follow_up or parsed.refers):
            again = self.stated(parsed, list(parsed.content), lang)  # "а в петък до колко"
            if again is None and parsed.town_fields and not parsed.content:  # "а адресът?"
                again = self.municipality(parsed, [], lang)
            if again is not None:
                return Said(again, "municipality", "contacts")
        parsed = townfacts.of_settlements(parsed, bool(self.places.foreign(parsed.places)))
        filters = {w for place in parsed.places for w in place}
        if "list" in parsed.intents or parsed.rank:
            filters |= parsed.theme_words | _LIST_VERBS
        if parsed.rank:  # "the two most expensive projects": a number of them, no subject
            filters |= NUMERAL_TERMS
        subject = [
            w
            for w in parsed.content
            if w not in filters
            and w not in self.town_words
            and (w not in parsed.verbs or self.words.lookup(w))
        ]
        if parsed.rank and not subject:  # "кой е най-скъпият проект (в Калинище)"; not "...
            return self.ranked(parsed, lang)  # в историята на общината", which a text says
        status_only = parsed.status and not parsed.content and not whole  # "какво е готово"
        listing = "list" in parsed.intents or (status_only and parsed.answer != "date")
        # "kakvo ima v karabunar": what there is in a village, when nothing else is asked (not
        # "kmet na semchinovo", the village's mayor)
        there = (
            self.places.foreign(parsed.places)
            and set(parsed.content) <= filters
            and not (parsed.topic or parsed.answer or parsed.town_fields)
        )
        if (listing or there) and not subject:
            return self.listing(parsed, lang)
        about = self._described(subject) if "list" in parsed.intents else set()
        projects = parsed.answer in (None, "person", "count") and not _PLURALS.isdisjoint(
            surface_words(parsed.text)
        )  # "кога бяха обявени проектите за площадките" asks a date, not for a list
        if about and (
            projects or parsed.which or not any(map(self.details.index.names_project, subject))
        ):
            # "кои проекти са за деца": the projects whose description holds the words; "а в
            # Пробуда какво правят" asks about the project whose name holds them
            return self.listing(parsed, lang, about)
        name = self.knowledge.municipality.name
        website = "website" in parsed.town_fields
        page = townfacts.page(name, self.links, subject, lang) if website else None
        mayor_asked = "mayor" in parsed.town_fields and parsed.answer != "amount"  # no pay
        person = parsed.answer in (None, "person") and not parsed.counted  # not "колко"
        if person and subject and best < ANSWER_AT and not (parsed.places or mayor_asked):
            # "кой е главният архитект", "профил на купувача": a contact of the municipality by
            # its role or name, or one of its pages by its title, holds every word asked
            page = townfacts.person(name, self.people, subject, lang)
            page = page or townfacts.page(name, self.links, subject, lang)
        if page is not None:  # "сайт на общинския съвет": a page of the municipality's links
            return Said(page, "municipality", "contacts")
        # a project has no mayor: the municipality's, when what else is asked is in its texts
        # ("кога приема кметът"; not "колко е заплатата на кмета", "кметът на София")
        mayor = mayor_asked and all(map(self.words.lookup, subject))
        # "кой е кметът на калинарци": a village's own mayor, whom the municipality's texts name
        # beside the village ("Калинарци – Георги Ранков"), also when a project's name holds the
        # village and nothing else is asked ("koi e kmet na peshtersko" beside "Пещерата")
        fact = self.village_mayor(parsed, subject) if not (whole and subject) else None
        if fact is not None:
            return Said(quote(None, [fact], lang), "municipality", "contacts")
        if "municipality" in parsed.intents and not parsed.town_fields and not whole:
            # "колко ха лозя има в общината"; not "собственият принос на общината за площада"
            stated = self.stated(parsed, subject, lang)
            if stated is not None:
                return Said(stated, "municipality", "contacts")
        town = ("municipality" in parsed.intents or mayor) and not named
        if best >= ANSWER_AT and (subject or named) and not town:
            return None
        if parsed.topic == "news" and not subject and not parsed.places:
            return Said(self.composer.latest_news(lang), "news", "news")
        if self.places.foreign(parsed.places):
            return None
        # "работите ли в събота": a day asked with the hours is what the hours say, and so is a
        # place they name ("работното време на ЦАО")
        days = _WEEKDAYS | self.hours_words if "hours" in parsed.town_fields else frozenset()
        asked = [f for f in parsed.town_fields if f != "mayor" or mayor_asked]  # his card
        fields = asked and all(w in days or w.isdigit() for w in parsed.content)
        if "municipality" in parsed.intents or mayor or fields:
            reply = self.municipality(parsed, subject, lang)
        elif parsed.home:  # the town's name alone: its own facts, when they hold the words asked
            reply = self.municipality(parsed, subject, lang, fields=not subject)
        elif best < ANSWER_AT and not (named or subject):  # "каква е площта": no project has one
            reply = self.stated(parsed, subject, lang)
        else:
            reply = None
        return None if reply is None else Said(reply, "municipality", "contacts")

    def _described(self, words: list[str]) -> set[int]:
        """The projects whose description holds every one of the words (none: no word given)."""
        sets = [self.details.index.described(word) for word in words]
        return set.intersection(*sets) if sets else set()

    def listing(self, parsed: Parsed, lang: str, only: set[int] | None = None) -> Said:
        """The projects that pass the filters (status, place, theme, words: only), offered."""
        chosen = self._chosen(parsed, only)
        heading = self._heading("heading.projects", parsed, lang)
        heading += f" ({len(chosen)})" if chosen else ""
        return _offered(chosen, heading, lang, asks_total(parsed))

    def every_project(self, lang: str, heading: str) -> Said:
        """Every project under a heading ("За кой проект питате?"), each offered when few."""
        return _offered(self.knowledge.projects, heading, lang)

    def _heading(self, key: str, parsed: Parsed, lang: str) -> str:
        """A list's heading with the filters asked: "Проектите на общината – в изпълнение"."""
        parts = [t(f"list.status.{parsed.status}", lang)] if parsed.status else []
        parts += [t(f"theme.{theme}", lang) for theme in sorted(parsed.themes)]
        parts += [self.places.name(p, lang) for p in self.places.foreign(parsed.places)]
        return t(key, lang) + (f" – {', '.join(parts)}" if parts else "")

    def ranked(self, parsed: Parsed, lang: str) -> Said:
        """The projects that pass the filters, by their totals ("кои проекти са най-скъпи") or
        their first dates ("кои са най-новите проекти"); the chat goes on about the first when
        one was asked for ("кой е най-скъпият проект")."""
        chosen = self._chosen(parsed, None)
        rank = parsed.rank or "most"
        order = rankings.ranked(chosen, rank)[: rankings.shown(parsed.text)]
        heading = self._heading(f"heading.rank.{rank}", parsed, lang)
        listing = dated_list if rank in rankings.BY_DATE else budget_list
        reply = listing(order, heading, lang, bool(chosen))
        one = order and not rankings.several(rank, parsed.text)
        topic = ("dates" if rank in rankings.BY_DATE else "budget") if one else None
        offered = tuple(p.id for p in order)
        return Said(reply, "list", topic, order[0].id if one else None, offered)

    def _chosen(self, parsed: Parsed, only: set[int] | None) -> list[Project]:
        """The projects that pass the question's status, place and theme (and are in only)."""
        chosen = []
        themes = set(parsed.themes).union(*(THEME_INCLUDES.get(t, ()) for t in parsed.themes))
        for number, project in enumerate(self.details.index.projects):
            if only is not None and number not in only:
                continue
            if parsed.status and project.status != parsed.status:
                continue
            asked = self.places.foreign(parsed.places)
            if asked and not any(p in self.places.of_project[number] for p in asked):
                continue
            if themes and not themes & self.places.themes[number]:
                continue
            chosen.append(project)
        return chosen

    def municipality(
        self, parsed: Parsed, subject: list[str], lang: str, fields: bool = True
    ) -> Reply | None:
        """The municipality's fields asked for (every one: "кой е кметът и какъв е адресът"), a
        sentence about it, or all its contacts (fields False: only a sentence that holds the words
        asked)."""
        if townfacts.deputy_asked(parsed) and (said := self.stated(parsed, subject, lang)):
            return said  # "кога приема заместник-кметът": the deputy's sentence, not the mayor's
        names = dict.fromkeys(parsed.town_fields if fields else ())
        mayors = self.town.mayors() if "mayor" in names else []
        if mayors and "municipality" not in parsed.intents:  # "мейла на кмета": the mayor's own
            own = {
                "contacts",
                *(f for f in ("phones", "email", "hours") if any(getattr(c, f) for c in mayors)),
            }
            for name in own:  # (the municipality's when the mayor's is not given; and not in
                names.pop(name, None)  # "кметът и телефонът на общината")
        found = [reply for reply in map(self.town.field, names, [lang] * len(names)) if reply]
        if found:
            whole = found[0]
            for reply in found[1:]:  # one heading: the municipality's name
                whole = whole.then(Reply(reply.lines[1:]), blank=False)
            return whole
        if self._asked(parsed, subject):
            return self.stated(parsed, subject, lang)
        builder = ReplyBuilder()  # what was asked is not known: said, and every contact given
        lead = [t(f"town.no_{name}", lang) for name in names if name in UNKNOWN_SAID]
        summary = self.knowledge.municipality.summary
        if not names and parsed.topic == "summary" and summary is not None:
            lead.append(summary.get(lang))  # "какво е Септември": what it is, then its contacts
        municipality_contacts(builder, self.knowledge.municipality, lang, lead=lead)
        return builder.build()

    def _asked(self, parsed: Parsed, subject: list[str]) -> list[str]:
        """The words to look for in the municipality's texts: the subject and the thing counted,
        else, for a measure or a place ("площта", "кои села"), the words that name it."""
        asked = [*subject, *parsed.counted]
        if asked or (parsed.answer not in MEASURED and parsed.topic != "location"):
            return asked
        if parsed.town_fields:  # "адрес на общината": a field of its own, not a place to find
            return []
        places = {w for place in parsed.places for w in place}
        return [
            w
            for i, w in enumerate(parsed.words)
            if i not in parsed.quiet
            and w not in self.town_words | places | parsed.verbs | _QUESTION_TERMS
        ]

    def stated(self, parsed: Parsed, subject: list[str], lang: str) -> Reply | None:
        """The sentence of the municipality's own texts (summary, general FAQ, contacts) that
        holds the words asked and the kind of thing asked; None when none does, or when a word
        asked is in none of them ("заплатата", "фасадите": what they never speak of)."""
        asked = self._asked(parsed, subject)
        close = 0.9 if parsed.works else 0.0  # works: no word only like it ("басейн": "Басейнова")
        if asked and all(self._known(w, close) for w in asked):
            found = townfacts.most_places(
                self.details.rank(*self.facts, parsed, asked, self.words), parsed, self.places
            )
            best = found[0] if found else None
            states = best is not None and self.details.answers(best.fact, parsed.answer)
            if best and best.support >= FOUND and townfacts.states_asked(best.fact, parsed, states):
                return quote(None, [best.fact], lang)
        unit = parsed.answer if parsed.answer in UNITS else None
        if unit is None or subject or parsed.counted:
            return None
        # "what's the area": the one sentence of the summary that states an area, whatever
        # words it uses
        stating = [fact for fact in self.summary if unit in fact.kinds]
        return quote(None, stating, lang) if len(stating) == 1 else None

    def village_mayor(self, parsed: Parsed, subject: Sequence[str] = ()) -> Fact | None:
        """The municipality's sentence that names the mayor of the village asked (its place, or
        the subject's words), when the municipality's texts hold the village; else None."""
        village = [*subject, *(w for p in self.places.foreign(parsed.places) for w in p)]
        if not village or not all(map(self._known, village)):
            return None
        return townfacts.village_mayor(self.details, self.facts, self.words, parsed, village)

    def _known(self, word: str, close: float = 0.0) -> bool:
        """Whether the municipality's texts hold the word (as closely as asked), or a synonym of
        it ("населението": "жители")."""
        return any(m.similarity >= close for m in self.words.lookup(word)) or any(
            term in self.words for term in GLOSSARY.synonyms(word)
        )

    def faq(
        self, parsed: Parsed, lang: str, needs: Collection[str] = ()
    ) -> tuple[Reply, float] | None:
        """The general FAQ entry whose questions and answer hold most of the question's words,
        for a question no project answers ("откъде да взема чували с пясък ако дойде водата"):
        three quarters of them, and two in the ways the entry is asked (or one, when it holds
        them all); with the share held. needs: words the entry must hold."""
        words = set(parsed.content) - self.town_words - _QUESTION_TERMS
        if len(words) < 2:
            return None
        best, share = None, 0.0
        for answer, asked, keys in self.entries:
            if not all(held(w, keys) for w in needs):
                continue
            part = sum(1 for w in words if held(w, keys)) / len(words)
            ways = sum(1 for w in words if held(w, asked))
            if part > share and (ways >= 2 or (ways and part == 1.0)):
                best, share = answer, part
        if best is None or share < SHARE:
            return None
        return self.composer.faq(best, lang), share

    def clarify(self, suggestions: tuple[str, ...], lang: str) -> Reply:
        """'Did you mean' with the projects suggested."""
        return clarify(self.knowledge, suggestions, lang)

    def fallback(self, suggestions: tuple[str, ...], lang: str) -> Reply:
        """No answer: an apology, the closest projects if any, and the municipality's contacts
        (with none suggested, the same reply every time: made once a language)."""
        if suggestions or lang not in LANGUAGES:
            return fallback(self.knowledge, suggestions, lang)
        if lang not in self._sorry:
            self._sorry[lang] = fallback(self.knowledge, (), lang)
        return self._sorry[lang]
