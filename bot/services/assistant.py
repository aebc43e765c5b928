"""What the Telegram handlers ask for: answers, project cards, lists, news, language choice."""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass

from bot.engine import Answer, Conversation, Reply
from bot.engine.replies import small_talk
from bot.engine.reply import ReplyBuilder
from bot.knowledge import Project
from bot.services.knowledge import KnowledgeService
from bot.services.recorder import Recorder
from bot.services.shortcuts import asks_menu, command_word
from bot.storage import QuestionRecord, Storage, logged, marked, touched
from bot.texts import LANGUAGES, t

log = logging.getLogger(__name__)
MAX_CHATS = 10_000
PAGE_SIZE = 8
STATUS_ORDER = ("ongoing", "planned", "completed")
MAX_QUESTION = 4096  # characters read of a question: the most a Telegram message can hold


@dataclass(frozen=True)
class Asked:
    """An answer and the id of its row in the question log (None: not logged in time)."""

    answer: Answer
    question_id: int | None


@dataclass(frozen=True)
class ProjectPage:
    """One page of the project list."""

    projects: tuple[Project, ...]
    page: int
    pages: int


def language_of(stored: str | None, telegram_code: str | None) -> str | None:
    """The stored choice, else Telegram's language_code (bg or en), else None."""
    if stored in LANGUAGES:
        return stored
    code = (telegram_code or "").lower()
    if code.startswith("bg"):
        return "bg"
    if code.startswith("en"):
        return "en"
    return None


class Assistant:
    """The citizen-facing service: answers questions and remembers each chat's context.

    Answering only reads the database; what it writes by the way (the user seen, the question
    asked, a user who blocked the bot) goes through the recorder, best effort.
    """

    def __init__(self, knowledge: KnowledgeService, storage: Storage) -> None:
        self.knowledge = knowledge
        self.storage = storage
        self.recorder = Recorder(storage)
        self._chats: OrderedDict[int, Conversation] = OrderedDict()

    def conversation(self, chat_id: int) -> Conversation:
        """The conversation of a chat (the oldest are forgotten past MAX_CHATS)."""
        chat = self._chats.pop(chat_id, None) or Conversation()
        self._chats[chat_id] = chat
        while len(self._chats) > MAX_CHATS:
            self._chats.popitem(last=False)
        return chat

    async def forget(self, user_id: int, chat_id: int) -> list[tuple[int, int, int]]:
        """Erase what is stored about a user (no copy left in the WAL) and the chat's context;
        returns (ticket, chat, message) of their questions' posts in the staff group, to erase."""
        posts = await self.storage.ticket_messages(user_id)
        await self.storage.forget_tickets(user_id)
        await self.storage.forget(user_id)
        await self.storage.checkpoint()
        for chat in {user_id, chat_id}:  # the private chat has the user's id
            self._chats.pop(chat, None)
        return posts

    async def language(self, user_id: int, telegram_code: str | None, text: str = "") -> str:
        """The choice stored by /language, else the language the message is clearly written
        in, else that of the last reply, else Telegram's language_code, else bg."""
        stored, last = await self.storage.user_languages(user_id)
        chosen = (
            language_of(stored, None)
            or self.written_in(text)
            or language_of(last, telegram_code)
            or "bg"
        )
        await self.recorder.write(touched(user_id, chosen if chosen != last else None))
        return chosen

    def written_in(self, text: str) -> str | None:
        """'bg' or 'en' when the text is clearly written in it (not a number, a name, nor a
        command word alone: "help" in a Bulgarian chat is a command, not English)."""
        if not text.strip() or command_word(text) is not None:
            return None
        detect = self.knowledge.engine.detect_language
        found = detect(text, "bg")
        return found if detect(text, "en") == found else None

    async def note_blocked(self, user_id: int, blocked: bool) -> None:
        """Remember (best effort) that a user blocked or unblocked the bot."""
        await self.recorder.write(marked(user_id, blocked))

    async def close(self) -> None:
        """Write what waits (briefly), drop the rest."""
        await self.recorder.close()

    async def set_language(self, user_id: int, lang: str) -> str:
        """Store a language choice; returns it."""
        await self.storage.set_language(user_id, lang)
        return lang

    async def ask(
        self,
        chat_id: int,
        user_id: int | None,
        text: str,
        lang: str | None,
        about: str | None = None,
    ) -> Asked:
        """Answer a question in the chat's context (language detected if None) and log it;
        about: the project of an earlier answer the question replies to, its context now."""
        conversation = self.conversation(chat_id)
        if about is not None and about != conversation.project:
            conversation.project, conversation.topic, conversation.details = about, None, ()
            conversation.mayor = conversation.town = False
        if lang is None and command_word(text) is not None:
            lang = conversation.lang  # "help" alone keeps a Bulgarian chat Bulgarian
        if asks_menu(text):
            answer = self.menu(text, conversation, lang)
        else:
            answer = self.knowledge.engine.answer(text[:MAX_QUESTION], conversation, lang)
        record = QuestionRecord(
            user_id,
            text,
            answer.lang,
            answer.answered,
            answer.project,
            answer.topic,
            answer.confidence,
        )
        return Asked(answer, await self.recorder.write(logged(record)))

    def menu(self, text: str, conversation: Conversation, lang: str | None) -> Answer:
        """What the bot does and how to ask, for "меню" or "menu" alone (with the main menu's
        buttons in Telegram); the conversation goes on about what it was about."""
        engine = self.knowledge.engine
        lang = lang or engine.detect_language(text, conversation.lang or "bg")
        conversation.lang = lang
        reply = small_talk("about", engine.knowledge, lang)
        return Answer(text, lang, True, reply, None, None, 0.9, kind="about")

    def project_answer(self, chat_id: int, project_id: str, topic: str, lang: str) -> Answer | None:
        """A project's card or one of its topics (None for an unknown project)."""
        project = self.knowledge.knowledge.project(project_id)
        if project is None:
            return None
        reply, missing = self.knowledge.engine.composer.project(project, topic, lang)
        conversation = self.conversation(chat_id)
        conversation.project, conversation.topic, conversation.lang = project.id, topic, lang
        return Answer(
            project.name(lang), lang, True, reply, project.id, topic, 1.0, missing=missing
        )

    def project(self, project_id: str) -> Project | None:
        """A project by id."""
        return self.knowledge.knowledge.project(project_id)

    def project_page(self, page: int) -> ProjectPage:
        """The projects, ongoing first, PAGE_SIZE per page."""
        projects = sorted(
            self.knowledge.knowledge.projects,
            key=lambda p: (STATUS_ORDER.index(p.status), p.name("bg")),
        )
        pages = max(1, -(-len(projects) // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        chunk = tuple(projects[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])
        return ProjectPage(chunk, page, pages)

    def latest_news(self, lang: str) -> Reply:
        """The newest news across projects."""
        return self.knowledge.engine.composer.latest_news(lang)

    def contacts(self, lang: str) -> Reply:
        """The municipality's contacts."""
        return self.knowledge.engine.composer.municipality(lang)

    def greeting(self, lang: str) -> Reply:
        """The /start greeting."""
        name = self.knowledge.knowledge.municipality.name.get(lang)
        return ReplyBuilder().line(t("greeting", lang, name=name)).build()

    def municipality_name(self, lang: str) -> str:
        """The municipality's name."""
        return self.knowledge.knowledge.municipality.name.get(lang)
