"""The command line: munibot run | chat | ask | validate | broadcast | stats | unanswered."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot import cli_admin
from bot.config import ConfigError, Settings
from bot.console import ConsoleChat
from bot.engine import Conversation
from bot.knowledge import KnowledgeError
from bot.services.assistant import Assistant
from bot.services.knowledge import KnowledgeService
from bot.storage import Storage

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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="munibot",
        description="munibot: answers citizens' questions about the projects of a municipality.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser("run", help="run the Telegram bot")
    _common(run)
    run.add_argument("--webhook-url", metavar="URL", help="use a webhook at this public URL")
    run.add_argument("--listen", default="0.0.0.0", metavar="HOST", help="webhook listen address")
    run.add_argument("--port", type=int, default=8443, metavar="N", help="webhook port")

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

    validate = commands.add_parser("validate", help="check the knowledge base")
    _common(validate)
    validate.add_argument("--strict", action="store_true", help="warnings count as errors")
    cli_admin.add_parsers(commands, _common)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(knowledge_dir=args.knowledge, db_path=args.db)


def _knowledge(settings: Settings) -> KnowledgeService:
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


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every problem; exit 1 on errors (or warnings with --strict)."""
    settings = _settings(args)
    service = KnowledgeService(settings.knowledge_dir)
    result = service.load()
    for problem in result.problems:
        print(problem)
    errors, warnings = len(result.errors), len(result.warnings)
    if result.knowledge is None or errors or (args.strict and warnings):
        print(
            f"{errors} error(s), {warnings} warning(s): the knowledge base is not valid"
            + (" in --strict mode" if not errors and warnings else ""),
            file=sys.stderr,
        )
        return 1
    counts = result.knowledge.counts()
    print(
        f"OK: {counts['projects']} projects, {counts['activities']} activities, "
        f"{counts['news']} news items, {counts['faq']} FAQ entries; "
        f"{errors} errors, {warnings} warnings"
    )
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer questions from the arguments or, with --batch, from stdin."""
    if args.conversation and not args.batch:
        raise UsageError("--conversation goes with --batch")
    engine = _knowledge(_settings(args)).engine
    if args.batch:
        chat = Conversation()
        for line in sys.stdin:
            if not line.strip():
                chat = Conversation()
                continue
            answer = engine.answer(
                line.strip(), chat if args.conversation else Conversation(), args.lang
            )
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=False)
        sys.stdout.flush()
        return 0
    question = " ".join(args.question).strip()
    if not question:
        raise UsageError('give a question, e.g. munibot ask "Колко струва проектът?"')
    answer = engine.answer(question, Conversation(), args.lang)
    print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else answer.reply.plain())
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive conversation in the console."""
    settings = _settings(args)
    asyncio.run(console_chat(settings, _knowledge(settings), args.lang))
    return 0


async def console_chat(settings: Settings, knowledge: KnowledgeService, lang: str | None) -> None:
    """The console chat on the knowledge base and the SQLite database of settings."""
    async with Storage.opened(settings.db_path) as storage:
        await ConsoleChat(Assistant(knowledge, storage), lang).run(sys.stdin, sys.stdin.isatty())


def cmd_run(args: argparse.Namespace) -> int:
    """Run the Telegram bot, or offer the console chat when there is no token."""
    settings = _settings(args)
    if not settings.token:
        print(
            "No Telegram token: set TELEGRAM_BOT_TOKEN (get one from @BotFather in Telegram: "
            "/newbot) to run the bot.",
            file=sys.stderr,
        )
        if sys.stdin.isatty():
            print("Opening the console chat instead.\n", file=sys.stderr)
            logging.getLogger().setLevel(logging.WARNING)
            asyncio.run(console_chat(settings, _knowledge(settings), None))
            return 0
        raise CommandError("no Telegram token is set (TELEGRAM_BOT_TOKEN)")
    from bot.handlers.app import run_bot

    _knowledge(settings)
    run_bot(settings, webhook_url=args.webhook_url, listen=args.listen, port=args.port)
    return 0


class UsageError(Exception):
    """The command was called the wrong way (exit code 2)."""


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": cmd_validate,
    "ask": cmd_ask,
    "chat": cmd_chat,
    "run": cmd_run,
    "broadcast": lambda args: cli_admin.run(args, _settings(args)),
    "stats": lambda args: cli_admin.run(args, _settings(args)),
    "unanswered": lambda args: cli_admin.run(args, _settings(args)),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `munibot` and `python -m bot`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    quiet = logging.INFO if args.command == "run" else logging.WARNING
    logging.basicConfig(
        level=logging.DEBUG if args.debug else quiet,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    try:
        return COMMANDS[args.command](args)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"munibot: {error}", file=sys.stderr)
        return 2
    except (CommandError, ConfigError, cli_admin.AdminCommandError) as error:
        print(f"munibot: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if args.debug:
            raise
        print(f"munibot: unexpected error: {error} (run with --debug for details)", file=sys.stderr)
        return 1
