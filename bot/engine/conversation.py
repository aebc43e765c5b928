"""What a chat talked about last, and whether a question continues it.

A follow-up with no subject of its own ("а кога приключи?", "and the budget?", "кой го прави?")
continues the project talked about; a question with a subject that project does not explain
("кога ще има басейн", "адрес на общината") starts afresh. Small talk changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from bot.engine.answer import Answer
from bot.engine.detail import NUMBERS
from bot.engine.facts import OPEN_ABOUT
from bot.engine.hours import Hours
from bot.engine.index import NAME, ProjectIndex
from bot.engine.lexicon import (
    OCCASION_NOUNS,
    OCCASION_WORDS,
    OTHER_WORDS,
    PERSON_PRONOUNS,
    TELLING_VERBS,
    TOPIC_CUES,
)
from bot.engine.listed import LIST_FOLLOW_UP, ORDINAL_TERMS, Listed, picked
from bot.engine.normalize import surface_words, terms, tokens
from bot.engine.parsed import Parsed
from bot.engine.places import Place, Places
from bot.engine.ranking import Candidate
from bot.engine.siblings import Siblings
from bot.engine.subject import noun_shaped, typed_bulgarian
from bot.engine.townfacts import SETTLEMENTS, asks_village_mayor

_OTHER = frozenset(OTHER_WORDS)
_PERSON_PRONOUNS = frozenset(PERSON_PRONOUNS)
# the cues of each topic that name a part of its thing ("номер на договора", "contract date")
_PART_CUES = {
    topic: [frozenset(found) for cue in cues if len(found := terms(cue)) >= 2]
    for topic, cues in TOPIC_CUES.items()
}
_TELLING = frozenset(t for word in TELLING_VERBS for t in terms(word))
_OCCASION_NOUNS = frozenset(t for word in OCCASION_NOUNS for t in terms(word))
_OCCASION_WORDS = frozenset(t for word in OCCASION_WORDS for t in terms(word))
# The municipality's fields that are its pages and numbers: asked with a word the project never
# uses ("сайтът на общинския съвет"), they ask about that thing, not the project
_PAGES = frozenset({"website", "email", "phones"})
# Topics only a project has: "а коя община е партньор" asks the project's partner, not about
# the municipality.
PROJECT_TOPICS = frozenset(
    {"budget", "contract", "programme", "activities", "goals", "results", "target_groups",
     "partners", "contractors", "status"}
)  # fmt: skip


def tells(parsed: Parsed) -> bool:
    """True when the question asks what was said or written ("какво пишеше тогава")."""
    return not _TELLING.isdisjoint(parsed.words)


def occasions(words: list[str]) -> set[str]:
    """The words of an occasion ("за пръв път", "този път"): no road, no subject."""
    pairs = [p for p in pairwise(words) if p[0] in _OCCASION_WORDS and p[1] in _OCCASION_NOUNS]
    return {word for pair in pairs for word in pair}


@dataclass
class Conversation:
    """What a chat talked about last, so that follow-up questions make sense."""

    project: str | None = None
    topic: str | None = None
    lang: str | None = None
    mayor: bool = False  # the last answer was the mayor's contact ("а имейлът му")
    town: bool = False  # the last answer was the municipality's ("а в петък до колко")
    details: tuple[str, ...] = ()  # what the last question about the project asked of it
    listed: Listed | None = None  # the filters of the list the last answer was
    places: tuple[Place, ...] = ()  # the villages the chat asked about the project in
    asked: str | None = None  # the topic the last question about a project asked
    said: tuple[str, ...] = ()  # the words of the last question about a project ("училищата")
    offered: tuple[str, ...] = ()  # the projects of the last list, in the order shown

    def reread(self, parsed: Parsed, names: Callable[[str], bool] = lambda _: False) -> None:
        """A pronoun or a follow-up after the mayor's contact asks for his ("а имейлът му", "а
        кога приема граждани"), unless it names a project (names: whether a word is of a
        project's name; "той кога подписа договора за склада"); another filter after a list lists
        again with the filters not replaced ("а в Букак?", "а кой е най-скъп от тях?")."""
        pick = picked(parsed, self.offered)  # while the chat is on the list or one of it
        if pick is not None:  # "а вторият кога свършва": that project of the list, no filter
            self.topic = self.topic if self.project in self.offered else None  # "and the 2nd?"
            self.project, self.listed, parsed.refers = pick, None, True
            parsed.content = [w for w in parsed.content if w not in ORDINAL_TERMS]
        of_mayor = self.mayor and self._of_mayor(parsed)  # "кога е избрана", "кога приема"
        of_mayor = of_mayor and not any(map(names, set(parsed.content) - parsed.verbs))
        if of_mayor:  # its verbs say what the mayor does, not what the subject is
            parsed.extra, parsed.content = [*parsed.extra, *parsed.content], []
        mayors = parsed.refers or (parsed.follow_up and "municipality" not in parsed.intents)
        if of_mayor or (self.mayor and mayors and parsed.town_fields):
            parsed.town_fields = ["mayor", *(f for f in parsed.town_fields if f != "mayor")]
        town_field = self.town and not self.mayor and parsed.town_fields and not parsed.content
        if town_field and not parsed.refers:  # "а имейлът?" after the municipality's contact
            parsed.intents.add("municipality")
        if self._part_asked(parsed):  # "а номерът му" after the contract: the contract's
            parsed.topic, parsed.town_fields = self.asked, []
        afresh = parsed.which and not parsed.follow_up  # "кои проекти са в изпълнение" anew
        asks = parsed.topic not in (None, "status") and parsed.rank is None  # "колко струва"
        short = len(parsed.words) <= LIST_FOLLOW_UP
        if self.listed is not None and parsed.filters_only and short and not (afresh or asks):
            parsed.intents.add("list")
            parsed.status = parsed.status or self.listed.status
            parsed.places = parsed.places or list(self.listed.places)
            parsed.themes = parsed.themes or self.listed.themes

    def _part_asked(self, parsed: Parsed) -> bool:
        """True when a follow-up asks for nothing but a part of the thing the last question
        asked about ("а номерът му", "and its number?" after the contract: a cue of that topic,
        "номер на договора", holds every word asked)."""
        if self.asked is None or parsed.topic == self.asked:
            return False
        if not (parsed.refers or parsed.follow_up):
            return False
        asked = {w for i, w in enumerate(parsed.words) if i not in parsed.quiet}
        return bool(asked) and any(asked <= cue for cue in _PART_CUES.get(self.asked, ()))

    def _of_mayor(self, parsed: Parsed) -> bool:
        """True when a question after the mayor's contact asks about the mayor: it names no
        subject of its own and asks a date, a person or the hours ("кога е избрана", "а кога
        приема граждани"), or a person's pronoun points at the mayor ("кога мога да го видя")."""
        if parsed.places or parsed.topic in PROJECT_TOPICS:
            return False
        asks = parsed.answer in ("date", "person") or bool(parsed.town_fields)
        pointed = not _PERSON_PRONOUNS.isdisjoint(surface_words(parsed.text))
        return asks and (pointed or set(parsed.content) <= parsed.verbs)

    def remember(self, parsed: Parsed, answer: Answer, details: list[str]) -> None:
        """What the answer was about, and the details the question asked beyond the project's
        name; small talk and the municipality keep the project."""
        project, topic, kind = answer.project, answer.topic, answer.kind
        if kind == "list":  # a ranking too: "а кой е най-скъп" ... "а за деца?"
            self.listed = Listed(parsed.status, tuple(parsed.places), parsed.themes)
            self.offered = answer.suggestions
        elif not parsed.empty:
            self.listed = None
            self.offered = self.offered if project in self.offered else ()
        if not parsed.empty:
            self.mayor = kind in ("municipality", "faq") and "mayor" in parsed.town_fields
            self.town = kind in ("municipality", "faq") and not project
        if project and (parsed.content or project != self.project):
            self.details = tuple(details)
        if project and (parsed.places or project != self.project):
            self.places = tuple(parsed.places)
        if project:
            self.project, self.topic, self.asked = project, topic, parsed.topic
            self.said = tuple(parsed.content) or self.said

    def kept_topic(self, parsed: Parsed, naming: set[str], project: str) -> str | None:
        """The topic talked about, for a follow-up with no words but the project's name (naming)
        ("а за парка?"; not "а водата от тях става ли за пиене") or one asking what the last
        answer's texts said ("какво пишеше тогава" after the news)."""
        own = set(parsed.content) - naming - _TELLING
        # "а другия, онзи от 2016?" asks of the sibling what was asked of the project
        follows = parsed.follow_up or (parsed.points and project != self.project)
        return self.topic if (follows and not own) or tells(parsed) else None

    def placed(self, parsed: Parsed) -> Parsed:
        """A follow-up asking a detail of its own that names no place is about the village the
        chat asked about ("уличното осветление в Пчеларци кога" ... "колко лампи ще сложат"):
        of the sentences that hold it, those about the village; a number asked is the village's
        own ("с. Пчеларци (145 тела)"), not a fare or a rule of the whole project."""
        if parsed.places or not parsed.content or parsed.topic is not None or not self.places:
            return parsed
        said = [w for place in self.places for w in place] if parsed.answer in NUMBERS else []
        return replace(parsed, places=list(self.places), extra=[*parsed.extra, *said])

    def elided(self, parsed: Parsed) -> Parsed | None:
        """A follow-up that says nothing of its own ("до кога?" after "как да си включа къщата
        за гости") asks about what the last question did: its details, or None."""
        if parsed.content or not self.details:
            return None
        return replace(parsed, extra=[*parsed.extra, *self.details])


def _bulgarian(text: str) -> frozenset[str]:
    """The terms of the words of the text written in Cyrillic."""
    return frozenset(t.term for t in tokens(text) if t.cyrillic)


COMMON = 3  # projects at least that hold a word that says nothing of which one is meant
NAMING_WORDS = 3  # a name of this many words said whole in a text names its project
Villages = frozenset[Place]


class FollowUps:
    """Tells whether a question continues the project a chat talked about."""

    def __init__(self, index: ProjectIndex, places: Places, hours: Hours, mayors: Villages) -> None:
        """mayors: the villages whose mayor is a contact of the municipality."""
        self.index = index
        self.mayors = mayors
        self.places = places
        self.hours = hours
        self.numbers = {project.id: n for n, project in enumerate(index.projects)}
        self.siblings = Siblings(index, places)

    def project(self, parsed: Parsed, chat: Conversation, best: Candidate | None) -> int | None:
        """The project talked about last, when the question continues it; else None.

        It continues when the question says nothing of its own ("а кога приключи?", "and the
        budget?"), or when some of its words are about that project and none of the others
        names another project or looks like a subject of its own ("кога ще има басейн").
        """
        number = self.numbers.get(chat.project or "")
        if number is None or "list" in parsed.intents:
            return None
        # "а този в Долно Сливаче" after the bridge in Горно Сливаче: the other bridge
        sibling = self.siblings.named(parsed, number, occasions(parsed.words))
        if sibling is not None:
            return sibling
        # the town's own name asks about the town, unless it is only where a detail of the
        # project is ("кои училища в Септември бяха")
        if parsed.home and (parsed.town_fields or "municipality" in parsed.intents):
            return None
        if parsed.home and not parsed.content:
            return None
        if self.town_mayor(parsed):
            return None  # "кой е кметът на Кремена": the municipality names its mayor, not a record
        if not _OTHER.isdisjoint(surface_words(parsed.text)):
            return None  # "а във Варвара друго какво има": not the project talked about
        town = "municipality" in parsed.intents or "mayor" in parsed.town_fields
        if "hours" in parsed.town_fields:  # "а работното време?": the town's, unless the
            town = town or self.hours.of_town(parsed, number)  # record's ("в кои дни работи")
        # "коя община е партньор", "кой кмет подписа договора": the project's
        ours = (
            parsed.topic in PROJECT_TOPICS
            and set(parsed.town_fields) <= {"mayor"}
            and not (parsed.answer == "count" and parsed.counted)  # "колко жители има общината"
        )
        # "кой е кмет на селото": the village's mayor, whom the record of its project names
        ours = ours or (
            (not SETTLEMENTS.isdisjoint(parsed.content) or asks_village_mayor(parsed))
            and self._holds_all(number, parsed)
            and self.mayors.isdisjoint(parsed.places)  # unless the municipality lists him
        )  # "и кой е кметът на Бродец": the village's, whom the record of its project names
        if town and not parsed.refers and not ours:
            return None  # "адрес на общината", "кой е кметът"; "а кога общината го обяви" continues
        project = self.index.projects[number]
        held = [p for p in parsed.places if self._held(number, p, parsed)]
        if self.places.conflicts(number, [p for p in parsed.places if p not in held]):
            return None  # "а автобусът за Върбак": a village its record speaks of is no conflict
        now = "now" in parsed.intents or parsed.status == "ongoing"
        if now and project.status != "ongoing" and not parsed.refers:  # "who runs it" continues
            return None
        # a guess decides nothing, nor does a verb of saying ("what did they write"), nor an
        # occasion ("за пръв път")
        ignored = parsed.guessed | _TELLING | occasions(parsed.words)
        if "hours" in parsed.town_fields:  # "в кои дни работи": the days are the hours asked
            ignored |= OPEN_ABOUT
        words = [w for w in parsed.content if w not in ignored]
        # a word half the projects hold ("town", "село") says nothing of which one is meant,
        # beside words the base knows ("is there a swimming pool in town"); the thing counted is
        # a detail ("колко места ще има вътре")
        rare = [w for w in words if w in parsed.counted or not self.common(w)]
        words = rare if rare and all(self.index.lookup(w) for w in rare) else words
        if not words:  # "а покритият пазар, кога отваря": "it" is what the context names whole
            asks = bool(parsed.topic or parsed.answer or parsed.follow_up or parsed.town_fields)
            asks = asks or tells(parsed)
            return number if asks and not self._told_other(parsed, number, best) else None
        unexplained = [w for w in words if not self.explains(number, w)]
        # a word nothing in the knowledge base holds with a verb's ending ("ще го пуснат"), or
        # a verb whatever the base holds ("how many people came"), and the noun counted ("а
        # колко деца?"), are details of the subject, not a subject
        said = [
            w
            for w in unexplained
            if w not in parsed.counted
            and (w not in parsed.verbs or (self.index.lookup(w) and w not in parsed.sure_verbs))
        ]
        if said and len(unexplained) == len(words) and not parsed.refers:  # "а кой го монтира"
            return None
        if said and not _PAGES.isdisjoint(parsed.town_fields) and not parsed.refers:
            return None  # "какъв е сайтът на общинския съвет": the page of what it never names
        # the thing counted, which the record holds, and verbs: "how many trees did they plant"
        counted = bool(parsed.counted) and set(words) - parsed.verbs <= set(parsed.counted)
        counted = counted and not said
        # nor does a Bulgarian verb name another project ("от кога съществува": no "съществуващ
        # парк"); an English one may be a noun ("and for the park?")
        acts = parsed.verbs if counted else _bulgarian(parsed.text) & parsed.sure_verbs
        if parsed.refers:  # "who equipped it": a verb said of it, though a title says "equipment"
            acts = acts | (parsed.verbs - _bulgarian(parsed.text))
        if any(
            w in parsed.subjects or (w not in acts and self.names_other(number, w))
            for w in unexplained
        ):
            return None
        head = self._head(parsed)
        if head in said and not parsed.refers:  # "а кога ще направят басейн за децата"
            return None
        only_held = bool(held) and set(words) - parsed.verbs <= {w for p in held for w in p}
        if best is not None and best.number != number and best.name_coverage >= 0.99:
            return number if only_held or counted else None  # "а в Букак кога": a village it has
        return number

    def town_mayor(self, parsed: Parsed) -> bool:
        """True when the question asks the mayor of a village the municipality's contacts name."""
        return asks_village_mayor(parsed) and not self.mayors.isdisjoint(parsed.places)

    def lacked(self, parsed: Parsed, number: int) -> list[str]:
        """The words a follow-up asks (no verb, no guess) that the project's record lacks."""
        asked = set(parsed.content) - parsed.verbs - parsed.guessed
        return [w for w in asked if not self.explains(number, w)]

    def _holds_all(self, number: int, parsed: Parsed) -> bool:
        """True when the project's record holds every word the question asks."""
        return all(self.explains(number, w) for w in [*parsed.content, *parsed.extra])

    def _held(self, number: int, place: Place, parsed: Parsed) -> bool:
        """True when the project's record speaks of the village and no project named after it
        holds the rest asked ("а автобусът за Върбак"; not "а в Крушевдере кога ще сменят
        тръбите" beside "Водопроводът на Крушевдере", though the record names the village)."""
        if not all(self.explains(number, w) for w in place):
            return False
        rest = [w for w in parsed.content if w not in place and w not in parsed.verbs]
        others = {
            other
            for w in place
            for m in self.index.lookup(w)
            for other, weight in self.index.postings[m.term].items()
            if weight >= NAME and other != number
        }
        return not rest or not any(all(self.explains(o, w) for w in rest) for o in others)

    def _told_other(self, parsed: Parsed, number: int, best: Candidate | None) -> bool:
        """True when the message's context names another project whole, in words the project
        talked about does not hold."""
        other = best is not None and best.number != number and best.name_coverage >= 0.99
        return other and not all(self.explains(number, w) for w in parsed.told)

    @staticmethod
    def _head(parsed: Parsed) -> str | None:
        """The first noun of the question that is not the thing counted: what it is about."""
        found = tokens(parsed.text)
        latin = typed_bulgarian(found)
        return next(
            (
                t.term
                for t in found
                if t.term in parsed.content
                and t.term not in parsed.counted
                and noun_shaped(t, latin)
            ),
            None,
        )

    def named_in(self, text: str) -> str | None:
        """The one project whose name of three words or more the text says whole (a contact of
        the municipality, "Домашен социален патронаж – ...": the chat goes on about it; two
        words, "Тракийска лоза", may be two places, "Тракийско", "Каменни лозя")."""
        said = set(terms(text))
        found = {
            number
            for number, names in enumerate(self.index.name_terms)
            if any(len(name) >= NAMING_WORDS and name <= said for name in names)
        }
        return self.index.projects[found.pop()].id if len(found) == 1 else None

    def names(self, number: int, words: list[str]) -> bool:
        """True when one of the words is part of the project's name."""
        return any(self.index.names(number, word) for word in words)

    def names_other(self, number: int, word: str) -> bool:
        """True when the word is part of the name of another project than number."""
        return any(
            weight >= NAME and other != number
            for m in self.index.lookup(word)
            for other, weight in self.index.postings[m.term].items()
        )

    def with_context(self, parsed: Parsed, number: int) -> Parsed:
        """A question with no words of its own ("кога беше?", "коя е?") takes its details from
        the message's context: the words of it that the project's record holds."""
        if parsed.content or parsed.extra or parsed.answer is None or not parsed.told:
            return parsed
        held = [w for w in parsed.told if self.explains(number, w)]
        return replace(parsed, extra=held) if held else parsed

    def common(self, word: str) -> bool:
        """True when half the projects or more (three at least) hold one form of the word (its
        postings' sizes: the cost does not grow with the number of projects)."""
        held = max((len(self.index.postings[m.term]) for m in self.index.lookup(word)), default=0)
        return held >= COMMON and 2 * held >= len(self.index.projects)

    def explains(self, number: int, word: str) -> bool:
        """True when the project's record holds the word."""
        return self.index.holds(number, word)
