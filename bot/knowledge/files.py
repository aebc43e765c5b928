"""Which files of the knowledge folder are read, and what to tell staff about the others."""

from __future__ import annotations

import difflib
import errno
import os
import re
from collections.abc import Callable
from functools import partial
from operator import itemgetter
from pathlib import Path

from bot.knowledge.problems import Problem, Severity

PROJECT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YAML_SUFFIXES = (".yaml", ".yml")
_IGNORED_ERRORS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
ROOT_FILES = ("municipality", "faq")
SCHEMA_FILES = ("schema.json", "municipality.schema.json", "faq.schema.json")
_LATIN = str.maketrans(
    dict(
        zip(
            "абвгдежзийклмнопрстуфхцчшщъьюя",
            "a b v g d e zh z i y k l m n o p r s t u f h ts ch sh sht a y yu ya".split(),
            strict=True,
        )
    )
)


def display_path(path: Path) -> str:
    """The path as staff would type it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)


def display_paths(files: list[Path]) -> list[str]:
    """display_path of each file, each folder worked out once (then the file's name after it)."""
    folders: dict[str, str] = {}
    shown = []
    for file in files:
        folder, name = os.path.split(str(file))
        if folder not in folders:
            folders[folder] = os.path.relpath(folder or os.curdir)
        relative = name if folders[folder] == os.curdir else os.path.join(folders[folder], name)
        shown.append(relative if not relative.startswith("..") else str(file))
    return shown


def suggested_id(name: str) -> str:
    """A valid project id made from any file name: 'Нов Парк' -> 'nov-park'."""
    latin = name.lower().translate(_LATIN)
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "project"


def find_root_file(root: Path, stem: str) -> Path | None:
    """municipality.yaml (or .yml), faq.yaml (or .yml)."""
    for suffix in YAML_SUFFIXES:
        if (root / f"{stem}{suffix}").is_file():
            return root / f"{stem}{suffix}"
    return None


def watched(root: Path) -> list[Path]:
    """Every file the validator reads or reports on (drafts and hidden files left out)."""
    if not root.is_dir():
        return []
    return [file for parts, file in files_below(root) if not _draft_parts(parts)]


def _draft_parts(parts: tuple[str, ...]) -> bool:
    return any(part.startswith(("_", ".")) for part in parts)


def _is(test: Callable[[], bool]) -> bool:
    """test(), or False where pathlib ignores the error (a broken or looping link)."""
    try:
        return test()
    except OSError as error:
        if error.errno in _IGNORED_ERRORS:
            return False
        raise


def files_below(
    folder: Path, unreadable: list[Path] | None = None, others: list[Path] | None = None
) -> list[tuple[tuple[str, ...], Path]]:
    """(names below folder, path) of each file that sorted(folder.rglob("*")) finds, sorted fast;
    the folders that may not be listed go to unreadable, the entries that are neither a file nor
    a folder (a pipe, a device, a link to nothing) to others."""
    # sorting Paths compares them in Python: half a second for 10,000 project files
    found: list[tuple[tuple[str, ...], Path]] = []
    folders: list[tuple[tuple[str, ...], Path]] = [((), folder)]
    while folders:
        parts, current = folders.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except PermissionError:
            if unreadable is not None:
                unreadable.append(current)
            continue
        for entry in entries:
            inner = (*parts, entry.name)
            if _is(partial(entry.is_dir, follow_symlinks=False)):
                folders.append((inner, current / entry.name))
            elif _is(entry.is_file):
                found.append((inner, current / entry.name))
            elif others is not None:
                others.append(current / entry.name)
    found.sort(key=itemgetter(0))
    return found


_SPECIAL = (
    "the file is not read: it is not a regular file (a pipe, a device, or a link that leads to "
    "no file); put the project's .yaml file here instead, or remove it"
)


def _problem(file: Path, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(display_path(file), 1, 1, message, severity)


def _unread(file: Path, in_projects: bool) -> Problem:
    """What to do about a file the bot does not read."""
    name, lower = file.name, file.name.lower()
    if lower.endswith(YAML_SUFFIXES):
        stem = name.rsplit(".", 1)[0]
        target = f"{suggested_id(stem) if in_projects else stem.lower()}.yaml"
        return _problem(file, f"the file is not read: write its name in lowercase: {target}")
    if lower.endswith(".txt") and (in_projects or lower[:-4].endswith(YAML_SUFFIXES)):
        stem = re.sub(r"(\.ya?ml)?\.txt$", "", name, flags=re.IGNORECASE)
        target = f"{suggested_id(stem) if in_projects else stem}.yaml"
        return _problem(
            file,
            f"the file is not read: its name ends in '.txt' (Notepad adds it when saving a "
            f"text document); rename it to {target} (in Notepad: Save as type 'All files')",
        )
    return _problem(
        file,
        "the file is not read: only .yaml files are; move it out of the knowledge folder, "
        "or start its name with '_' to keep it here",
        Severity.WARNING,
    )


def _root_file_meant(name: str) -> str | None:
    """municipality.yaml or faq.yaml when a YAML file's name is one of them in capitals, with
    a typo, or as a download renamed it ('municipality (1).yaml'), else None."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in YAML_SUFFIXES:
        return None
    words = re.sub(r"-(?:\d+|copy|kopie)$", "", suggested_id(stem))
    close = difflib.get_close_matches(words, ROOT_FILES, n=1, cutoff=0.8)
    return f"{close[0]}.yaml" if close else None


_SPECIAL_ROOT = (
    "the file is not read: it is not a regular file (a pipe, a device, or a link that leads to "
    "no file); put a real municipality.yaml or faq.yaml here instead, or remove it"
)


def _root_entries(root: Path) -> tuple[list[Path], list[Path]]:
    """The files beside municipality.yaml (drafts left out), and the entries there that are
    neither a file nor a folder (a pipe, a device, a link to nothing)."""
    files, others = [], []
    with os.scandir(root) as listing:
        entries = [entry for entry in listing if not entry.name.startswith(("_", "."))]
    for entry in entries:
        if _is(entry.is_file):
            files.append(root / entry.name)
        elif not _is(entry.is_dir):
            others.append(root / entry.name)
    return sorted(files), sorted(others)


def root_problems(root: Path) -> list[Problem]:
    """The files beside municipality.yaml that are not read."""
    known = {f"{stem}{suffix}" for stem in ROOT_FILES for suffix in YAML_SUFFIXES}
    files, others = _root_entries(root)
    problems = [_problem(other, _SPECIAL_ROOT, Severity.WARNING) for other in others]
    for file in files:
        if file.name in known or file.name in SCHEMA_FILES:
            continue
        meant = _root_file_meant(file.name)
        if meant is not None:
            message = f"the file is not read: its name must be {meant}; rename it to {meant}"
            problems.append(_problem(file, message))
        elif file.name.endswith(YAML_SUFFIXES):
            problems.append(
                _problem(
                    file,
                    "the file is not read: only municipality.yaml and faq.yaml are read here; "
                    f"move a project's file into {display_path(root / 'projects')}",
                )
            )
        else:
            problems.append(_unread(file, in_projects=False))
    return problems


def project_files(root: Path, drafts: bool = False) -> tuple[list[Path], list[Problem]]:
    """The project files to read (with drafts too, if asked), and a problem for every other
    file in projects/."""
    folder = root / "projects"
    if not folder.is_dir():
        return [], []
    files, problems, unreadable, others = [], [], list[Path](), list[Path]()
    found = files_below(folder, unreadable, others)
    for hidden in unreadable:
        message = (
            "the folder cannot be read (Permission denied), so its projects are not loaded: let "
            f"the user the bot runs as read it (e.g. 'chmod a+rx {hidden.name}')"
        )
        problems.append(_problem(hidden, message))
    for other in sorted(others):
        if not (other.name.startswith((".", "_")) or _draft_parts(other.relative_to(folder).parts)):
            problems.append(_problem(other, _SPECIAL, Severity.WARNING))
    for parts, file in found:
        if _draft_parts(parts[:-1]) or file.name.startswith("."):
            continue
        if file.name.startswith("_") and not (drafts and file.name.endswith(YAML_SUFFIXES)):
            continue
        if not file.name.endswith(YAML_SUFFIXES):
            problems.append(_unread(file, in_projects=True))
        elif not PROJECT_ID.match(id_of(file)):
            problems.append(
                _problem(
                    file,
                    f"the file name '{file.name}' is not a valid project id: use lowercase "
                    f"a-z, 0-9 and '-', e.g. rename it to {suggested_id(file.stem)}.yaml",
                )
            )
            files.append(file)  # its content is checked too: every problem in one run
        else:
            files.append(file)
    return files, problems


def id_of(file: Path) -> str:
    """The id of a project file: its name without '.yaml' (and without a draft's '_')."""
    return file.stem.lstrip("_")
