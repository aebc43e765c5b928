"""The console chat reloads the knowledge base when a file changes, as the bot does, and
answers Telegram's commands in the conversation's language instead of reading them as questions."""

from __future__ import annotations

import asyncio
import contextlib
import io
import shutil
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.console import ConsoleChat, read_line
from bot.services.assistant import Assistant
from bot.services.knowledge import KnowledgeService
from bot.storage import Storage

KNOWLEDGE = Path(__file__).parent.parent / "knowledge"


@asynccontextmanager
async def chat_on_a_copy(
    tmp_path: Path, lang: str, said: list[str]
) -> AsyncIterator[tuple[ConsoleChat, Path]]:
    """A console chat in lang on a copy of the shipped knowledge base, and a project file."""
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    knowledge = KnowledgeService(folder)
    knowledge.load_or_raise()
    async with Storage.opened(tmp_path / "chat.sqlite3") as storage:
        chat = ConsoleChat(Assistant(knowledge, storage), lang, said.append)
        yield chat, folder / "projects" / "park-block-66.yaml"


async def test_console_chat_answers_from_the_file_just_saved(tmp_path: Path) -> None:
    said: list[str] = []
    async with chat_on_a_copy(tmp_path, "bg", said) as (chat, park):
        text = park.read_text(encoding="utf-8")

        park.write_text(text.replace("total: 199467.56", "total: 200000"), encoding="utf-8")
        await chat.handle("колко струва паркът")
        assert said[0].startswith("Базата знания е заредена: 17 проекта")
        assert "200 000" in said[1].replace("\u00a0", " ")

        said.clear()
        park.write_text(text.replace("status: completed", "status: finished"), encoding="utf-8")
        await chat.handle("колко струва паркът")
        assert said[0].startswith("⚠️ Базата знания има грешки")
        assert "park-block-66.yaml:" in said[1]
        assert "непознат статус 'finished'; може би „completed“?" in said[1]
        assert "200 000" in said[2].replace("\u00a0", " ")  # the last good version

        said.clear()
        await chat.handle("колко струва паркът")
        assert len(said) == 2 and "200 000" in said[0].replace("\u00a0", " ")  # told once


async def test_console_chat_in_english_tells_the_problems_in_english(tmp_path: Path) -> None:
    said: list[str] = []
    async with chat_on_a_copy(tmp_path, "en", said) as (chat, park):
        text = park.read_text(encoding="utf-8")
        park.write_text(text.replace("status: completed", "status: finished"), encoding="utf-8")
        await chat.handle("how much does the park cost")
        assert said[1].endswith(
            "unknown status 'finished'; did you mean 'completed'? "
            "write one of: planned, ongoing, completed\n"
        )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/help", "Пишете въпроса си. /lang bg|en сменя езика, /quit излиза."),
        ("/start", "Пишете въпроса си. /lang bg|en сменя езика, /quit излиза."),
        ("/myquestions", "Тази команда я има само в Telegram."),
        ("/projects 2", "Тази команда я има само в Telegram."),
        ("/lang de", "Пишете въпроса си. /lang bg|en сменя езика"),  # not a silent "auto"
        ("/language", "Тази команда я има само в Telegram."),
    ],
)
async def test_telegram_commands_are_not_read_as_questions(
    tmp_path: Path, line: str, expected: str
) -> None:
    knowledge = KnowledgeService(KNOWLEDGE)
    knowledge.load_or_raise()
    said: list[str] = []
    async with Storage.opened(tmp_path / "chat.sqlite3") as storage:
        chat = ConsoleChat(Assistant(knowledge, storage), None, said.append)
        await chat.handle("здравей")
        said.clear()
        assert await chat.handle(line) is True
        assert len(said) == 1 and said[0].startswith(expected)


@pytest.mark.parametrize("line", ["/menu", "меню", "help", "помощ"])
async def test_the_menu_and_help_alone_answer_in_the_chat_s_language(
    tmp_path: Path, line: str
) -> None:
    said: list[str] = []
    async with chat_on_a_copy(tmp_path, "", said) as (chat, _):
        chat.fixed_lang = None  # the language follows the conversation
        await chat.handle("здравей")
        said.clear()
        await chat.handle(line)
        assert said[0].startswith("Аз съм ботът на Община Септември.")


@pytest.mark.parametrize(
    ("question", "lang", "pick"),
    [("кои проекти са в изпълнение", "bg", "Напишете номера"), ("list all projects", "en", "Type")],
)
async def test_a_list_is_numbered_in_its_own_lines_and_a_number_opens_that_one(
    tmp_path: Path, question: str, lang: str, pick: str
) -> None:
    said: list[str] = []
    async with chat_on_a_copy(tmp_path, lang, said) as (chat, _):
        await chat.handle(question)
        listed = said[-1].splitlines()
        numbered = [line for line in listed if line.startswith("[")]
        assert numbered[0].startswith("[1] ") and len(numbered) == len(chat.suggestions) > 2
        assert not any(line.startswith("• ") for line in listed) and pick in listed[-1]
        third = numbered[2].removeprefix("[3] ")
        said.clear()
        await chat.handle("3")
        assert said[0].splitlines()[0] == third


TOWN = Path(__file__).parent / "fixtures" / "tuning-town" / "knowledge"


@pytest.mark.parametrize(("base", "lang"), [(KNOWLEDGE, "bg"), (KNOWLEDGE, "en"), (TOWN, "bg")])
async def test_every_number_of_a_list_opens_its_own_project_card(
    tmp_path: Path, base: Path, lang: str
) -> None:
    """A number is the project itself, never its name asked again as a question (the name of
    the ring road listed the road projects, the dog shelter's the animal projects)."""
    knowledge = KnowledgeService(base)
    knowledge.load_or_raise()
    said: list[str] = []
    async with Storage.opened(tmp_path / "chat.sqlite3") as storage:
        assistant = Assistant(knowledge, storage)
        chat = ConsoleChat(assistant, lang, said.append)
        for number in range(1, len(knowledge.knowledge.projects) + 1):
            await chat.handle("list all projects" if lang == "en" else "покажи всички проекти")
            project = assistant.project(chat.suggestions[number - 1])
            assert project is not None
            said.clear()
            await chat.handle(str(number))
            card = assistant.project_answer(1, project.id, "summary", lang)
            assert card is not None and said[0] == card.reply.plain()
            assert assistant.conversation(0).project == project.id  # the chat goes on with it


@pytest.mark.parametrize(("number", "lang"), [("0", "bg"), ("18", "bg"), ("99", "en")])
async def test_a_number_not_on_the_list_says_which_are_and_keeps_the_list(
    tmp_path: Path, number: str, lang: str
) -> None:
    """'18' after a list of 17 was asked as a question ("no answer; ask the municipality") and
    the list was forgotten: '3' then opened nothing."""
    said: list[str] = []
    async with chat_on_a_copy(tmp_path, lang, said) as (chat, _):
        await chat.handle("list all projects" if lang == "en" else "покажи всички проекти")
        listed = [line for line in said[-1].splitlines() if line.startswith("[3] ")]
        said.clear()
        await chat.handle(number)
        expected = {"bg": "Напишете номер от 1 до 17.", "en": "Type a number from 1 to 17."}
        assert said == [expected[lang]]
        await chat.handle("3")
        assert said[1].splitlines()[0] == listed[0].removeprefix("[3] ")


async def test_a_digit_that_is_no_decimal_after_a_list_is_a_question(tmp_path: Path) -> None:
    """'²' passed isdigit() and int() raised: the console chat ended with an error."""
    said: list[str] = []
    async with chat_on_a_copy(tmp_path, "bg", said) as (chat, _):
        await chat.handle("покажи всички проекти")
        said.clear()
        assert await chat.handle("²") is True and said


class _Waiting(io.StringIO):
    """A terminal where nobody types: readline waits until released."""

    def __init__(self) -> None:
        super().__init__()
        self.released = threading.Event()

    def readline(self, size: int | None = -1) -> str:
        self.released.wait()
        return ""


def test_ctrl_c_while_the_chat_waits_for_a_line_ends_it_at_once() -> None:
    """Ctrl-C (the waiting read cancelled) ended the chat only after Enter: the loop's executor
    waited at exit for its thread, which waited in readline."""
    stream, ended = _Waiting(), threading.Event()

    async def interrupted() -> None:
        reading = asyncio.ensure_future(read_line(stream))
        await asyncio.sleep(0)
        reading.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reading

    def chat() -> None:
        asyncio.run(interrupted())
        ended.set()

    runner = threading.Thread(target=chat, daemon=True)
    runner.start()
    try:
        assert ended.wait(60), "the chat waited for the line nobody typed"
    finally:
        stream.released.set()
        runner.join()


async def test_end_of_input_at_the_prompt_ends_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-D at '> ' left the shell's prompt on the same line."""
    said: list[str] = []
    async with chat_on_a_copy(tmp_path, "bg", said) as (chat, _):
        await chat.run(io.StringIO("здравей\n"), prompt=True)
    assert capsys.readouterr().out == "> > \n"
    assert said.count("") == 1 and said[2].startswith("Здравейте")


async def test_a_line_read_fails_as_the_stream_failed(tmp_path: Path) -> None:
    class Broken(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            raise OSError("the terminal went away")

    with pytest.raises(OSError, match="went away"):
        await read_line(Broken())
