"""Questions about no one project: lists with filters, the municipality's own facts, the news,
and the replies that ask which project or say that the bot does not know."""

from __future__ import annotations

from bot.engine.compose import Composer, municipality_contacts, project_list
from bot.engine.detail import FOUND, DetailFinder
from bot.engine.facts import contact_text, make_fact, split_sentences, with_frequency
from bot.engine.fuzzy import Vocabulary
from bot.engine.index import texts_of
from bot.engine.normalize import terms
from bot.engine.places import Places
from bot.engine.question import Parsed
from bot.engine.replies import TownReplies, quote
from bot.engine.reply import Reply, ReplyBuilder
from bot.knowledge import KnowledgeBase, Text
from bot.texts import t

ANSWER_AT = 0.5


class General:
    """Everything the bot says that is about no single project."""

    def __init__(self, knowledge: KnowledgeBase, places: Places, details: DetailFinder) -> None:
        self.knowledge = knowledge
        self.places = places
        self.details = details
        self.composer = Composer(knowledge)
        self.town = TownReplies(knowledge)
        town = knowledge.municipality
        values: list[Text] = [qa.answer for qa in knowledge.faq]
        if town.summary is not None:
            values.append(town.summary)
        facts = [make_fact("town", texts) for value in values for texts in split_sentences(value)]
        facts += [make_fact("town", dict(contact_text(c).values())) for c in town.contacts]
        self.facts = with_frequency(facts)
        self.town_words = {w for text in texts_of(town.name) for w in terms(text)}
        self.words = Vocabulary(self.facts[1])

    def answer(
        self, parsed: Parsed, lang: str, best: float, named: bool
    ) -> tuple[Reply, str, str | None] | None:
        """A list, the municipality's facts or the latest news; None when the question is not one
        (best: how sure the best project is; named: whether the question names it)."""
        filters = {w for place in parsed.places for w in place}
        if "list" in parsed.intents:
            filters |= self.places.theme_words(parsed.words)
        subject = [
            w
            for w in parsed.content
            if w not in filters
            and w not in self.town_words
            and (w not in parsed.verbs or self.words.lookup(w))
        ]
        listing = "list" in parsed.intents or (parsed.status and not parsed.content)
        if listing and not subject:
            return self.listing(parsed, lang), "list", None
        about = set()
        if "list" in parsed.intents and (
            parsed.which or not any(map(self.details.index.names_project, subject))
        ):
            about = self._described(subject)
        if about:  # "кои проекти са за деца": the projects whose description holds the words
            return self.listing(parsed, lang, about), "list", None
        town = "municipality" in parsed.intents and not named
        if best >= ANSWER_AT and (subject or named) and not town:
            return None
        if parsed.topic == "news" and not subject and not parsed.places:
            return self.composer.latest_news(lang), "news", "news"
        if self.places.foreign(parsed.places):
            return None
        # "а кметът кога приема": the mayor, when the contacts hold every other word asked
        mayor = (
            "mayor" in parsed.town_fields
            and best < ANSWER_AT
            and all(self.words.lookup(w) for w in subject)
        )
        if "municipality" in parsed.intents or mayor or (parsed.town_fields and not parsed.content):
            reply = self.municipality(parsed, subject, lang)
        elif parsed.home:  # the town's name alone: its own facts, when they hold the words asked
            reply = self.municipality(parsed, subject, lang, fields=not subject)
        else:
            reply = None
        return None if reply is None else (reply, "municipality", "contacts")

    def _described(self, words: list[str]) -> set[int]:
        """The projects whose description holds every one of the words (none: no word given)."""
        sets = [self.details.index.described(word) for word in words]
        return set.intersection(*sets) if sets else set()

    def listing(self, parsed: Parsed, lang: str, only: set[int] | None = None) -> Reply:
        """The projects that pass the question's filters: status, place, theme and the words
        their descriptions hold (only)."""
        chosen = []
        for number, project in enumerate(self.details.index.projects):
            if only is not None and number not in only:
                continue
            if parsed.status and project.status != parsed.status:
                continue
            asked = self.places.foreign(parsed.places)
            if asked and not any(p in self.places.of_project[number] for p in asked):
                continue
            if parsed.themes and not parsed.themes & self.places.themes[number]:
                continue
            chosen.append(project)
        parts = [t(f"list.status.{parsed.status}", lang)] if parsed.status else []
        parts += [t(f"theme.{theme}", lang) for theme in sorted(parsed.themes)]
        parts += [self.places.name(p, lang) for p in self.places.foreign(parsed.places)]
        heading = t("heading.projects", lang) + (f" – {', '.join(parts)}" if parts else "")
        heading += f" ({len(chosen)})"
        return project_list(chosen, heading, lang)

    def municipality(
        self, parsed: Parsed, subject: list[str], lang: str, fields: bool = True
    ) -> Reply | None:
        """The municipality's field asked for, a sentence about it, or all its contacts (fields
        False: only a sentence that holds the words asked)."""
        for name in parsed.town_fields if fields else ():
            reply = self.town.field(name, lang)
            if reply is not None:
                return reply
        # "каква е площта на общината": the word of the measure asked is what a sentence holds
        asked = [*subject, *parsed.counted] or (parsed.cues if parsed.answer else [])
        if asked:
            found = self.details.rank(*self.facts, parsed, asked, self.words)
            if (
                found
                and found[0].support >= FOUND
                and self.details.answers(found[0].fact, parsed.answer)
            ):
                return quote(None, [found[0].fact], lang)
            return None
        builder = ReplyBuilder()
        municipality_contacts(builder, self.knowledge.municipality, lang)
        return builder.build()

    def clarify(self, suggestions: tuple[str, ...], lang: str) -> Reply:
        """'Did you mean' with the projects suggested."""
        builder = ReplyBuilder().line(t("clarify", lang))
        for project_id in suggestions:
            project = self.knowledge.project(project_id)
            if project:
                builder.bullet(project.name(lang))
        return builder.build()

    def fallback(self, suggestions: tuple[str, ...], lang: str) -> Reply:
        """No answer: an apology, the closest projects if any, and the municipality's contacts."""
        builder = ReplyBuilder().line(t("fallback", lang))
        if suggestions:
            builder.blank().line(t("fallback.suggest", lang))
            for project_id in suggestions:
                project = self.knowledge.project(project_id)
                if project:
                    builder.bullet(project.name(lang))
        builder.blank().line(t("fallback.contact", lang))
        municipality_contacts(builder, self.knowledge.municipality, lang, full=False)
        return builder.build()
