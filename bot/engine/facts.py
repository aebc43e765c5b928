"""Every sentence of a project's record as a fact that can be asked for, with what it states.

A fact is one sentence or item of the summary, activities, results, goals, target groups,
locations, contractors, partners, news, FAQ or contacts. It knows the kinds of things it states
(a number with the noun after it, a date, an amount, a length, a name, a place), so that "how
many children", "when did X happen" or "who" find the sentence that answers them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from bot.engine.abbreviations import defined, used
from bot.engine.formatting import MONTHS
from bot.engine.frequency import states_frequency
from bot.engine.index import indexed_terms
from bot.engine.lexicon import (
    ABBREVIATIONS,
    LANGUAGES,
    LINK_WORDS,
    MUNICIPALITY_FIELDS,
    OPEN_DAYS,
    ORGANISATION_MARKS,
    PERSON_ROLES,
    PERSON_TITLES,
    UNIT_PHRASES,
    UNITS,
)
from bot.engine.lists import lists_things
from bot.engine.measures import COUNT_MARKS, LONGEST, unit_measures
from bot.engine.normalize import clean, terms
from bot.engine.numbers import (
    MAGNITUDE_WORDS,
    compound,
    numeral_end,
    range_start,
    starts_number,
)
from bot.engine.stopwords import content_terms
from bot.knowledge import Contact, Project, Text

_NUMBER = r"(?<![\w.,])\d+(?:[  ]\d{3})*(?:[.,]\d+)?"
_MONTH = "|".join(m.lower() for names in MONTHS.values() for m in names)
_DATE = re.compile(
    rf"\b\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d\d\b|\b\d{{1,2}}\s+(?:{_MONTH})\b|\b(?:{_MONTH})\s+"
    rf"(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*г\b|\b(?:in|of|by|since|until|от|през|до|в)\s+(?:19|20)\d\d\b"
)
_NAME = re.compile(
    r"„[^“]+“|\"[^\"]+\"|(?<=[^.!?]\s)[A-ZА-Я][\w-]+(?:\s+[A-ZА-Я][\w-]+)*|\b[A-ZА-Я]{2,}\b"
)
# Who does or runs something: a firm's legal form, a person's title before a name, a role.
_MARKS = frozenset(ORGANISATION_MARKS)
_TITLE_WORDS = {title.lower(): word for title, word in PERSON_TITLES.items()}
_TITLED = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(t) for t in PERSON_TITLES) + r")\.?\s+[A-ZА-Я]",
    re.IGNORECASE,
)
# "Ивалина Табакова" (in Cyrillic: English capitalises whole titles, "Resilience Plan")
_FULL_NAME = re.compile(r"\b[А-Я][а-я]+\s+[А-Я][а-я]+")
ROLES = frozenset(t for word in PERSON_ROLES for t in terms(word))
_LANGUAGES = frozenset(t for word in LANGUAGES for t in terms(word))
WHO_SOURCES = frozenset({"contacts", "contractors", "partners"})
LINK_ABOUT = frozenset(t for word in LINK_WORDS for t in terms(word))
CONTACT_FIELDS = ("hours", "phones", "email")  # named as the municipality's (municipality_fields)
# a sentence stating the hours of the day says when a place is open ("вторник – събота,
# 09:00 – 17:00 ч."): it is about opening hours and days, whatever it was asked for
OPEN_ABOUT = frozenset(
    t for word in (*MUNICIPALITY_FIELDS["hours"], *OPEN_DAYS) for t in terms(word)
)
_UNIT = {kind: {w.lower() for w in words} for kind, words in UNITS.items()}
_UNIT_PAIRS = {w.lower(): kind for kind, words in UNIT_PHRASES.items() for w in words}
# a length by a width: "24 х 14 м", "14 на 9 метра", "14 by 9 metres"
_DIMENSIONS = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:[xх×]|на|by)\s*\d+(?:[.,]\d+)?\s*(?:м|m|метра|metres|meters)\b"
)
_HYPHENATED = re.compile(r"\b\d+-(метров|metre|meter|km|километров)", re.IGNORECASE)
_YEAR = re.compile(r"^(19|20)\d\d$")
_CAPITALISED = re.compile(r"\b[A-ZА-Я][\w-]*")
_UNIT_WORD = re.compile(r"[\w€²³]+|%")
_HYPHENED_WORD = re.compile(r"[\w-]+")
# a list's items and joined clauses: a comma or semicolon (not a decimal one), a sentence's end,
# "и", "and", "или", "or"
_CLAUSE = re.compile(r"[;,](?!\d)|[.!?]\s+(?=\W?[A-ZА-Я])|\s(?:и|and|или|or)\s", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:ч|h|часа|am|pm)\b|\b\d{1,2}:\d\d\b", re.IGNORECASE)
# dates, times ("7:30ч" too)
_CALENDAR = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})\b|\b\d{1,2}:\d\d(?!\d)")
# a phone number ("0889 308 530", "+359 4357 2400") counts nothing
_PHONE = re.compile(r"(?<![\w.,])(?:\+\d{2,3}[\s-]?\d|0\d\d)[\d\s-]*\d(?!\w)")
# a code or a contract's number ("BG05SFPR003-1.001-0014-С03", "№ 13/07/2/0/00078", "РД-02-15")
# counts nothing
_CODE = re.compile(
    r"№\s*[\w/.-]*\d[\w/.-]*|\b[^\W\d_]+-?\d\w*(?:[-/.]\w+)*|\b\d+(?:/\d+){2,}\b"
    r"|\b\d+(?:[-/.]\d+)*-[^\W\d_]+\d\w*"
)
_MONTHS = {m.lower() for names in MONTHS.values() for m in names}
# A written sentence ends at . ! ? or … before a capital letter (or a quote or bracket opening
# one), unless the word before the stop is an abbreviation ("гр. Смолян") or an initial.
_STOP = re.compile(r"(?<=[.!?…])\s+(?=[„“\"«(\[]?[A-ZА-ЯЁ])|\n+")
_ABBREVIATED = re.compile(
    r"(?:^|[\s(„\"])(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r"|[A-ZА-Я])\.$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Fact:
    """One sentence or item of a project's record, in each language it is written in."""

    source: str
    texts: dict[str, str]
    terms: frozenset[str]
    kinds: frozenset[str]
    counted: frozenset[str] = frozenset()
    date: dt.date | None = None
    url: str | None = None
    heading: Text | None = None
    more: Text | None = None  # the rest of a news item whose title this is; a whole FAQ answer
    about: frozenset[str] = frozenset()  # the terms of its heading, or of the FAQ's questions
    # (kinds of numbers, terms) of each clause stating a number, when it has several clauses
    clauses: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    measures: frozenset[str] = frozenset()  # what its numbers measure, by their units (areas)

    def text(self, lang: str) -> str:
        """The sentence in lang, else in the other language."""
        return self.texts.get(lang) or self.texts.get("*") or next(iter(self.texts.values()))


def _units(text: str, measures: set[str] | None = None) -> tuple[set[str], set[str]]:
    """The kinds of numbers a text states, and the nouns that follow a bare number (and into
    measures, the measures its units state: "53 480 кв.м" an area)."""
    kinds: set[str] = set()
    counted: set[str] = set()
    words = _UNIT_WORD.findall(_PHONE.sub(" ", _CALENDAR.sub(" ", _CODE.sub(" ", clean(text)))))
    names = {w.lower() for w in _CAPITALISED.findall(text)}  # "Трифонова" is no "три-"
    end = 0
    for i, word in enumerate(words):
        part = compound(word) if i >= end and word not in names else None
        if part is not None:  # "четириетажен": the noun after the numeral is in the word
            after = [part, *words[i + 1 : i + LONGEST]]
            following = after[:2]
        elif i < end or not starts_number(words, i) or _YEAR.match(word):
            continue  # a word inside a number in words already read ("двайсет и три")
        elif word.isdigit():  # each group of digits is read ("9 018 280 лв.": "280 лв.")
            at = i + 1
            while at < min(i + 3, len(words)) and words[at].isdigit():
                at += 1
            after, following = words[at : at + LONGEST], words[at : i + 3]
        else:  # a number in words is read whole ("хиляда и двеста квадратни метра")
            at = end = numeral_end(words, i)
            after = words[end : end + LONGEST]
            following = after[:2]
        if following and following[0] in _MONTHS:
            continue  # "от 6 септември": the day of a date is no quantity
        if part is None and range_start(words, at):
            kinds.add("number")  # "от три до дванайсет години": the unit comes after the end
            continue
        if measures is not None:
            measures |= unit_measures(after)
        if following and following[0] in COUNT_MARKS:  # "4 бр. метални наблюдателни кули"
            counted.update(content_terms(" ".join(after[1:4])))
        kinds.add("number")
        if len(following) > 1 and following[0] in MAGNITUDE_WORDS:  # "620 хил. евро": the word
            following = following[1:]  # after a thousand says what is counted
        pair = " ".join(following[:2])  # "единайсет на сто": a unit of two words, read whole
        unit = _UNIT_PAIRS.get(pair)
        end = end + 2 if unit and part is None and following == after[:2] else end
        unit = unit or next((k for k, n in _UNIT.items() if following and following[0] in n), None)
        if unit:  # the unit is also the thing counted when it is a word ("90 места", "42 кв. м")
            kinds.add(unit)
            counted.update(content_terms(following[0]))
        elif following:
            kinds.add("count")
            counted.update(content_terms(" ".join(following[:2])))
    if _HYPHENATED.search(text):
        kinds.add("length")
    if _DIMENSIONS.search(text):  # a length by a width is an area
        kinds.add("size")
    return kinds, counted


def titles(text: str) -> list[str]:
    """The terms of the words the persons' titles in a text stand for."""
    return [t for m in _TITLED.finditer(text) for t in terms(_TITLE_WORDS[m.group(1).lower()])]


def _names_who(text: str) -> bool:
    """True when a text with a name says who it is: a firm ("„Сивидол Ски“ ЕООД"), a titled
    person ("д-р Асен Делчев") or a full name beside a role ("Ивалина Табакова, управител"),
    not a role beside a place ("лекар в Тракийско")."""
    words = _HYPHENED_WORD.findall(text)
    if any(w in _MARKS or w.lower() in _MARKS for w in words) or _TITLED.search(text):
        return True
    return bool(_FULL_NAME.search(text)) and not ROLES.isdisjoint(terms(text))


def describe(
    texts: Iterable[str], measures: set[str] | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds of things the texts state, and the counted nouns (and into measures, those its
    units state)."""
    kinds: set[str] = set()
    counted: set[str] = set()
    for text in texts:
        found, nouns = _units(text, measures)
        kinds |= found
        counted |= nouns
        if _DATE.search(clean(text)):
            kinds.add("date")
        if _CLOCK.search(text):
            kinds.add("time")
        if not _LANGUAGES.isdisjoint(terms(text)):
            kinds.add("language")  # "табели на български, английски и сръбски"
        if _NAME.search(text):
            kinds.add("person")
            if _names_who(text):
                kinds.add("who")
    return frozenset(kinds), frozenset(counted)


def measured_clauses(
    texts: Iterable[str], known: dict[str, frozenset[str]] | None = None
) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The kinds of numbers and the terms of each clause of the texts that states a number, when a
    text has several clauses (with the words of the abbreviations known that a clause uses): the
    number stated beside a noun measures it ("обучителна зона от 2,1 ха с 2 „килимчета“" after
    "влек с дължина 420 м"), not what another clause names."""
    found = []
    for text in texts:
        parts = _CLAUSE.split(text)
        if len(parts) < 2:
            continue
        for part in parts:
            kinds, _ = _units(part)
            if kinds:
                said = frozenset(indexed_terms(part))
                found.append((frozenset(kinds), said | used(part, known) if known else said))
    return tuple(found)


def sentences(text: str) -> list[str]:
    """The sentences of a written text ("ок. 410 кв. м", "гр. Смолян" and "А. Иванов" end none)."""
    found: list[str] = []
    for piece in _STOP.split(text.strip()):
        if not piece.strip():
            continue
        if found and _ABBREVIATED.search(found[-1]):
            found[-1] = f"{found[-1]} {piece}"
        else:
            found.append(piece)
    return found


def split_sentences(value: Text) -> list[dict[str, str]]:
    """A text split into sentences, the languages aligned when they split alike."""
    split = {lang: sentences(text) for lang, text in value.values()}
    sizes = {len(parts) for parts in split.values()}
    if len(sizes) != 1:
        return [dict(value.values())]
    return [{lang: parts[i] for lang, parts in split.items()} for i in range(sizes.pop())]


def make_fact(source: str, texts: dict[str, str], **extra: object) -> Fact:
    """A fact from its texts: its terms (a title's too: "д-р" is a "доктор"), and what it
    states."""
    found = [t for text in texts.values() for t in indexed_terms(text)]
    found += [t for text in texts.values() for t in titles(text)]
    measures: set[str] = set()
    kinds, counted = describe(texts.values(), measures)
    if "time" in kinds:
        extra["about"] = OPEN_ABOUT | extra.get("about", frozenset())  # type: ignore[operator]
    if extra.get("date") is not None:
        kinds |= {"date"}
    if any(lists_things(text) for text in texts.values()):
        kinds |= {"list"}  # "с мляко, хляб и плод": several things in a row
    if any(states_frequency(text) for text in texts.values()):
        kinds |= {"frequency"}  # "всеки половин час", "два пъти седмично"
    if source in WHO_SOURCES:  # a contact, contractor or partner is who does it
        kinds |= {"who"}
    extra["clauses"] = measured_clauses(texts.values())
    extra["measures"] = frozenset(measures)
    return Fact(source, texts, frozenset(found), kinds, counted, **extra)  # type: ignore[arg-type]


def contact_text(contact: Contact) -> Text:
    """A contact as one text per language: name – role – phones – e-mail – hours."""
    values: dict[str, str] = {}
    for lang in ("bg", "en"):
        parts = [contact.name.get(lang)]
        if contact.role:
            parts.append(contact.role.get(lang))
        parts += [", ".join(contact.phones)] if contact.phones else []
        parts += [contact.email] if contact.email else []
        parts += [contact.hours.get(lang)] if contact.hours else []
        values[lang] = " – ".join(parts)
    return Text(values)


def _terms_of(texts: Iterable[str]) -> frozenset[str]:
    """The indexed terms of the texts."""
    return frozenset(t for text in texts for t in indexed_terms(text))


def _items(project: Project) -> Iterator[tuple[str, Text, dict[str, object]]]:
    """(source, text, extra) for every item of a project's record."""
    yield "summary", project.summary, {}
    yield "title", project.title, {}
    for source in ("goals", "target_groups", "results", "locations", "contractors"):
        for value in getattr(project, source):
            yield source, value, {}
    for value in project.partners or ():
        yield "partners", value, {}
    for name in ("programme", "funding", "beneficiary"):
        value = getattr(project, name)
        if value is not None:
            yield "programme", value, {}
    # a heading says what the sentences under it are about: an activity's title, a news item's
    # title, the ways people ask an FAQ entry ("плаща ли се превозът")
    for activity in project.activities:
        yield "activities", activity.title, {"heading": activity.title}
        about = _terms_of(v for _, v in activity.title.values())
        for part in (activity.summary, *activity.results):
            if part is not None:
                yield "activities", part, {"heading": activity.title, "about": about}
    for item in project.news:
        extra: dict[str, object] = {"date": item.date, "url": item.url, "heading": item.title}
        yield "news", item.title, {**extra, "more": item.summary}
        about = _terms_of(v for _, v in item.title.values())
        if item.summary:
            yield "news", item.summary, {**extra, "about": about}
    for qa in project.faq:
        yield "faq", qa.answer, {"about": _terms_of(qa.questions), "more": qa.answer}
    for link in project.links:  # a page is about reading more, seeing photos, a map
        yield "links", link.title, {"url": link.url, "about": LINK_ABOUT}
    for contact in project.contacts:  # its hours are about "working hours", "open", "работи"
        said = [field for field in CONTACT_FIELDS if getattr(contact, field)]
        about = _terms_of(w for field in said for w in MUNICIPALITY_FIELDS[field])
        yield "contacts", contact_text(contact), {"about": about}


def project_facts(project: Project) -> list[Fact]:
    """Every fact of one project's record (a sentence that uses an abbreviation the record
    defines holds the words it stands for: "247 СВО")."""
    items = list(_items(project))
    facts = [
        make_fact(source, texts, **extra)
        for source, value, extra in items
        for texts in split_sentences(value)
    ]
    known = defined(text for _, value, _ in items for _, text in value.values())
    if not known:
        return facts
    return [
        replace(
            f,
            terms=f.terms | used(" ".join(f.texts.values()), known),
            clauses=measured_clauses(f.texts.values(), known),
        )
        for f in facts
    ]


Facts = tuple[list[Fact], Counter[str]]


def with_frequency(facts: list[Fact]) -> Facts:
    """Facts, and how many of them hold each term."""
    return facts, Counter(t for fact in facts for t in fact.terms)


@dataclass
class FactBook:
    """The facts of each project, made the first time a question needs them."""

    projects: list[Project]
    _facts: dict[int, Facts] = field(default_factory=dict)

    def of(self, number: int) -> Facts:
        """The facts of the project at number, and how many of them hold each term."""
        found = self._facts.get(number)
        if found is None:
            found = self._facts[number] = with_frequency(project_facts(self.projects[number]))
        return found
