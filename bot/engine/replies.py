"""Replies that are not one field of a project: a quoted fact with its source, the
municipality's own facts, a filtered list of projects, small talk, and "our data does not say"."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine import formatting as fmt
from bot.engine.compose import contact_lines, municipality_contacts
from bot.engine.facts import Fact
from bot.engine.lexicon import DEPUTY_WORDS, MAYOR_ROLES, SETTLEMENT_NOUNS, VILLAGE_MARKS
from bot.engine.normalize import terms
from bot.engine.reply import Reply, ReplyBuilder, Span
from bot.knowledge import Contact, KnowledgeBase, Project
from bot.texts import t

MAYORS = frozenset(t for word in MAYOR_ROLES for t in terms(word))
DEPUTIES = frozenset(t for word in DEPUTY_WORDS for t in terms(word))
# a mayor's role that names a village ("кмет на с. Хамбарци", "mayor of Hambartsi village")
_VILLAGE = frozenset(t for word in (*SETTLEMENT_NOUNS, *VILLAGE_MARKS) for t in terms(word))


def quote(project: Project | None, facts: Sequence[Fact], lang: str) -> Reply:
    """The sentences that state the fact asked, each with where it comes from."""
    builder = ReplyBuilder()
    if project is not None:
        builder.title(project.name(lang))
    for number, fact in enumerate(facts):
        if number:
            builder.blank()
        text = fact.text(lang)
        if fact.source == "news" and fact.heading is not None and fact.date is not None:
            title = fact.heading.get(lang)
            builder.line(
                Span(f"{fmt.date(fact.date, lang)} – "), Span(title, url=fact.url, bold=True)
            )
            body = fact.more.get(lang) if text == title and fact.more else text
            if body != title:
                builder.line(f"„{body}“" if lang == "bg" else f"“{body}”")
            builder.line(t("source.news", lang))
            continue
        if fact.source == "faq" and fact.more is not None:  # written whole for its question
            text = fact.more.get(lang)
        if fact.source == "links":  # a page: its title, linked, with its address
            builder.line(Span(text, url=fact.url))
        else:
            builder.line(f"„{text}“" if lang == "bg" else f"“{text}”")
        heading = fact.heading.get(lang) if fact.heading else ""
        builder.line(t(f"source.{fact.source}", lang, title=heading))
    return builder.build()


def not_found(project: Project, lang: str) -> Reply:
    """Our data on the project does not answer the detail asked."""
    builder = ReplyBuilder().line(t("detail.not_found", lang, name=project.name(lang)))
    return builder.line(t("detail.nearest", lang)).bullet(project.name(lang)).build()


def small_talk(kind: str, knowledge: KnowledgeBase, lang: str) -> Reply:
    """A short answer to a greeting, thanks, goodbye or "who are you"."""
    name = knowledge.municipality.name.get(lang)
    builder = ReplyBuilder().line(t(kind, lang, name=name))
    if kind in ("greeting", "about"):
        builder.line(t("examples", lang))
    return builder.build()


class TownReplies:
    """The municipality's own facts: office hours, address, phones, e-mail, site, mayor."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.town = knowledge.municipality

    def mayors(self) -> list[Contact]:
        """The contacts whose role names the mayor; a deputy ("Заместник-кмет") only when no
        role names the mayor alone; of the mayors, those whose role says most of the municipality's
        name ("кмет на Община Варовица", not "кмет на с. Овчарово ... в общината")."""
        roles = [
            (c, {w for _, v in c.role.values() for w in terms(v)})
            for c in self.town.contacts
            if c.role
        ]
        named = [(c, words) for c, words in roles if MAYORS & words]
        own = [(c, words) for c, words in named if not DEPUTIES & words]
        kept = [(c, words) for c, words in own if not _VILLAGE & words] or own  # not a village's
        town = {w for _, v in self.town.name.values() for w in terms(v)}
        most = max((len(town & words) for _, words in kept), default=0)
        of_town = [c for c, words in kept if most and len(town & words) == most]
        return of_town or [c for c, _ in kept] or [c for c, _ in named]

    def mayor(self, lang: str) -> Reply | None:
        """The contacts whose role names the mayor, or None."""
        found = self.mayors()
        if not found:
            return None
        builder = ReplyBuilder().title(self.town.name.get(lang))
        for contact in found:
            contact_lines(builder, contact, lang)
        return builder.build()

    def field(self, name: str, lang: str) -> Reply | None:
        """One field of municipality.yaml, with the phone beside it; None when it is unknown."""
        town = self.town
        builder = ReplyBuilder().title(town.name.get(lang))
        if name == "mayor":
            return self.mayor(lang)
        if name == "hours":
            if town.hours:
                builder.field(t("label.hours", lang), town.hours.get(lang))
            else:
                builder.line(t("town.no_hours", lang))
        elif name == "address" and town.address:
            builder.field(t("label.address", lang), town.address.get(lang))
        elif name == "email" and town.email:  # and the phones, not the e-mail a second time
            builder.field(t("label.email", lang), town.email)
            if town.phones:
                builder.field(t("label.phone", lang), ", ".join(town.phones))
            return builder.build()
        elif name == "website":
            builder.line(
                Span(f"{t('label.website', lang)}: ", bold=True),
                Span(town.website, url=town.website),
            )
            return builder.build()
        elif name != "phones":
            return None
        municipality_contacts(builder, town, lang, full=False)
        return builder.build()


def clarify(knowledge: KnowledgeBase, suggestions: tuple[str, ...], lang: str) -> Reply:
    """'Did you mean' with the projects suggested."""
    builder = ReplyBuilder().line(t("clarify", lang))
    for project_id in suggestions:
        project = knowledge.project(project_id)
        if project:
            builder.bullet(project.name(lang))
    return builder.build()


def fallback(knowledge: KnowledgeBase, suggestions: tuple[str, ...], lang: str) -> Reply:
    """No answer: an apology, the closest projects if any, and the municipality's contacts."""
    builder = ReplyBuilder().line(t("fallback", lang))
    if suggestions:
        builder.blank().line(t("fallback.suggest", lang))
        for project_id in suggestions:
            project = knowledge.project(project_id)
            if project:
                builder.bullet(project.name(lang))
    builder.blank().line(t("fallback.contact", lang))
    municipality_contacts(builder, knowledge.municipality, lang, full=False)
    return builder.build()
