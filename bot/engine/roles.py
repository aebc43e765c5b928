"""Who does what: the role a who-question asks ("кой ще стопанисва водопровода", "коя фирма
проектира", "who will operate the plant", "кой е строил църквата") and the sentences or entries
of a project's record that name the party of that role (`party_roles` in lexicon.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.compose import Composer
from bot.engine.facts import ROLES, Fact, titles
from bot.engine.lexicon import MUNICIPALITY, PARTY_ROLES
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.replies import quote
from bot.engine.reply import Reply, ReplyBuilder
from bot.engine.unstated import asks_field
from bot.knowledge import Project
from bot.texts import t

ASKS = {
    role: frozenset(term for w in parts["asks"] for term in terms(w))
    for role, parts in PARTY_ROLES.items()
}
STATES = {
    role: frozenset(term for w in parts["states"] for term in terms(w))
    for role, parts in PARTY_ROLES.items()
}
FIELDS = {role: parts["field"][0] for role, parts in PARTY_ROLES.items() if "field" in parts}
PARTY_TERMS = frozenset().union(*STATES.values())
ROLE_TERMS = frozenset().union(*ASKS.values())
BUILDER = "builder"
CONTRACTORS = "contractors"
HISTORY = "history"
PARTNER = "partner"
PERSON = "person"  # a person's role of person_roles: "докторът", "the teacher"
QUOTED = 2  # entries quoted at most
_TOWN = frozenset(term for word in MUNICIPALITY if " " not in word for term in terms(word))
# the topics a who-question of a role comes with: none, or one its words set ("кой ще
# стопанисва водопровода след като го завършат": the dates)
_ASKED_OF = frozenset({None, "summary", "contractors", "partners", "dates", "activities", "status"})
_ENTRIES = frozenset({"contractors", "partners", "programme", "contacts"})
# where a party is named, the surest first: its own entry, then the record's sentences
_SOURCES = (
    "contractors",
    "partners",
    "programme",
    "contacts",
    "summary",
    "activities",
    "faq",
    "news",
)


@dataclass(frozen=True)
class Party:
    """The role a question asks, and the record's sentences that name its party."""

    role: str
    facts: tuple[Fact, ...]
    field: str | None = None  # the topic whose field answers instead


def role_asked(parsed: Parsed) -> str | None:
    """The role the question asks by its words, when it asks who (or about the partners)."""
    if parsed.topic not in _ASKED_OF:  # "кой има право": whom it is for; "кой е бенефициент"
        return None
    words = {*parsed.words, *terms(parsed.text)}  # as written: "stroil" is no typo of "строи"
    roles = ASKS if parsed.who else {PARTNER: ASKS[PARTNER]}  # "каква е ролята ... партньор"
    return next((role for role, asks in roles.items() if not asks.isdisjoint(words)), None)


def naming(
    facts: Sequence[Fact], states: frozenset[str], words: frozenset[str], own: Fact | None = None
) -> list[Fact]:
    """The facts that state the role's party, those holding most of the question's other words
    first (an entry of the record, which names the party itself, counts one more than a sentence
    that mentions it, and own, the beneficiary's, one more again when the question names the
    municipality); only the best ones."""
    others = words - ROLE_TERMS - states
    town = own if not _TOWN.isdisjoint(words) else None

    def score(fact: Fact) -> int:
        return len(fact.terms & others) + (fact.source in _ENTRIES) + (fact is town)

    hits = [f for f in facts if f.source in _SOURCES and not f.terms.isdisjoint(states)]
    scored = sorted(hits, key=lambda f: (-score(f), _SOURCES.index(f.source)))
    kept: list[Fact] = []
    for fact in scored:
        if score(fact) == score(scored[0]) and fact.texts not in [k.texts for k in kept]:
            kept.append(fact)
    return kept[:QUOTED]


def party(
    parsed: Parsed, facts: Sequence[Fact], project: Project, naming_words: frozenset[str]
) -> Party | None:
    """The role asked and the sentences naming its party; None when no role is asked or no
    sentence names its party. Who built a thing first is the works' builder when no sentence
    says so; a partner is named by
    the question's other words ("is the municipality the lead partner"), or the partners' field
    answers."""
    role = role_asked(parsed)
    if role is None and parsed.topic in _ASKED_OF:
        return _person(parsed, facts, naming_words)
    if role is None:
        return None
    if role in FIELDS:
        return Party(role, (), FIELDS[role])
    words = frozenset(parsed.words) - naming_words  # not the words that name the project
    own = project.beneficiary
    mine = next((f for f in facts if own is not None and f.texts == dict(own.values())), None)
    found = naming(facts, STATES[role], words, mine)
    if role == HISTORY and not found:  # no sentence says who built it first: the works'
        role, found = BUILDER, naming(facts, STATES[BUILDER], words, mine)
    if role != BUILDER and not found:  # "кой поддържа понтона": what the record says of it
        return None
    if role == PARTNER and found and not any(f.terms & (words - ROLE_TERMS) for f in found):
        found = []
    if role == BUILDER and (project.contractors or (not found and asks_field(words, CONTRACTORS))):
        return Party(role, tuple(found), CONTRACTORS)  # "who did the restoration works": its own
    # field; "коя фирма строи" of a record naming none: the firm is not in our data (no
    # beneficiary instead)
    return Party(role, tuple(found))


def builder_reply(
    project: Project, found: Sequence[Fact], unnamed: Reply, lang: str
) -> Reply | None:
    """Who does the works when the record names no contractor: its sentence on them ("ще бъде
    избран по ЗОП"), else the beneficiary who carries them out, before the field's "not in our
    data" (unnamed); None when the record says neither."""
    if found:
        said = quote(None, found, lang)
    elif project.beneficiary is not None:
        said = (
            ReplyBuilder()
            .field(t("label.beneficiary", lang), project.beneficiary.get(lang))
            .build()
        )
    else:
        return None
    title = ReplyBuilder().title(project.name(lang)).build()
    return title.then(said, blank=False).then(Reply(unnamed.lines[1:]))


def party_reply(
    project: Project, asked: Party, composer: Composer, lang: str
) -> tuple[Reply, str, float] | None:
    """The reply, its topic and certainty for the party asked: the sentences naming it, or for
    the builder when no contractor is named, builder_reply; None when the record says nothing."""
    found = asked.facts
    if asked.role == BUILDER:
        unnamed, _ = composer.project(project, "contractors", lang)
        reply = builder_reply(project, found, unnamed, lang)
        return None if reply is None else (reply, "contractors", 0.9)
    if found:
        topic = found[0].source if found[0].source in ("contractors", "partners") else "summary"
        return quote(project, found, lang), topic, 1.0
    return None


def _person(parsed: Parsed, facts: Sequence[Fact], naming_words: frozenset[str]) -> Party | None:
    """Who is asked by a role of a person ("как се казва докторът"): the sentences that name
    one with that very role, by a title before the name first ("д-р Мюмюн Салиев"), the
    question's other words first; None when it asks no such role or no sentence names one."""
    if not parsed.who:
        return None
    asked = ROLES.intersection(parsed.words) - PARTY_TERMS  # "изпълнителят": the party's
    named = [f for f in facts if "who" in f.kinds and not f.terms.isdisjoint(asked)]
    # a title before a name says the role itself ("д-р Мюмюн Салиев" is the doctor)
    titled = [f for f in named if any(asked.intersection(titles(x)) for x in f.texts.values())]
    named = titled or named
    if not asked or not named:
        return None
    return Party(PERSON, tuple(naming(named, asked, frozenset(parsed.words) - naming_words)))
