"""The console chat: the same engine and follow-up context as the Telegram bot, in a terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from bot.engine import Answer, Conversation
from bot.services.knowledge import KnowledgeService
from bot.texts import t

PROMPT = "> "


class ConsoleChat:
    """A conversation on stdin/stdout; numbers pick a suggested project."""

    def __init__(
        self,
        knowledge: KnowledgeService,
        lang: str | None = None,
        write: Callable[[str], None] = print,
    ) -> None:
        self.knowledge = knowledge
        self.fixed_lang = lang
        self.conversation = Conversation(lang=lang)
        self.suggestions: tuple[str, ...] = ()
        self.write = write

    def greet(self) -> None:
        """Say hello and how to leave."""
        lang = self.fixed_lang or "bg"
        name = self.knowledge.knowledge.municipality.name.get(lang)
        self.write(t("greeting", lang, name=name))
        self.write(t("console.help", lang))

    def handle(self, line: str) -> bool:
        """Answer one line; False when the user wants to leave."""
        text = line.strip()
        if not text:
            return True
        if text.lower() in ("/quit", "/exit", "quit", "exit", "изход"):
            return False
        if text.startswith("/lang"):
            parts = text.split()
            self.fixed_lang = parts[1] if len(parts) > 1 and parts[1] in ("bg", "en") else None
            self.conversation.lang = self.fixed_lang
            self.write(t("console.lang", self.fixed_lang or "bg", code=self.fixed_lang or "auto"))
            return True
        if text.isdigit() and 0 < int(text) <= len(self.suggestions):
            project = self.knowledge.knowledge.project(self.suggestions[int(text) - 1])
            text = project.name(self.conversation.lang or "bg") if project else text
        self.show(self.knowledge.engine.answer(text, self.conversation, self.fixed_lang))
        return True

    def show(self, answer: Answer) -> None:
        """Print an answer and number its suggestions."""
        self.write(answer.reply.plain())
        self.suggestions = answer.suggestions
        if answer.suggestions:
            names = []
            for number, project_id in enumerate(answer.suggestions, start=1):
                project = self.knowledge.knowledge.project(project_id)
                if project:
                    names.append(f"[{number}] {project.name(answer.lang)}")
            lead = t("see_also" if answer.answered else "console.pick", answer.lang)
            self.write(f"{lead} {'  '.join(names)}")
        self.write("")

    def run(self, stream: TextIO) -> None:
        """Read lines until end of input or /quit."""
        self.greet()
        while True:
            self.write_prompt()
            line = stream.readline()
            if not line or not self.handle(line):
                break

    def write_prompt(self) -> None:
        """Show the prompt without a newline."""
        print(PROMPT, end="", flush=True)
