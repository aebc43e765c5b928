"""The console chat: the same engine, follow-up context, question log and reloads as the bot."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TextIO

from bot.engine import Answer
from bot.services.assistant import Assistant
from bot.services.problem_texts import problem_text
from bot.services.shortcuts import asks_menu
from bot.texts import t

PROMPT = "> "
CONSOLE_CHAT = 0


class ConsoleChat:
    """A conversation on stdin/stdout; numbers pick a suggested project."""

    def __init__(
        self, assistant: Assistant, lang: str | None = None, write: Callable[[str], None] = print
    ) -> None:
        self.assistant = assistant
        self.fixed_lang = lang
        self.suggestions: tuple[str, ...] = ()
        self.write = write

    @property
    def lang(self) -> str:
        """The language of the conversation so far."""
        return self.fixed_lang or self.assistant.conversation(CONSOLE_CHAT).lang or "bg"

    def greet(self) -> None:
        """Say hello and how to leave."""
        self.write(t("greeting", self.lang, name=self.assistant.municipality_name(self.lang)))
        self.write(t("console.help", self.lang))

    async def handle(self, line: str) -> bool:
        """Answer one line; False when the user wants to leave."""
        text = line.strip()
        if not text:
            return True
        if text.lower() in ("/quit", "/exit", "quit", "exit", "изход"):
            return False
        parts = text.split()
        if parts[0] == "/lang" and parts[1:] in ([], ["bg"], ["en"]):
            self.fixed_lang = parts[1] if len(parts) > 1 else None
            self.write(t("console.lang", self.lang, code=self.fixed_lang or "auto"))
            return True
        if text.startswith("/") and not asks_menu(text):  # Telegram's commands, not questions
            known = parts[0].lower() in ("/help", "/start", "/lang")
            self.write(t("console.help" if known else "console.unknown", self.lang))
            return True
        await self.refresh()
        if not (text.isdecimal() and self.suggestions and self.pick(int(text))):
            asked = await self.assistant.ask(CONSOLE_CHAT, None, text, self.fixed_lang)
            self.show(asked.answer)
        return True

    def pick(self, number: int) -> bool:
        """Show the card of the project a number picks, as its button opens it in Telegram, or
        which numbers the list has (the list stands); False when that project is gone."""
        if not 0 < number <= len(self.suggestions):
            self.write(t("console.pick_range", self.lang, last=len(self.suggestions)))
            return True
        project_id = self.suggestions[number - 1]
        card = self.assistant.project_answer(CONSOLE_CHAT, project_id, "summary", self.lang)
        if card is not None:
            self.show(card)
        return card is not None

    async def refresh(self) -> None:
        """Reload the knowledge base when a file changed, as the bot does, and say so."""
        result = await self.assistant.knowledge.refresh()
        if result is not None and result.knowledge is not None:
            self.write(t("reload.ok", self.lang, **result.knowledge.counts()))
        elif result is not None:
            self.write(t("reload.failed", self.lang))
            problems = (problem_text(problem, self.lang) for problem in result.errors)
            self.write("\n".join(problems) + "\n")

    def show(self, answer: Answer) -> None:
        """Print an answer and number its suggestions (a list's own lines, when it is one)."""
        self.suggestions = answer.suggestions
        listed = numbered(answer.reply.plain(), len(answer.suggestions))
        if answer.kind in ("list", "clarify") and listed is not None:
            self.write(f"{listed}\n{t('console.pick', answer.lang)}\n")
            return
        self.write(answer.reply.plain())
        if answer.suggestions:
            names = []
            for number, project_id in enumerate(answer.suggestions, start=1):
                project = self.assistant.project(project_id)
                if project:
                    names.append(f"[{number}] {project.name(answer.lang)}")
            lead = t("see_also" if answer.answered else "console.pick", answer.lang)
            self.write(f"{lead} {'  '.join(names)}")
        self.write("")

    async def run(self, stream: TextIO, prompt: bool = True) -> None:
        """Read lines until end of input or /quit."""
        self.greet()
        while True:
            if prompt:
                print(PROMPT, end="", flush=True)
            line = await read_line(stream)
            if not line and prompt:
                print()  # Ctrl-D: the shell's prompt comes on a line of its own
            if not line or not await self.handle(line):
                break


async def read_line(stream: TextIO) -> str:
    """The next line of stream ('' at its end), read in a thread of its own that nothing waits
    for: Ctrl-C ends the chat at once (a thread of the loop's executor is waited for at exit,
    and one waiting in readline would wait for Enter)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[str] = loop.create_future()

    def settle(line: str | None, error: BaseException | None) -> None:
        if done.done():  # cancelled by Ctrl-C meanwhile
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(line or "")

    def read() -> None:
        try:
            line, error = stream.readline(), None
        except Exception as failure:  # handed to the coroutine that waits
            line, error = None, failure
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(settle, line, error)

    threading.Thread(target=read, name="console-stdin", daemon=True).start()
    return await done


def numbered(text: str, count: int) -> str | None:
    """A list's bullets numbered [1], [2]... when it has count of them (else None)."""
    lines = text.splitlines()
    bullets = [i for i, line in enumerate(lines) if line.startswith("• ")]
    if not bullets or len(bullets) != count:
        return None
    for number, i in enumerate(bullets, start=1):
        lines[i] = f"[{number}] {lines[i][2:]}"
    return "\n".join(lines)
