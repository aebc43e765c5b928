"""The safe edit path: check a knowledge file against the whole base, then write it atomically,
record it in the history, commit it to git when knowledge/ is a work tree, and reload."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge import FileCache, LoadResult, Problem, load_knowledge
from bot.knowledge.encodings import likely_encoding
from bot.knowledge.files import PROJECT_ID, display_path, id_of, project_files
from bot.knowledge.yamlsource import MAX_FILE_BYTES
from bot.services.filewrite import git_commit, write_atomically
from bot.services.knowledge import KnowledgeService
from bot.services.yamlinsert import InsertError, Item, add_item
from bot.storage import Storage

ROOT_NAMES = ("municipality.yaml", "faq.yaml")
SHORT = 60  # values up to this many characters are shown old -> new in a summary
ABSENT = "absent"  # the hash of a file that does not exist
TRIAL = ".munibot-check-"  # the folder in knowledge/ where a changed base is tried
MAX_ID = 200  # characters of a project id: a file name has at most 255 bytes


class EditError(Exception):
    """An edit that cannot be made; key names the text to show, args fill it."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class FieldChange:
    """One top-level field of a file that an edit changes (old/new: None when long or absent)."""

    name: str
    old: str | None
    new: str | None
    added: bool = False
    removed: bool = False


@dataclass(frozen=True)
class Check:
    """What a file would do to the base: its problems (then nothing may be applied) or its
    changes, and the hash of the file as it was when checked."""

    name: str
    problems: list[Problem]
    changes: list[FieldChange]
    created: bool
    expected_hash: str

    @property
    def ok(self) -> bool:
        """True when the base would load with this file."""
        return not any(p.is_error for p in self.problems)


@dataclass(frozen=True)
class Draft:
    """A new version of one file, made from the version whose hash is expected_hash."""

    name: str
    text: str
    expected_hash: str


@dataclass(frozen=True)
class Applied:
    """A change written: its history id and what it changed."""

    edit_id: int
    check: Check


def content_hash(text: str | None) -> str:
    """The hash a file's content is compared by (ABSENT for a missing file)."""
    return ABSENT if text is None else hashlib.sha256(text.encode()).hexdigest()


def file_name(document_name: str) -> str:
    """The path in knowledge/ for a document's name: 'faq.yaml', 'projects/ID.yaml'."""
    name = document_name.strip()
    try:
        return _place(name)
    except EditError:
        likely = _likely_name(name)
        if likely != name and _is_place(likely):
            raise EditError("edit.rename", name=name, likely=likely) from None
        raise


def _place(name: str) -> str:
    if not name.lower().endswith(".yaml"):
        raise EditError("edit.not_yaml", name=name)
    if name in ROOT_NAMES:
        return name
    project_id = name.removeprefix("projects/")[: -len(".yaml")]
    if len(project_id) > MAX_ID:
        raise EditError("edit.long_name", limit=MAX_ID)
    if not PROJECT_ID.match(project_id):
        raise EditError("edit.bad_name", name=name, roots=", ".join(ROOT_NAMES))
    return f"projects/{project_id}.yaml"


def _is_place(name: str) -> bool:
    try:
        _place(name)
    except EditError:
        return False
    return True


def _likely_name(name: str) -> str:
    """The name a download made of a knowledge file's: "park (1).yml" -> "park.yaml"."""
    stem, dot, suffix = name.lower().rpartition(".")
    if not dot or suffix not in ("yaml", "yml"):
        return name
    return re.sub(r"\s*\(\d+\)$", "", stem) + ".yaml"


def check_size(size: int) -> None:
    """Refuse a file over MAX_FILE_BYTES (before downloading it, when its size is known)."""
    if size > MAX_FILE_BYTES:
        raise EditError("edit.too_big", limit=MAX_FILE_BYTES // 1024)


def decode(raw: bytes) -> str:
    """The text of an uploaded file: at most MAX_FILE_BYTES of UTF-8."""
    check_size(len(raw))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        encoding = likely_encoding(raw)
        if encoding is not None:
            raise EditError("edit.not_utf8_named", encoding=encoding) from None
        raise EditError("edit.not_utf8", offset=error.start) from None


def _shown(value: Any, lang: str) -> str | None:
    """A short value as staff wrote it, else None."""
    if isinstance(value, dict) and isinstance(value.get(lang), str):
        value = value[lang]
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value)
    return text if len(text) <= SHORT and "\n" not in text else None


def _fields(text: str | None) -> Any:
    """A file's top level with every value exactly as written ({} when it cannot be read)."""
    try:
        data = yaml.load(text or "", Loader=yaml.BaseLoader)
    except yaml.YAMLError:  # the version on the server may be broken: everything is new then
        return {}
    return data if isinstance(data, dict | list) else {}


def summarize(old: str | None, new: str, lang: str) -> list[FieldChange]:
    """The top-level fields that differ between two versions of a file (or its entry count)."""
    before, after = _fields(old), _fields(new)
    if isinstance(before, list) or isinstance(after, list):
        count = (len(before) if isinstance(before, list) else 0, len(after))
        return [] if before == after else [FieldChange("entries", str(count[0]), str(count[1]))]
    changes = []
    for name in [*after, *(key for key in before if key not in after)]:
        was, now = before.get(name), after.get(name)
        if was != now:
            changes.append(
                FieldChange(
                    name,
                    _shown(was, lang),
                    _shown(now, lang),
                    name not in before,
                    name not in after,
                )
            )
    return changes


def _inside(text: str, prefixes: tuple[str, ...]) -> str:
    """A problem's file (or the paths its message names) as paths inside knowledge/
    ('projects/ID.yaml'): never the server's folders, never the trial copy."""
    for prefix in prefixes:
        text = text.replace(prefix, "")
    return text


@dataclass
class KnowledgeEditor:
    """Every change to knowledge/ made through the bot goes through here."""

    knowledge: KnowledgeService
    storage: Storage
    reload: Callable[[], Awaitable[LoadResult | None]]
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @property
    def root(self) -> Path:
        """The knowledge folder."""
        return self.knowledge.directory

    def place(self, name: str) -> str:
        """Where a knowledge file is: a project's file wherever it lies in projects/ (a
        sub-folder, '.yml'), else name as given ('projects/ID.yaml' for a new project)."""
        if not name.startswith("projects/") or (self.root / name).is_file():
            return name
        project_id = id_of(Path(name))
        files, _ = project_files(self.root)  # drafts ('_ID.yaml') left out
        found = (f.relative_to(self.root).as_posix() for f in files if id_of(f) == project_id)
        return next(found, name)

    def current(self, name: str) -> str | None:
        """The file's content now (None when it does not exist)."""
        path = self.root / name
        return path.read_text(encoding="utf-8") if path.is_file() else None

    async def check(self, name: str, text: str | None, lang: str = "en") -> Check:
        """Validate the whole base with this file replaced or added (None: removed)."""
        return await asyncio.to_thread(self._check, name, text, lang)

    def _check(self, name: str, text: str | None, lang: str) -> Check:
        old = self.current(name)
        # a hidden folder (the bot and the validator skip it) on the knowledge folder's own disk
        with tempfile.TemporaryDirectory(prefix=TRIAL, dir=self.root) as folder:
            trial = Path(folder) / "knowledge"
            shutil.copytree(
                self.root.resolve(),
                trial,
                copy_function=os.symlink,  # the other files as they are, by link
                ignore=shutil.ignore_patterns(".git", f"{TRIAL}*"),
            )
            target = trial / name
            target.unlink(missing_ok=True)
            if text is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            result = load_knowledge(trial, cache=self._trial_cache(trial))
        prefixes = (f"{trial}{os.sep}", f"{display_path(self.root)}{os.sep}")
        problems = [
            Problem(
                _inside(p.file, prefixes),
                p.line,
                p.column,
                _inside(p.message, prefixes),
                p.severity,
            )
            for p in result.problems
        ]
        # a rejected file is not summarised (nested deeper than Python's recursion, it could
        # not even be read by yaml.load)
        rejected = any(p.is_error for p in problems)
        changes = summarize(old, text, lang) if text is not None and not rejected else []
        return Check(name, problems, changes, old is None, content_hash(old))

    def _trial_cache(self, trial: Path) -> FileCache:
        """What the bot's last load gave for each file, as if read from the trial folder (its
        links to the same files): only the file being checked is read and validated again."""
        cache = FileCache()
        for path, entry in dict(self.knowledge.files.entries).items():
            moved = trial / os.path.relpath(path, self.root)
            cache.entries[moved] = replace(entry, role=(display_path(moved), *entry.role[1:]))
        return cache

    async def apply(
        self,
        name: str,
        text: str | None,
        editor_id: int,
        *,
        expected_hash: str | None,
        reason: str,
        lang: str = "en",
    ) -> Applied:
        """Check again, refuse if the file changed since expected_hash (EditError
        'edit.changed_since'), write, record, commit and reload."""
        async with self._lock:
            current = self.current(name)
            if expected_hash is not None and content_hash(current) != expected_hash:
                raise EditError("edit.changed_since", name=name)
            check = await self.check(name, text, lang)
            if not check.ok:
                raise EditError("edit.invalid_now", name=name, count=len(check.problems))
            await asyncio.to_thread(write_atomically, self.root / name, text)
            edit_id = await self.storage.record_edit(
                editor_id, name, current, content_hash(text), reason
            )
            message = f"{reason}: {name} (Telegram editor {editor_id}, change #{edit_id})"
            await asyncio.to_thread(git_commit, self.root, name, message)
            await self.reload()
            return Applied(edit_id, check)

    async def undo(self, editor_id: int, edit_id: int) -> Applied:
        """Restore the content a change replaced (refused if the file changed since)."""
        record = await self.storage.edit(edit_id)
        if record is None or record.undone_by is not None:
            raise EditError("edit.nothing_to_undo")
        applied = await self.apply(
            record.file,
            record.previous,
            editor_id,
            expected_hash=record.new_hash,
            reason=f"undo: change #{edit_id}",
        )
        await self.storage.mark_undone(edit_id, applied.edit_id)
        return applied

    def _with_item(self, name: str, key: str | None, item: Item) -> Draft:
        text = self.current(name)
        try:
            return Draft(name, add_item(text or "", key, item), content_hash(text))
        except InsertError as error:
            raise EditError("edit.cannot_insert", name=name, reason=str(error)) from None

    def _project_file(self, project_id: str) -> str:
        name = self.place(f"projects/{project_id}.yaml")
        if not PROJECT_ID.match(project_id) or self.current(name) is None:
            raise EditError("edit.unknown_project", project=project_id)
        return name

    def add_news(self, project_id: str, item: Item) -> Draft:
        """A project's file with a news item added (comments and layout kept), to apply."""
        return self._with_item(self._project_file(project_id), "news", item)

    def add_faq(self, item: Item, project_id: str | None) -> Draft:
        """faq.yaml, or a project's file, with a question and answer added, to apply."""
        if project_id is None:
            return self._with_item("faq.yaml", None, item)
        return self._with_item(self._project_file(project_id), "faq", item)

    async def apply_draft(self, draft: Draft, editor_id: int, reason: str) -> Applied:
        """apply() a draft, refused if its file changed since the draft was made."""
        return await self.apply(
            draft.name, draft.text, editor_id, expected_hash=draft.expected_hash, reason=reason
        )


def news_item(
    title: dict[str, str],
    summary: dict[str, str] | None,
    url: str | None,
    date: dt.date,
    stamp: str,
) -> Item:
    """A news entry with a stable id (its announcement can never repeat)."""
    item: dict[str, Any] = {"id": stamp, "date": date, "title": title}
    if summary:
        item["summary"] = summary
    if url:
        item["url"] = url
    return item
