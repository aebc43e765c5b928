"""Staff commands of the command line: validate, schema, new-project."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from bot.config import Settings
from bot.knowledge import load_knowledge
from bot.knowledge.files import PROJECT_ID, display_path, suggested_id
from bot.knowledge.schema import SCHEMAS, render, write_schemas
from bot.knowledge.skeleton import draft_path, skeleton
from bot.services.problem_texts import problem_text
from bot.texts import t


class KnowledgeCommandError(Exception):
    """The work failed (exit code 1)."""


class KnowledgeUsageError(Exception):
    """The command was called the wrong way (exit code 2)."""


def add_parsers(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    add_common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """validate, schema and new-project, with the common options."""
    validate = commands.add_parser("validate", help="check the knowledge base")
    add_common(validate)
    validate.add_argument(
        "folder",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="the knowledge folder, as --knowledge gives it (default: MUNIBOT_KNOWLEDGE, else "
        "knowledge/)",
    )
    validate.add_argument("--strict", action="store_true", help="warnings count as errors")
    validate.add_argument(
        "--drafts",
        action="store_true",
        help="also check the drafts (projects/_ID.yaml) as if they were published",
    )
    validate.add_argument(
        "--lang",
        choices=("bg", "en"),
        default="en",
        help="the language of the messages (default: en; line and column are the same in both)",
    )
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the knowledge files (for editors)"
    )
    add_common(schema)
    schema.add_argument(
        "--kind", choices=tuple(SCHEMAS), default="project", help="which file (default: project)"
    )
    schema.add_argument(
        "--write",
        action="store_true",
        help="write every schema into the knowledge folder instead of printing one",
    )
    new = commands.add_parser(
        "new-project", help="write the commented skeleton of a new project (a draft)"
    )
    add_common(new)
    new.add_argument("id", metavar="ID", help="the project id: lowercase a-z, 0-9 and '-'")


def require_folder(settings: Settings) -> None:
    """Stop with one clear sentence when the knowledge folder does not exist."""
    if settings.knowledge_dir.exists() and not settings.knowledge_dir.is_dir():
        raise KnowledgeCommandError(
            f"{settings.knowledge_dir} is a file, not a folder: point --knowledge (or "
            "MUNIBOT_KNOWLEDGE) at the folder that holds municipality.yaml"
        )
    if not settings.knowledge_dir.is_dir():
        raise KnowledgeCommandError(
            f"the knowledge folder {settings.knowledge_dir} does not exist: create it, or "
            "point --knowledge (or MUNIBOT_KNOWLEDGE) at the folder that holds municipality.yaml"
        )


def folder_given(args: argparse.Namespace, settings: Settings) -> Settings:
    """settings with the folder given after the command (`munibot validate knowledge/`), which
    may be a file of it (`validate knowledge/projects/park.yaml` checks the whole folder)."""
    folder = args.folder
    if folder is None:
        return settings
    if args.knowledge is not None and args.knowledge.resolve() != folder.resolve():
        raise KnowledgeUsageError(
            f"two knowledge folders are given, {folder} and --knowledge {args.knowledge}: "
            "give one of them"
        )
    if folder.is_file():
        root = next(
            (p for p in folder.resolve().parents if (p / "municipality.yaml").is_file()), None
        )
        if root is None:
            raise KnowledgeCommandError(
                f"{folder} is a file, and no folder above it holds municipality.yaml: give the "
                "knowledge folder, e.g. munibot validate knowledge/"
            )
        print(f"munibot: {folder} is checked with its whole folder, {root}", file=sys.stderr)
        folder = root
    return settings.with_overrides(knowledge_dir=folder)


def require_knowledge(settings: Settings) -> None:
    """Stop with one clear sentence when the folder is not a knowledge folder at all (the
    project's own folder, say: a warning for every file in it would bury the mistake); an
    empty folder is a new one, whose missing municipality.yaml the validator reports."""
    require_folder(settings)
    root = settings.knowledge_dir
    if (root / "municipality.yaml").exists() or (root / "projects").is_dir():
        return
    inside = sorted(p for p in root.iterdir() if (p / "municipality.yaml").is_file())
    if inside:
        raise KnowledgeCommandError(
            f"{root} is not the knowledge folder, but {inside[0]} is: give that one "
            f"(--knowledge {inside[0]}, or MUNIBOT_KNOWLEDGE={inside[0]})"
        )
    if any(not p.name.startswith((".", "_")) for p in root.iterdir()):
        raise KnowledgeCommandError(
            f"{root} holds neither municipality.yaml nor a projects/ folder, so it is not a "
            "knowledge folder: give the folder that holds municipality.yaml (for a new "
            "municipality, write municipality.yaml in an empty folder first)"
        )


def validate(args: argparse.Namespace, settings: Settings) -> int:
    """Print every problem; exit 1 on errors (or warnings with --strict)."""
    settings = folder_given(args, settings)
    require_knowledge(settings)
    result = load_knowledge(settings.knowledge_dir, drafts=args.drafts)
    lang = args.lang
    for problem in result.problems:
        print(problem_text(problem, lang))
    errors, warnings = len(result.errors), len(result.warnings)
    if result.knowledge is None or errors or (args.strict and warnings):
        strict = not errors and warnings
        key = "validate.invalid_strict" if strict else "validate.invalid"
        print(t(key, lang, errors=errors, warnings=warnings), file=sys.stderr)
        return 1
    checked = t("validate.checked", lang, n=len(result.checked)) if result.checked else ""
    counts = {**result.knowledge.counts(), "errors": errors, "warnings": warnings}
    told = {
        name: t(f"validate.count.{name}.{'one' if n == 1 else 'many'}", lang, n=n)
        for name, n in counts.items()
    }
    print(t("validate.ok", lang, checked=checked, **told))
    return 0


def schema(args: argparse.Namespace, settings: Settings) -> int:
    """Print one JSON Schema, or write them all into the knowledge folder."""
    if not args.write:
        sys.stdout.write(render(args.kind))
        return 0
    require_folder(settings)
    for path in write_schemas(settings.knowledge_dir):
        print(f"written {display_path(path)}")
    return 0


def new_project(args: argparse.Namespace, settings: Settings) -> int:
    """Write projects/_ID.yaml, a draft skeleton that validates once filled in and renamed."""
    project_id = args.id
    if not PROJECT_ID.match(project_id):
        raise KnowledgeUsageError(
            f"'{project_id}' is not a valid project id (lowercase a-z, 0-9 and '-'); "
            f"for example: munibot new-project {suggested_id(project_id)}"
        )
    require_folder(settings)
    root = settings.knowledge_dir
    draft, published = draft_path(root, project_id), root / "projects" / f"{project_id}.yaml"
    for existing in (published, draft):
        if existing.exists():
            raise KnowledgeCommandError(f"{display_path(existing)} already exists; nothing written")
    draft.parent.mkdir(exist_ok=True)
    if not (root / SCHEMAS["project"][0]).exists():
        write_schemas(root)
    draft.write_text(skeleton(project_id), encoding="utf-8")
    print(
        f"written {display_path(draft)}: a draft, which the bot does not read. Fill it in "
        f"(check it with 'munibot validate --drafts'), then rename it to {published.name}."
    )
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "validate": validate,
    "schema": schema,
    "new-project": new_project,
}
