"""The database from the shell: `munibot backup FILE` while the bot runs, and `munibot restore
FILE` (extensions of specs/cli.md, README "Backups")."""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import Callable
from pathlib import Path

from bot.config import Settings
from bot.storage import MIGRATIONS, Storage
from bot.storage.copies import COUNTED, backup, restore


def add_parsers(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    add_common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """backup and restore, with the common options."""
    copy = commands.add_parser("backup", help="copy the database, also while the bot runs")
    add_common(copy)
    copy.add_argument(
        "target", metavar="FILE", help="the copy (a folder: munibot-TIME.sqlite3 in it)"
    )
    back = commands.add_parser("restore", help="put a backup back (stop the bot first)")
    add_common(back)
    back.add_argument("source", type=Path, metavar="FILE", help="a file made by munibot backup")


def described(found: dict[str, int]) -> str:
    """'schema 6, 5 users, 3 questions, 0 tickets'; an older schema says what it becomes."""
    schema = f"schema {found['schema']}"
    if found["schema"] < len(MIGRATIONS):
        schema += f" (now {len(MIGRATIONS)})"
    rows = (f"{found[table]} {table}" for table in COUNTED if table in found)
    return ", ".join((schema, *rows))


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run backup or restore."""
    if args.command == "backup":
        folder = args.target.endswith(("/", os.sep))
        target, found = backup(settings.db_path, Path(args.target), folder)
        print(f"backed up {settings.db_path} to {target}: {described(found)}")
        return 0
    found = restore(args.source, settings.db_path)
    asyncio.run(_bring_up_to_date(settings.db_path))
    print(f"restored {settings.db_path} from {args.source}: {described(found)}")
    return 0


async def _bring_up_to_date(path: Path) -> None:
    async with Storage.opened(path):  # migrations, as at the bot's start
        pass
