"""The command line: munibot run | chat | ask | validate | schema | new-project | broadcast |
stats | unanswered | tickets | answer | backup | restore."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import logging
import os
import stat
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from bot import cli_admin, cli_database, cli_knowledge, cli_tickets, logs
from bot.config import ConfigError, Settings, log_format
from bot.console import ConsoleChat
from bot.engine import Conversation
from bot.knowledge import KnowledgeError
from bot.knowledge.encodings import SAVE_AS_UTF8
from bot.services.assistant import MAX_QUESTION, Assistant
from bot.services.knowledge import KnowledgeService
from bot.storage import Storage, StorageError

log = logging.getLogger("munibot")


class CommandError(Exception):
    """The work failed; the message is one clear sentence for stderr (exit code 1)."""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge",
        type=Path,
        metavar="DIR",
        help="knowledge folder (env MUNIBOT_KNOWLEDGE; default: knowledge/)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="SQLite database (env MUNIBOT_DB; default: ./data/munibot.sqlite3)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("bg", "en"), help="reply language (default: detected from the question)"
    )


def _web_address(raw: str) -> str:
    if not raw.lower().startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"'{raw}' must start with https:// (or http://)")
    return raw


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="munibot",
        description="munibot: answers citizens' questions about the projects of a municipality.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser("run", help="run the Telegram bot")
    _common(run)
    run.add_argument(
        "--webhook-url",
        type=_web_address,
        metavar="URL",
        help="receive updates by webhook at this public URL (env MUNIBOT_WEBHOOK_URL)",
    )
    run.add_argument(
        "--listen",
        metavar="HOST",
        help="address of the webhook and /healthz server (env MUNIBOT_LISTEN; default 0.0.0.0)",
    )
    run.add_argument(
        "--port",
        type=int,
        metavar="N",
        help="port of the webhook and /healthz server (env MUNIBOT_PORT; default 8443 with a "
        "webhook; in long polling /healthz is served only when a port is given)",
    )

    chat = commands.add_parser("chat", help="talk to the bot in the console")
    _common(chat)
    _lang(chat)

    ask = commands.add_parser("ask", help="answer one question (or many with --batch)")
    _common(ask)
    _lang(ask)
    ask.add_argument("question", nargs="*", help="the question")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument(
        "--batch",
        action="store_true",
        help="read one question per line from stdin, write one JSON line each",
    )
    ask.add_argument(
        "--conversation",
        action="store_true",
        help="with --batch: consecutive lines are turns of one conversation; an empty line "
        "starts the next",
    )

    cli_knowledge.add_parsers(commands, _common)
    cli_admin.add_parsers(commands, _common)
    cli_tickets.add_parsers(commands, _common)
    cli_database.add_parsers(commands, _common)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env(knowledge_dir=args.knowledge, db_path=args.db)
    logs.add_secret(settings.token)
    logs.add_secret(settings.webhook_secret)
    return settings


def _knowledge(settings: Settings) -> KnowledgeService:
    cli_knowledge.require_knowledge(settings)
    service = KnowledgeService(settings.knowledge_dir)
    try:
        service.load_or_raise()
    except KnowledgeError as error:
        for problem in error.problems:
            if problem.is_error:
                print(problem, file=sys.stderr)
        raise CommandError(
            f"the knowledge base in {settings.knowledge_dir} has errors; "
            "run 'munibot validate' for the full list"
        ) from None
    return service


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer questions from the arguments or, with --batch, from stdin."""
    if args.conversation and not args.batch:
        raise UsageError("--conversation goes with --batch")
    if args.batch and args.question:
        raise UsageError(
            "with --batch the questions come from stdin, one per line; drop --batch to ask one"
        )
    engine = _knowledge(_settings(args)).engine
    if args.batch:
        chat = Conversation()
        warned = False  # of a line that is not UTF-8: once, the file is what to fix
        for number, line in enumerate(_stdin(), 1):
            if not line.strip():
                chat = Conversation()
                continue
            if "\ufffd" in line and not warned:
                warned = True
                print(f"munibot: line {number} is not UTF-8: {SAVE_AS_UTF8}", file=sys.stderr)
            answer = engine.answer(
                _readable(line.strip(), f"line {number}"),
                chat if args.conversation else Conversation(),
                args.lang,
            )
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=False)
        sys.stdout.flush()
        return 0
    question = " ".join(args.question).strip()
    if not question:
        raise UsageError('give a question, e.g. munibot ask "Колко струва проектът?"')
    answer = engine.answer(_readable(question, "the question"), Conversation(), args.lang)
    print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else answer.reply.plain())
    return 0


def _readable(question: str, what: str) -> str:
    """The question as the bot reads it: at most MAX_QUESTION characters (a note on stderr)."""
    if len(question) > MAX_QUESTION:
        print(
            f"munibot: {what} has {len(question):,} characters; the first {MAX_QUESTION:,} "
            "(the most a Telegram message holds) were read",
            file=sys.stderr,
        )
    return question[:MAX_QUESTION]


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive conversation in the console."""
    settings = _settings(args)
    asyncio.run(console_chat(settings, _knowledge(settings), args.lang))
    return 0


async def console_chat(settings: Settings, knowledge: KnowledgeService, lang: str | None) -> None:
    """The console chat on the knowledge base and the SQLite database of settings."""
    quiet_log()
    async with Storage.opened(settings.db_path) as storage:
        stream = _stdin()
        await ConsoleChat(Assistant(knowledge, storage), lang).run(stream, stream.isatty())


def quiet_log() -> None:
    """In the console chat its reader sees only the bot's texts: the log's lines (an English
    "knowledge not reloaded" above the chat's own notice of a broken edit) stay quiet below
    ERROR, unless --debug asked for them."""
    root = logging.getLogger()
    if not root.isEnabledFor(logging.DEBUG):
        root.setLevel(logging.ERROR)


def _stdin() -> TextIO:
    """Standard input; a closed one (`<&-`, sys.stdin None) reads as empty, as /dev/null does."""
    return sys.stdin if sys.stdin is not None else io.StringIO()


def _someone_types() -> bool:
    """True when questions can come on stdin: a terminal, or a pipe or file given to it (not the
    /dev/null or closed stdin of a service, where a missing token is an error to report)."""
    if sys.stdin is None:
        return False
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return False
    return sys.stdin.isatty() or stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def cmd_run(args: argparse.Namespace) -> int:
    """Run the Telegram bot, or offer the console chat when there is no token."""
    settings = _settings(args).with_overrides(
        webhook_url=args.webhook_url, listen=args.listen, port=args.port
    )
    if not settings.token:
        print(
            "No Telegram token: set TELEGRAM_BOT_TOKEN (get one from @BotFather in Telegram: "
            "/newbot) to run the bot.",
            file=sys.stderr,
        )
        if _someone_types():
            print("Opening the console chat instead.\n", file=sys.stderr)
            quiet_log()
            asyncio.run(console_chat(settings, _knowledge(settings), None))
            return 0
        raise CommandError("no Telegram token is set (TELEGRAM_BOT_TOKEN)")
    from bot.handlers.app import run_bot
    from bot.handlers.runner import BotStartError

    _knowledge(settings)
    asyncio.run(_check_database(settings))
    try:
        run_bot(settings)
    except BotStartError as error:
        raise CommandError(str(error)) from None
    return 0


async def _check_database(settings: Settings) -> None:
    """Open and close the database: StorageError before Telegram is contacted."""
    async with Storage.opened(settings.db_path):
        pass


class UsageError(Exception):
    """The command was called the wrong way (exit code 2)."""


def _with_settings(
    command: Callable[[argparse.Namespace, Settings], int],
) -> Callable[[argparse.Namespace], int]:
    return lambda args: command(args, _settings(args))


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    **{name: _with_settings(command) for name, command in cli_knowledge.COMMANDS.items()},
    "ask": cmd_ask,
    "chat": cmd_chat,
    "run": cmd_run,
    "broadcast": lambda args: cli_admin.run(args, _settings(args)),
    "stats": lambda args: cli_admin.run(args, _settings(args)),
    "unanswered": lambda args: cli_admin.run(args, _settings(args)),
    "tickets": lambda args: cli_tickets.run(args, _settings(args)),
    "answer": lambda args: cli_tickets.run(args, _settings(args)),
    "backup": lambda args: cli_database.run(args, _settings(args)),
    "restore": lambda args: cli_database.run(args, _settings(args)),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `munibot` and `python -m bot`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if isinstance(sys.stdin, io.TextIOWrapper):  # invalid UTF-8 in a line is replaced, not fatal
        sys.stdin.reconfigure(encoding="utf-8-sig", errors="replace")  # a BOM is no question
    quiet = logging.INFO if args.command == "run" else logging.WARNING
    try:
        logs.setup(logging.DEBUG if args.debug else quiet, log_format(), debug=args.debug)
        return COMMANDS[args.command](args)
    except (UsageError, cli_knowledge.KnowledgeUsageError) as error:
        parser.print_usage(sys.stderr)
        print(f"munibot: {error}", file=sys.stderr)
        return 2
    except (
        CommandError,
        ConfigError,
        StorageError,
        cli_admin.AdminCommandError,
        cli_knowledge.KnowledgeCommandError,
    ) as error:
        print(f"munibot: {logs.redact(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C: the shell's prompt comes on a line of its own
        if sys.stderr is not None and sys.stderr.isatty():
            print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader left early (`munibot ask ... | head`): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 141  # as a shell reports a command ended by SIGPIPE
    except Exception as error:
        if args.debug:
            print(logs.redact(traceback.format_exc()), file=sys.stderr, end="")
        print(
            f"munibot: unexpected error: {logs.redact(str(error))} (run with --debug for details)",
            file=sys.stderr,
        )
        return 1
