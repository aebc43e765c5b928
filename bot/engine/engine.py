"""The answer engine: understand which item and which topic a question is about, and answer it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.engine.compose import Composer, municipality_contacts
from bot.engine.faq import FAQ_THRESHOLD, FaqMatcher
from bot.engine.index import STOP_TERMS, ProjectIndex, compact
from bot.engine.language import LanguageDetector
from bot.engine.lexicon import FOLLOW_UP, GREETINGS, MUNICIPALITY, PROJECT_LIST, THANKS
from bot.engine.normalize import subject_terms, terms
from bot.engine.ranking import Candidate, near_ties, rank
from bot.engine.reply import Reply, ReplyBuilder
from bot.engine.topics import PhraseSpotter, best_topic, topic_spotter
from bot.knowledge import KnowledgeBase, Project, Text
from bot.texts import t

# English sentence shapes whose topic words are not next to each other.
_PATTERNS = (
    (re.compile(r"^\s*(who|whom)\b.*\bfor\W*$", re.IGNORECASE), "target_groups"),
    (re.compile(r"^\s*what\s+(did|does|will|do)\b.*\bdo\W*$", re.IGNORECASE), "activities"),
)
ANSWER_AT = 0.5
CLARIFY_AT = 0.3
SUGGEST_AT = 0.15
MAX_QUESTION = 600
INTENTS = {
    "greeting": GREETINGS,
    "thanks": THANKS,
    "list": PROJECT_LIST,
    "municipality": MUNICIPALITY,
}


@dataclass
class Conversation:
    """What a chat talked about last, so that follow-up questions make sense."""

    project: str | None = None
    topic: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Answer:
    """The engine's answer to one question."""

    question: str
    lang: str
    answered: bool
    reply: Reply
    project: str | None = None
    topic: str | None = None
    confidence: float = 0.0
    suggestions: tuple[str, ...] = ()
    kind: str = "project"
    missing: bool = False

    def to_json(self) -> dict[str, Any]:
        """The object of `ask --json` (exactly the contract's fields)."""
        return {
            "question": self.question,
            "lang": self.lang,
            "answered": self.answered,
            "reply": self.reply.plain(),
            "project": self.project,
            "topic": self.topic,
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
        }


@dataclass
class Parsed:
    """A question taken apart: its topic, intents and content words."""

    topic: str | None
    intents: set[str]
    content: list[str]
    follow_up: bool
    all_terms: list[str] = field(default_factory=list)
    subjects: frozenset[str] = frozenset()


def _texts(knowledge: KnowledgeBase, lang: str) -> list[str]:
    found: list[str] = []

    def add(value: Text | None) -> None:
        if value is not None and value.has(lang) and not value.universal:
            found.append(value.get(lang))

    for project in knowledge.projects:
        for value in (project.title, project.short_title, project.summary, project.programme):
            add(value)
        for item in (*project.locations, *project.goals, *project.results):
            add(item)
    return found


class Engine:
    """Built once from a knowledge base; answers questions in well under a millisecond."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.index = ProjectIndex.build(knowledge.projects)
        self.faq = FaqMatcher(knowledge)
        self.composer = Composer(knowledge)
        self.topics = topic_spotter()
        self.intents = PhraseSpotter(
            (label, phrase, 1.0) for label, phrases in INTENTS.items() for phrase in phrases
        )
        self.follow_ups = {tuple(terms(word)) for word in FOLLOW_UP}
        self.detector = LanguageDetector.build(_texts(knowledge, "bg"), _texts(knowledge, "en"))

    def detect_language(self, text: str, default: str = "bg") -> str:
        """'bg' or 'en' for a message."""
        return self.detector.detect(text[:MAX_QUESTION], default)

    def parse(self, text: str) -> Parsed:
        """Split a question into topic cues, intents and content words."""
        words = terms(text[:MAX_QUESTION])
        topic_hits = [
            hit
            for hit in self.topics.find(words)
            if len(hit.positions) > 1 or not self.index.names_project(words[hit.positions[0]])
        ]
        cue_positions = {i for hit in topic_hits for i in hit.positions}
        used = set(cue_positions)
        intent_hits = [h for h in self.intents.find(words) if used.isdisjoint(h.positions)]
        used |= {
            i for hit in intent_hits if hit.label in ("list", "municipality") for i in hit.positions
        }
        content = [
            w
            for i, w in enumerate(words)
            if (i not in used or (i in cue_positions and self.index.names_project(w)))
            and w not in STOP_TERMS
            and len(w) >= 2
        ]
        follow_up = any(tuple(words[: len(f)]) == f for f in self.follow_ups)
        topic = best_topic(topic_hits)
        if topic in (None, "summary"):
            for pattern, implied in _PATTERNS:
                if pattern.search(text):
                    topic = implied
                    break
        subjects = frozenset(subject_terms(text[:MAX_QUESTION])) & set(content)
        return Parsed(topic, {h.label for h in intent_hits}, content, follow_up, words, subjects)

    def answer(
        self, question: str, conversation: Conversation | None = None, lang: str | None = None
    ) -> Answer:
        """Answer one question; updates conversation with what the answer was about."""
        conversation = conversation if conversation is not None else Conversation()
        lang = lang or self.detect_language(question, conversation.lang or "bg")
        answer = self._answer(question, self.parse(question), conversation, lang)
        conversation.lang = lang
        if answer.project:
            conversation.project, conversation.topic = answer.project, answer.topic
        return answer

    def _answer(self, question: str, parsed: Parsed, chat: Conversation, lang: str) -> Answer:
        ident = self._identifier(question)
        candidates = rank(self.index, parsed.content, parsed.subjects)
        if ident is not None:
            candidates = [Candidate(ident, 1.0, 1.0, 1.0, 1.0)]
        best = candidates[0] if candidates else None
        context = self.knowledge.project(chat.project) if chat.project else None
        if context and candidates:
            best = self._prefer_context(context, candidates) or best
        follow_up = context is not None and parsed.topic is not None and not parsed.content
        faq = None if follow_up else self._faq(parsed, candidates, context)
        if faq is not None and (
            best is None or faq.score >= best.confidence or faq.project == self._id(best)
        ):
            return self._faq_answer(question, faq, lang)
        if best is not None and best.confidence >= ANSWER_AT:
            topic = parsed.topic or (chat.topic if parsed.follow_up and chat.topic else "summary")
            ties = [self._id(c) for c in near_ties(candidates)[:2]]
            confidence = best.confidence * (0.9 if ties else 1.0)
            return self._project_answer(
                question, self.index.projects[best.number], topic, lang, confidence, tuple(ties)
            )
        if (
            context
            and parsed.topic
            and (not parsed.content or best is None or best.confidence < CLARIFY_AT)
        ):
            return self._project_answer(question, context, parsed.topic, lang, 0.85, ())
        return self._general(question, parsed, candidates, lang)

    def _faq(
        self, parsed: Parsed, candidates: list[Candidate], context: Project | None
    ) -> _FaqHit | None:
        query = frozenset(w for w in parsed.all_terms if w not in STOP_TERMS and len(w) >= 2)
        projects = [self._id(c) for c in candidates[:3]] + ([context.id] if context else [])
        entry, score = self.faq.best(query, projects)
        if entry is None or score < FAQ_THRESHOLD:
            return None
        return _FaqHit(entry.qa.answer, entry.project, score)

    def _faq_answer(self, question: str, hit: _FaqHit, lang: str) -> Answer:
        project = self.knowledge.project(hit.project) if hit.project else None
        reply = self.composer.faq(hit.answer, lang, project)
        return Answer(question, lang, True, reply, hit.project, "faq", hit.score, kind="faq")

    def _prefer_context(self, context: Project, candidates: list[Candidate]) -> Candidate | None:
        """Stay with the project the chat was about when it matches nearly as well."""
        top = candidates[0]
        for candidate in candidates:
            if self._id(candidate) == context.id and candidate.score >= 0.8 * top.score:
                return candidate
        return None

    def _identifier(self, question: str) -> int | None:
        text = compact(question)
        if len(text) < 5:
            return None
        for number, identifiers in enumerate(self.index.identifiers):
            if any(ident in text for ident in identifiers):
                return number
        return None

    def _id(self, candidate: Candidate) -> str:
        return self.index.projects[candidate.number].id

    def _project_answer(
        self,
        question: str,
        project: Project,
        topic: str,
        lang: str,
        confidence: float,
        ties: tuple[str, ...],
    ) -> Answer:
        reply, missing = self.composer.project(project, topic, lang)
        return Answer(
            question, lang, True, reply, project.id, topic, confidence, ties, missing=missing
        )

    def _general(
        self, question: str, parsed: Parsed, candidates: list[Candidate], lang: str
    ) -> Answer:
        """Questions about no single project: contacts, lists, news, greetings, or no answer."""
        likely = [c for c in candidates if c.confidence >= SUGGEST_AT][:3]
        suggestions = tuple(self._id(c) for c in likely)
        unknown = [w for w in parsed.content if not self.index.lookup(w)]
        if candidates and candidates[0].confidence >= CLARIFY_AT:
            return self._clarify(question, lang, suggestions, candidates[0].confidence)
        town_words = not parsed.content or "municipality" in parsed.intents
        if parsed.topic in ("contacts", "location") and town_words and not unknown:
            return Answer(
                question,
                lang,
                True,
                self.composer.municipality(lang),
                None,
                "contacts",
                0.9,
                kind="municipality",
            )
        if parsed.topic == "news" and not parsed.content:
            return Answer(
                question,
                lang,
                True,
                self.composer.latest_news(lang),
                None,
                "news",
                0.9,
                kind="news",
            )
        if "list" in parsed.intents and not unknown:
            return Answer(
                question, lang, True, self.composer.project_list(lang), None, None, 0.9, kind="list"
            )
        if not parsed.content and parsed.intents & {"greeting", "thanks"}:
            key = "greeting" if "greeting" in parsed.intents else "thanks"
            text = t(key, lang, name=self.knowledge.municipality.name.get(lang))
            reply = (
                ReplyBuilder().line(text).line(t("examples", lang)).build()
                if key == "greeting"
                else ReplyBuilder().line(text).build()
            )
            return Answer(question, lang, True, reply, None, None, 0.9, kind=key)
        if parsed.topic and parsed.topic != "summary" and not parsed.content:
            reply = self.composer.project_list(lang, lead=t("which_project", lang))
            return Answer(question, lang, False, reply, None, parsed.topic, 0.2, kind="clarify")
        return self._fallback(question, lang, suggestions)

    def _clarify(
        self, question: str, lang: str, suggestions: tuple[str, ...], confidence: float
    ) -> Answer:
        builder = ReplyBuilder().line(t("clarify", lang))
        for project_id in suggestions:
            project = self.knowledge.project(project_id)
            if project:
                builder.bullet(project.name(lang))
        return Answer(
            question,
            lang,
            False,
            builder.build(),
            None,
            None,
            confidence,
            suggestions,
            kind="clarify",
        )

    def _fallback(self, question: str, lang: str, suggestions: tuple[str, ...]) -> Answer:
        builder = ReplyBuilder().line(t("fallback", lang))
        if suggestions:
            builder.blank().line(t("fallback.suggest", lang))
            for project_id in suggestions:
                project = self.knowledge.project(project_id)
                if project:
                    builder.bullet(project.name(lang))
        builder.blank().line(t("fallback.contact", lang))
        municipality_contacts(builder, self.knowledge.municipality, lang, full=False)
        return Answer(
            question, lang, False, builder.build(), None, None, 0.0, suggestions, kind="fallback"
        )


@dataclass(frozen=True)
class _FaqHit:
    answer: Text
    project: str | None
    score: float
