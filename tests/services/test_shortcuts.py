"""A command word alone ("меню", "/menu", "help") shows the menu and keeps the chat's language;
inside a question the same words are the engine's to read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services.assistant import Assistant
from bot.services.knowledge import KnowledgeService
from bot.services.shortcuts import asks_menu, command_word
from bot.storage import Storage

KNOWLEDGE = Path(__file__).parents[2] / "knowledge"
ABOUT_BG = "Аз съм ботът на Община Септември."


@pytest.mark.parametrize(
    ("text", "word", "menu"),
    [
        ("меню", "меню", True),
        ("Menu", "menu", True),
        ("/menu", "menu", True),
        (" МЕНЮ! ", "меню", True),
        ("главно  меню", "главно меню", True),
        ("help", "help", False),
        ("/help", "help", False),
        ("Помощ?", "помощ", False),
        ("какво е менюто на топъл обяд", None, False),  # a question: the engine's
        ("help with the park", None, False),
        ("", None, False),
    ],
)
def test_a_command_word_alone_is_known(text: str, word: str | None, menu: bool) -> None:
    assert (command_word(text), asks_menu(text)) == (word, menu)


@pytest.fixture
async def assistant(tmp_path: Path) -> AsyncIterator[Assistant]:
    knowledge = KnowledgeService(KNOWLEDGE)
    knowledge.load_or_raise()
    async with Storage.opened(tmp_path / "db.sqlite3") as storage:
        yield Assistant(knowledge, storage)
        await storage.checkpoint()


@pytest.mark.parametrize("word", ["меню", "menu", "/menu", "Меню."])
async def test_menu_alone_shows_what_the_bot_does_in_the_chat_s_language(
    assistant: Assistant, word: str
) -> None:
    await assistant.ask(1, None, "колко струва паркът", None)
    asked = await assistant.ask(1, None, word, None)
    assert (asked.answer.kind, asked.answer.lang, asked.answer.answered) == ("about", "bg", True)
    assert asked.answer.reply.plain().startswith(ABOUT_BG)
    follow_up = await assistant.ask(1, None, "а кога приключи?", None)
    assert follow_up.answer.project == "park-block-66"  # the chat goes on about the park


async def test_menu_in_a_new_chat_answers_in_the_language_given(assistant: Assistant) -> None:
    english = (await assistant.ask(2, None, "menu", "en")).answer  # Telegram's language_code
    assert english.lang == "en" and english.reply.plain().startswith("I am the bot of")
    assert (await assistant.ask(3, None, "menu", None)).answer.lang == "bg"  # the default


async def test_help_alone_keeps_a_bulgarian_chat_bulgarian(assistant: Assistant) -> None:
    await assistant.ask(1, None, "колко струва паркът", None)  # the console: lang detected
    asked = await assistant.ask(1, None, "help", None)
    assert asked.answer.lang == "bg" and asked.answer.reply.plain().startswith(ABOUT_BG)
    assert (await assistant.ask(1, None, "and the goals?", None)).answer.lang == "en"


async def test_help_alone_does_not_choose_the_language_of_a_telegram_user(
    assistant: Assistant,
) -> None:
    assert await assistant.language(7, "bg", "колко струва паркът") == "bg"
    await assistant.recorder.close()  # what it wrote by the way is written
    assert await assistant.language(7, "en", "help") == "bg"  # the last reply's
    assert await assistant.language(8, "bg", "what does the park cost") == "en"
