"""The answer engine: understand what a question is about and what it asks, and answer it."""

from __future__ import annotations

from collections.abc import Collection
from copy import copy
from dataclasses import replace

from bot.engine import townfacts
from bot.engine.aboutness import held_whole
from bot.engine.answer import Answer
from bot.engine.building import index_and_places
from bot.engine.certainty import quote_holds_question, quoted_of_named, sure_of_count, sure_of_field
from bot.engine.compose import Composer
from bot.engine.conversation import Conversation, FollowUps
from bot.engine.detail import DetailFinder
from bot.engine.facts import FactBook
from bot.engine.faq import FAQ_THRESHOLD, FaqMatcher
from bot.engine.hours import Hours
from bot.engine.index import town_texts
from bot.engine.judge import ANSWER_AT, Judge
from bot.engine.language import LanguageDetector, other_language
from bot.engine.message import asks_anything
from bot.engine.normalize import without_markup
from bot.engine.parsed import Parsed
from bot.engine.parts import answer_parts, sure_part
from bot.engine.prepared import Prepared
from bot.engine.projects import ProjectAnswers
from bot.engine.pronouns import Counted
from bot.engine.published import asks_where_told, entry_on_projects
from bot.engine.question import QuestionReader
from bot.engine.ranking import Candidate, alone_named, clear_lead, near_ties, told
from bot.engine.rankings import entry_set_aside, listed_anew, several
from bot.engine.replies import small_talk
from bot.engine.reply import Reply
from bot.engine.subject import WORK_TERMS
from bot.engine.town import General
from bot.knowledge import KnowledgeBase, Text, collector_paused
from bot.texts import t

CLARIFY_AT = 0.3
SUGGEST_AT = 0.15
CONTEXT = 0.85  # how sure a follow-up is to be about the project talked about
ONLY_PROJECT = 0.7  # how sure a question for a part of "the project" is on a base of one project
TOWN_FAQ = 0.6  # how sure a general FAQ entry found by its words alone is, every one held
DETAILED = frozenset({"amount", "count", "length", "size", "duration", "weight", "percent", "date"})
TALK_ORDER = ("goodbye", "about", "thanks", "greeting", "wish", "emoji")
TALK_REPLY = {"wish": "goodbye"}  # "приятен ден" alone says goodbye; after thanks, thanks


class Engine:
    """Built once from a knowledge base; answers questions in well under a millisecond."""

    @collector_paused()  # building makes only objects that live on: no garbage to look for
    def __init__(self, knowledge: KnowledgeBase, prepared: Prepared | None = None) -> None:
        """prepared: what an earlier build found in projects, reused and brought up to date."""
        self.knowledge = knowledge
        self.index, self.places = index_and_places(knowledge, prepared)
        self.reader = QuestionReader(self.index, self.places, town_texts(knowledge))
        self.details = DetailFinder(self.index, FactBook(self.index.projects))
        self.faq = FaqMatcher(knowledge)
        self.composer = Composer(knowledge)
        self.projects = ProjectAnswers(self.composer, self.details)
        self.general = General(knowledge, self.places, self.details)
        self.detector = LanguageDetector.learn(knowledge)
        hours = Hours(self.index, self.details.book, town_texts(knowledge))
        mayors = townfacts.village_mayors(knowledge.municipality.contacts, self.places.find)
        self.follow = FollowUps(self.index, self.places, hours, mayors)
        self.counted = Counted(self.details.book)
        self.judge = Judge(self.index, self.places, self.follow, self.details)
        self.published = entry_on_projects(knowledge)  # where all the projects are told about

    def detect_language(self, text: str, default: str = "bg") -> str:
        """'bg' or 'en' for a message."""
        return self.detector.detect(text[:600], default)

    def answer(
        self, question: str, conversation: Conversation | None = None, lang: str | None = None
    ) -> Answer:
        """Answer one question; updates conversation with what the answer was about."""
        question = without_markup(question)
        chat = conversation if conversation is not None else Conversation()
        lang = lang or self.detect_language(question, chat.lang or "bg")
        if other_language(question):  # "Сколько стоит", Greek: the languages it answers in
            reply = small_talk("other_language", self.knowledge, lang)
            return Answer(question, lang, False, reply, None, None, 0.0, kind="fallback")
        parsed = self.reader.read(question)
        townfacts.mayor_named(parsed)  # "kmetat na kamashitsa" asks who
        chat.reread(parsed, self.index.names_project)
        answer = self._answer(question, parsed, chat, lang)
        if not answer.answered:  # "... по новата алея и кога горе-долу?": a part, then the rest
            answer = self._by_parts(question, parsed, chat, lang) or answer
        chat.lang = lang
        talked = chat.project
        number = self.follow.numbers.get(answer.project or "")
        naming = self.details.naming(number, parsed.content) if number is not None else set()
        details = [w for w in parsed.content if w not in naming]
        chat.remember(parsed, answer, details)
        if answer.kind == "not_found" and (talked is None or self._names(parsed, answer)):
            chat.project = answer.suggestions[0]  # not one found by the town's name alone
        if answer.answered and number is not None:
            answer = sure_of_count(answer, parsed, lambda word: self.follow.explains(number, word))
        if answer.kind == "project" and answer.confidence >= ANSWER_AT:
            nouns = [w for w in details if w not in parsed.verbs | WORK_TERMS]  # works: the project
            return sure_of_field(answer, nouns, self.index)
        return answer

    def _answer(self, question: str, parsed: Parsed, chat: Conversation, lang: str) -> Answer:
        if parsed.empty:
            kind = next((k for k in TALK_ORDER if k in parsed.small_talk), None)
            if kind is None:
                return self._fallback(question, lang, ())
            kind = TALK_REPLY.get(kind, kind)
            reply = small_talk(kind, self.knowledge, lang)
            return Answer(question, lang, True, reply, None, None, 0.9, kind=kind)
        ident = self.index.identified(question)
        if ident is not None:
            return self._project(question, parsed, ident, lang, 1.0, (), chat)
        candidates = self.judge.rank(parsed)
        if parsed.off_topic and not self._speaks_of(candidates, parsed):
            return self._fallback(question, lang, ())  # "какво ще е времето утре": no project's
        if parsed.told and set(parsed.content) <= parsed.verbs | WORK_TERMS:
            candidates = told(candidates)  # "... снимки на площада. Колко струва ремонтът?"
        best = candidates[0] if candidates else None
        told_whole = best is not None and not parsed.content and best.name_coverage >= 0.99
        if best is not None and told_whole:
            # "Чух, че строят околовръстен път. Колко струва?": the context names the project
            best = candidates[0] = replace(best, confidence=max(best.confidence, CONTEXT))
        elif (
            best is not None
            and CLARIFY_AT <= best.confidence < ANSWER_AT
            and alone_named(candidates)
        ):
            # "тоя мониторинг за кво бил бе": colloquial words cost, but the project is named whole
            best = candidates[0] = replace(best, confidence=ANSWER_AT)
        context = (
            None
            if several(parsed.rank, parsed.text) or listed_anew(parsed)
            else self.follow.project(parsed, chat, best)
        )
        of_town = parsed.home or "municipality" in parsed.intents  # "кметът на <the town>"
        named = best is not None and best.confidence >= ANSWER_AT and best.name_coverage >= 0.5
        named = named and (bool(parsed.content) or not of_town)  # "адресът на общината?"
        named = named and not self.follow.town_mayor(parsed)  # a village's, a contact of the town
        whole = named and best is not None and best.name_coverage >= 0.99
        faq = (
            None
            if context is not None and not parsed.content
            else self._faq(parsed, candidates, chat)
        )
        if faq is not None and context is not None and faq[1] != self.index.projects[context].id:
            faq = None  # a follow-up is about the project talked about, not another one's FAQ
        if faq is not None and entry_set_aside(faq[1], parsed, told_whole):
            faq = None
        if faq is not None and (
            best is None
            or faq[1] == self._id(best)
            or (faq[2] >= best.confidence and not (named and faq[1] is None))
            or (faq[2] >= 1.0 and (best.name_coverage < 1.0 or asks_anything(parsed.text)))
        ):  # a general entry asked in its very words ("няма вода"), unless a name alone is
            return self._faq_answer(question, faq, lang)
        if asks_where_told(parsed):  # "where can I read about all projects": where they are told
            if self.published is not None:  # of, else the list of them all
                return self._faq_answer(question, (self.published.answer, None, TOWN_FAQ), lang)
            listed = self.general.listing(parsed, lang)
            reply, offered = listed.reply, listed.suggestions
            return Answer(question, lang, True, reply, None, None, 0.9, offered, kind="list")
        general = (
            None
            if context is not None
            else self.general.answer(
                parsed, lang, best.confidence if best else 0.0, named, chat.town, whole
            )
        )
        if general is not None:
            reply, kind, topic, about, offered = general
            about = about or self._contact_of(reply, kind, candidates)
            if kind == "list" and about and chat.listed is None:
                # "кой е най-скъпият проект": a ranking, about no one project; the chat goes on
                # about its first ("а кога приключва"). "А кой от тях е най-скъп" after a list
                # picks one of it: that project is the answer.
                chat.project, chat.topic, about = about, topic, None
            elif kind == "list" and len(offered) == 1:  # a list of one: "кога започна той"
                chat.project, chat.topic = offered[0], None
            return Answer(question, lang, True, reply, about, topic, 0.9, offered, kind=kind)
        lacked = self.follow.lacked(parsed, context) if context is not None else []
        town = self._town_faq(question, parsed, lang, lacked) if lacked else None
        if town is not None and town.confidence >= TOWN_FAQ:  # "а в събота има ли пазар": the
            return town  # general FAQ holds all it asks, the project's record not "събота"
        if context is not None:
            parsed = chat.placed(parsed)  # "колко лампи" after "... в Пчеларци": there
            parsed = self.counted.of_they(parsed, context, chat.said)  # "колко бяха те"
            plain = self._project(question, parsed, context, lang, CONTEXT, (), chat)
            elided = chat.elided(parsed) if plain.kind != "quote" else None
            if elided is not None:  # "до кога?": the sentence about what was asked before
                fuller = self._project(question, elided, context, lang, CONTEXT, (), chat)
                return fuller if fuller.answered and fuller.kind == "quote" else plain
            return plain
        if self.judge.another_thing(parsed, best):  # "ще строят ли мост до Румъния"
            return self._town_faq(question, parsed, lang) or self._fallback(question, lang, ())
        likely = tuple(self._id(c) for c in candidates if c.confidence >= SUGGEST_AT)[:3]
        if best is not None and best.confidence >= ANSWER_AT:
            if self.judge.elsewhere(parsed, candidates):
                return self._fallback(question, lang, likely)
            unknown = [w for w in parsed.content if not self.index.lookup(w)]
            town = self._town_faq(question, parsed, lang, unknown) if unknown else None
            if town is not None:  # "как да подам сигнал за дупка": potholes are the town's
                return town
            ties = tuple(self._id(c) for c in near_ties(candidates)[:2])
            confidence = best.confidence * (0.9 if ties else 1.0)
            found = self._project(question, parsed, best.number, lang, confidence, ties, chat)
            if (
                found.answered
                and (
                    found.confidence > CLARIFY_AT
                    or quoted_of_named(found, candidates, parsed)
                    or self.judge.field_of_named(found, candidates, parsed)
                )
                and self.judge.stands(found, best, parsed)
            ):
                return found
            # no sentence of the project answers, or too unsure to be worth giving
            return self._town_faq(question, parsed, lang) or (
                found if not found.answered else self._fallback(question, lang, likely)
            )
        town = self._town_faq(question, parsed, lang)
        if town is not None:  # "откъде да взема чували с пясък": no project's, the town's
            return town
        unsure = (  # a noun no record uses is no project's, not even as "did you mean"; nor
            self.judge.unknown_subject(parsed)  # is a mayor ("кой е кметът на калинище")
            or bool(parsed.strange)
            or "mayor" in parsed.town_fields
            or bool(parsed.guessed & set(parsed.content))
        )
        held = best is not None and held_whole(parsed, best.number, self.follow.explains)
        if best is not None and (best.confidence >= CLARIFY_AT or held) and not unsure:
            sure = self._project(question, parsed, best.number, lang, best.confidence, (), chat)
            if self._quote_stands(sure, best, candidates, parsed):
                return sure
            named_part = best.name_coverage > 0 and best.confidence >= CLARIFY_AT
            if named_part and not self.judge.named_generally(parsed, best.number):
                if sure.answered and clear_lead(candidates):  # "did you mean" offers one
                    stands = self.judge.stands(sure, best, parsed)  # or it asks another thing
                    return sure if stands else self._fallback(question, lang, ())
                if self.projects.never_stated(parsed, best.number, lang):  # "заплата": no "did you
                    return sure  # mean" either, the project named says it has no answer
                return self._clarify(question, lang, likely, best.confidence)
        if parsed.topic and parsed.topic != "summary" and not parsed.content and not parsed.places:
            if len(self.index.projects) == 1:  # "кога приключва" on a base of one project: it
                return self._project(question, parsed, 0, lang, ONLY_PROJECT, (), chat)
            listed = self.general.every_project(lang, t("which_project", lang))  # each a button
            return Answer(
                question,
                lang,
                False,
                listed.reply,
                topic=parsed.topic,
                confidence=0.2,
                suggestions=listed.suggestions,
                kind="clarify",
            )
        # "did you mean" only offers a project the question names in part: "кога ще има метро"
        # matches a record's "метра", which makes no project worth offering
        named_in_part = tuple(self._id(c) for c in candidates if c.name_coverage > 0)
        return self._fallback(question, lang, tuple(p for p in likely if p in named_in_part))

    def _quote_stands(
        self, sure: Answer, best: Candidate, candidates: list[Candidate], parsed: Parsed
    ) -> bool:
        """A quote of a project found below the answering confidence stands when it is as sure
        as the project and the project was found by its details alone for a question for a
        number or date, or by its name, or with no other project near it; or when the sentence
        holds the question's own words and the project is in the village asked."""
        if sure.kind != "quote" or not self.judge.stands(sure, best, parsed):
            return False
        alone = best.name_coverage > 0 or parsed.answer in DETAILED or clear_lead(candidates)
        if sure.confidence >= 0.95 * best.confidence and alone:
            return True
        held = quote_holds_question(sure, parsed, self.index, best.number)
        return held and not self.places.conflicts(best.number, parsed.places)

    def _by_parts(
        self, question: str, parsed: Parsed, chat: Conversation, lang: str
    ) -> Answer | None:
        """The answer of the first question of several that a project answers surely, then
        what each other question adds about that project."""
        ask = lambda asked: self._answer(asked.text, asked, copy(chat), lang)  # noqa: E731
        found = sure_part(parsed.text, self.reader.read, ask, ANSWER_AT)
        if found is None:
            return None
        asked, project, sure = found
        whole = replace(asked, text=parsed.text)
        return self._project(question, whole, self.follow.numbers[project], lang, sure, (), chat)

    def _contact_of(self, reply: Reply, kind: str, candidates: list[Candidate]) -> str | None:
        """The project a municipality's answer names whole when the question found it too
        ("грижа в дома за самотни хора": the contact „Домашен социален патронаж“): the chat goes
        on about it."""
        named = self.follow.named_in(reply.plain()) if kind == "municipality" else None
        return named if any(self._id(c) == named for c in candidates) else None

    def _town_faq(
        self, question: str, parsed: Parsed, lang: str, needs: Collection[str] = ()
    ) -> Answer | None:
        """The general FAQ's answer to a question no project answers (that holds needs), or
        None."""
        found = self.general.faq(parsed, lang, needs)
        if found is None:
            return None
        reply, share = found
        return Answer(question, lang, True, reply, None, "faq", TOWN_FAQ * share, kind="faq")

    def _project(
        self,
        question: str,
        parsed: Parsed,
        number: int,
        lang: str,
        confidence: float,
        ties: tuple[str, ...],
        chat: Conversation,
    ) -> Answer:
        """The answer about one project (a follow-up with no topic keeps the chat's topic)."""
        project = self.index.projects[number]
        topic = parsed.topic
        if topic is None and parsed.answer is None and "now" in parsed.intents | {parsed.status}:
            topic = "status"
        if topic is None and parsed.answer is None and chat.topic:
            naming = self.details.naming(number, parsed.content)
            topic = chat.kept_topic(parsed, naming, project.id)
        told = self.follow.with_context(parsed, number)
        done = self.projects.answer(told, number, lang, topic)
        if told is not parsed and not done.quoted:  # no sentence holds what the context says
            done = self.projects.answer(parsed, number, lang, topic)
        if done.answered:  # "кой строи салона и колко струваше": each question answered
            read, answer = self.reader.read, self.projects.answer
            done = answer_parts(done, parsed.text, read, answer, number, lang)
        if not done.answered:
            reply, sure = done.reply, confidence * done.certainty
            return Answer(
                question, lang, False, reply, None, None, sure, (project.id,), kind="not_found"
            )
        url = next((f.url for f in done.quoted if f.url), None)
        return Answer(
            question,
            lang,
            True,
            done.reply,
            project.id,
            done.topic,
            confidence * done.certainty,
            ties,
            kind="quote" if done.quoted else "project",
            missing=done.missing,
            source_url=url,
        )

    def _faq(
        self, parsed: Parsed, candidates: list[Candidate], chat: Conversation
    ) -> tuple[Text, str | None, float] | None:
        words = [w for i, w in enumerate(parsed.words) if len(w) >= 2 and i not in parsed.quiet]
        projects = [self._id(c) for c in candidates[:3]] + ([chat.project] if chat.project else [])
        entry, score = self.faq.best(frozenset(words), projects)
        if parsed.told:  # "Няма вода в селото, на кого да се обадя?" is asked whole
            whole = self.faq.best(frozenset([*words, *parsed.told]), projects, frozenset(words))
            entry, score = whole if whole[1] > score else (entry, score)
        if entry is None or score < FAQ_THRESHOLD:
            return None
        return entry.qa.answer, entry.project, score

    def _faq_answer(self, question: str, hit: tuple[Text, str | None, float], lang: str) -> Answer:
        answer, project_id, score = hit
        project = self.knowledge.project(project_id) if project_id else None
        reply = self.composer.faq(answer, lang, project)
        return Answer(question, lang, True, reply, project_id, "faq", score, kind="faq")

    def _names(self, parsed: Parsed, answer: Answer) -> bool:
        """True when the question's own words name the project a detail was not found of."""
        return self.follow.names(self.follow.numbers[answer.suggestions[0]], parsed.content)

    def _speaks_of(self, candidates: list[Candidate], parsed: Parsed) -> bool:
        """True when the question names one project whole whose record holds every off-topic
        word ("разписанието на училищния автобус"), and asks no forecast ("времето утре")."""
        number = candidates[0].number if alone_named(candidates) and not parsed.forecast else None
        return number is not None and all(self.follow.explains(number, w) for w in parsed.off_topic)

    def _id(self, candidate: Candidate) -> str:
        return self.index.projects[candidate.number].id

    def _clarify(self, question: str, lang: str, likely: tuple[str, ...], sure: float) -> Answer:
        reply = self.general.clarify(likely, lang)
        return Answer(question, lang, False, reply, None, None, sure, likely, kind="clarify")

    def _fallback(self, question: str, lang: str, suggestions: tuple[str, ...]) -> Answer:
        reply = self.general.fallback(suggestions, lang)
        return Answer(question, lang, False, reply, None, None, 0.0, suggestions, kind="fallback")
