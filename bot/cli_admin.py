"""Admin commands of the command line: broadcast, stats, unanswered."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path

from telegram import Bot
from telegram.error import TelegramError
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.handlers.bulk import DirectSender
from bot.handlers.delivery import progress_text
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.knowledge.encodings import SAVE_AS_UTF8, likely_encoding
from bot.services.announcements import DraftError, split_versions
from bot.services.broadcast import Progress
from bot.services.dispatcher import Dispatcher
from bot.services.insights import (
    collect_stats,
    render_stats,
    render_unanswered,
    stats_chart,
    unanswered_groups,
)
from bot.services.progress import progress_of
from bot.services.ratelimit import RateLimiter
from bot.storage import DeliveryState, Storage
from bot.texts import t


class AdminCommandError(Exception):
    """The work failed (exit code 1)."""


def existing_database(path: Path) -> Path:
    """The bot's database, for a command that only reads it: a path with no file is a mistake
    (a typo in --db), not an empty database to create and report zeros from."""
    if not path.exists():
        raise AdminCommandError(
            f"there is no database at {path}: the bot creates it when it first runs; "
            "give the bot's own with --db or MUNIBOT_DB"
        )
    return path


def add_parsers(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    add_common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """broadcast, stats and unanswered, with the common options."""
    broadcast = commands.add_parser("broadcast", help="send an announcement to subscribers")
    add_common(broadcast)
    broadcast.add_argument(
        "--text-file",
        type=Path,
        required=True,
        metavar="F",
        help="the Bulgarian text (Telegram HTML allowed)",
    )
    broadcast.add_argument("--text-file-en", type=Path, metavar="F", help="the English text")
    broadcast.add_argument(
        "--project",
        metavar="ID",
        help="only the followers of this project (default: all subscribers)",
    )
    broadcast.add_argument(
        "--dry-run",
        action="store_true",
        help="check the text and count the recipients; send nothing",
    )
    stats = commands.add_parser("stats", help="usage figures from the database")
    add_common(stats)
    stats.add_argument("--png", type=Path, metavar="FILE", help="also write a chart")
    stats.add_argument("--days", type=_days, default=30, help="period (default 30 days)")
    unanswered = commands.add_parser("unanswered", help="questions the bot could not answer")
    add_common(unanswered)
    unanswered.add_argument("--days", type=_days, default=30, help="period (default 30 days)")


def _days(text: str) -> int:
    """A period of 1 to 3650 days, as /stats and /unanswered take it."""
    if not text.isdigit() or not 1 <= int(text) <= 3650:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days from 1 to 3650")
    return int(text)


def _knowledge(settings: Settings) -> KnowledgeBase | None:
    return load_knowledge(settings.knowledge_dir).knowledge


def read_text(path: Path) -> str:
    """A text file's UTF-8 text; a file saved in another encoding is named with how to fix it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise AdminCommandError(f"cannot read {path}: {error}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        saved = likely_encoding(raw) or f"another encoding (byte 0x{raw[error.start]:02x})"
        raise AdminCommandError(
            f"{path} is saved in {saved}, not in UTF-8: {SAVE_AS_UTF8}"
        ) from None


async def _broadcast(args: argparse.Namespace, settings: Settings) -> int:
    raw = read_text(args.text_file)
    if args.text_file_en:
        raw = f"{raw}\n---\n{read_text(args.text_file_en)}"
    try:
        text_bg, text_en = split_versions(raw)
    except DraftError as error:
        if error.key == "admin.prompt":  # Telegram's "send the text", for a file with none
            raise AdminCommandError(f"{args.text_file} has no text to announce") from None
        raise AdminCommandError(t(error.key, "en", **error.values)) from None
    knowledge = _knowledge(settings)
    if args.project and (knowledge is None or knowledge.project(args.project) is None):
        raise AdminCommandError(f"there is no project '{args.project}' in the knowledge base")
    async with Storage.opened(settings.db_path) as storage:
        recipients = await storage.audience(args.project)
        print(f"recipients: {len(recipients)}")
        if args.dry_run:
            return 0
        if not recipients:
            print("sent: 0, failed: 0, blocked: 0, uncertain: 0")
            return 0
        if not settings.token:
            raise AdminCommandError("no Telegram token is set (TELEGRAM_BOT_TOKEN)")
        broadcast_id = await storage.create_broadcast(text_bg, text_en, args.project, recipients)
        started = time.monotonic()
        final = await send_queued(settings, storage, broadcast_id)
        elapsed = time.monotonic() - started
    tally = final.tally
    print(
        f"sent: {tally[DeliveryState.SENT]}, failed: {tally[DeliveryState.FAILED]}, "
        f"blocked: {tally[DeliveryState.BLOCKED]}, uncertain: {tally[DeliveryState.UNCERTAIN]}"
        + (f", stopped before sending: {tally[DeliveryState.CANCELLED]}" if final.cancelled else "")
    )
    for reason, count in tally.reasons:
        print(f"failed ({count}): {reason}")
    print(f"rate: {tally[DeliveryState.SENT] / elapsed:.1f} messages a second")
    return 0


async def send_queued(settings: Settings, storage: Storage, broadcast_id: int) -> Progress:
    """Send the broadcast here, or follow it while a running bot sends it (taking it over
    if that bot stops), until it ends."""

    async def show(state: Progress) -> None:
        print(progress_text(state, "en"), file=sys.stderr)

    bot = Bot(
        settings.token or "",
        base_url=f"{settings.api_base_url}/bot",
        request=HTTPXRequest(connection_pool_size=64),
    )
    sender = DirectSender(settings.api_base_url, settings.token or "", settings.delivery_timeout)
    try:
        async with bot:  # asks getMe: a wrong token or an unreachable API is said at once
            dispatcher = Dispatcher.configured(
                settings,
                storage,
                sender,
                RateLimiter(settings.broadcast_rate),
                lambda _: show,
            )
            while True:
                final = await dispatcher.run(broadcast_id)
                if final is None:  # a running bot sends it: follow its progress
                    final = await progress_of(storage, broadcast_id)
                    assert final is not None, "the broadcast was just stored"
                    await show(final)
                if final.finished:
                    return final
                await asyncio.sleep(min(2.0, settings.broadcast_lease / 3))
    except TelegramError as error:
        raise AdminCommandError(
            f"the Telegram Bot API at {settings.api_base_url} cannot be used: {error}"
        ) from None
    finally:
        await sender.close()


async def _stats(args: argparse.Namespace, settings: Settings) -> int:
    async with Storage.opened(existing_database(settings.db_path)) as storage:
        figures = await collect_stats(storage, args.days)
    knowledge = _knowledge(settings)
    if knowledge is None:
        print(
            "the knowledge base has errors (run 'munibot validate'): "
            "projects are named by their id",
            file=sys.stderr,
        )
    print(render_stats(figures, knowledge, "en").plain())
    if args.png:
        try:
            args.png.write_bytes(stats_chart(figures, "en"))
        except OSError as error:  # a folder that is not there, or not writable, or a folder
            raise AdminCommandError(
                f"cannot write the chart to {args.png}: {error.strerror or error}"
            ) from None
        print(f"chart written to {args.png}")
    return 0


async def _unanswered(args: argparse.Namespace, settings: Settings) -> int:
    async with Storage.opened(existing_database(settings.db_path)) as storage:
        groups = await unanswered_groups(storage, args.days)
    print(render_unanswered(groups, args.days, "en").plain())
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run broadcast, stats or unanswered."""
    handler = {"broadcast": _broadcast, "stats": _stats, "unanswered": _unanswered}
    return asyncio.run(handler[args.command](args, settings))
