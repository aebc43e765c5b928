"""The knowledge base's cache on disk: what each file gave and what the engine found in each
project, so that a restart reads, validates and analyses only the files that changed.

One file where the deployment keeps its data (beside the database unless configured). It is
used only when it starts with this program's mark and the fingerprint of this very code and
Python: a cache of other code, or anything else, is ignored and written anew. Every file is
compared by its content (bot.knowledge.filecache), so a changed, added or removed file is read
and validated again. The cache is only a shortcut: one that cannot be read or written is logged,
never an error. It is unpickled, so it is trusted like the database: only the bot writes there.
After the mark, a stream of pickles: a header (how many files, the memos' keys), then the
records of BATCH files a pickle (each file's entry and what the engine found in its project),
so that neither writing nor reading keeps pickle's table of every object at once; a stream cut
short, holding more records than it says or a record of another shape is ignored like a broken
file.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import IO

from bot.engine import Prepared
from bot.engine.index import ProjectTerms
from bot.knowledge import FileCache, collector_paused

log = logging.getLogger(__name__)
MARK = b"munibot knowledge cache 2\n"
PACKAGE = Path(__file__).resolve().parent.parent
Cached = tuple[FileCache, Prepared]
BATCH = 500  # files a pickle of the stream


@functools.cache
def code_key() -> bytes:
    """A hash of Python's version and every file of the bot package (code and vocabulary)."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and path.is_file():
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest().encode() + b"\n"


WHAT_TO_DO = "set MUNIBOT_KNOWLEDGE_CACHE to a file in a folder munibot may write, or to off"


def read_cache(path: Path) -> Cached | None:
    """The cache kept at path, or None when there is none, or none this code can use."""
    try:
        with path.open("rb") as handle, collector_paused():
            if handle.readline() != MARK or handle.readline() != code_key():
                log.info("the knowledge cache %s is of other code: it is made anew", path)
                return None
            cached = _read_records(handle)
    except FileNotFoundError:
        return None
    except OSError as error:  # a path that cannot be: the operator is told what to do
        log.warning(
            "the knowledge cache %s cannot be read (%s): the files are read instead; %s",
            path,
            error.strerror or error,
            WHAT_TO_DO,
        )
        return None
    except Exception as error:  # a broken cache file: the knowledge files are read instead
        log.warning("the knowledge cache %s cannot be used (%r): it is made anew", path, error)
        return None
    if cached is None:
        log.warning("the knowledge cache %s holds something else: it is made anew", path)
    return cached


def _read_records(handle: IO[bytes]) -> Cached | None:
    """The header and every batch of files' records, each a pickle of its own; None for a
    foreign one."""
    match pickle.load(handle):
        case (int() as count, terms_key, places_key):
            pass
        case _:
            return None
    files, prepared = FileCache(), Prepared()
    prepared.terms.key, prepared.places.key = terms_key, places_key
    while count > 0:
        batch = pickle.load(handle)
        if not isinstance(batch, list) or not 0 < len(batch) <= count:
            return None
        count -= len(batch)
        for record in batch:
            match record:
                case (file, entry, (ProjectTerms() | None) as terms, (tuple() | None) as places):
                    if not files.restore(file, entry):
                        return None
                    project = files.entries[file].result.value
                    if terms is not None:
                        prepared.terms.hold(project, terms)
                    if places is not None:
                        prepared.places.hold(project, places)
                case _:
                    return None
    return (files, prepared) if handle.read(1) == b"" else None


def _write_records(handle: IO[bytes], cached: Cached) -> None:
    """A header (how many files, the memos' keys), then the files' records (each its entry and
    what the engine found in its project) in batches of BATCH, a pickle each. Pickle's table of
    the objects written is cleared after each batch: what files share (a word, a place) is
    written once within a batch, and writing needs little memory beside what it writes."""
    files, prepared = cached
    pickler = pickle.Pickler(handle, pickle.HIGHEST_PROTOCOL)
    pickler.dump((len(files.entries), prepared.terms.key, prepared.places.key))
    records = [
        (
            file,
            entry,
            prepared.terms.found(entry.result.value),
            prepared.places.found(entry.result.value),
        )
        for file, entry in files.entries.items()
    ]
    for start in range(0, len(records), BATCH):
        pickler.clear_memo()
        pickler.dump(records[start : start + BATCH])


def write_cache(path: Path, cached: Cached) -> bool:
    """Keep cached at path (whole or not at all); False, logged, when it cannot be written."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with (
            tempfile.NamedTemporaryFile(
                "wb", dir=path.parent, prefix=f".{path.name}.", delete=False
            ) as handle,
            collector_paused(),
        ):
            temporary = handle.name
            handle.write(MARK + code_key())
            _write_records(handle, cached)
        os.replace(temporary, path)
        return True
    except Exception as error:  # a full disk, a read-only folder: the bot goes on without
        detail = (
            f"{error.strerror}: {error.filename}"
            if isinstance(error, OSError) and error.strerror
            else repr(error)
        )
        log.warning("the knowledge cache %s cannot be written (%s): %s", path, detail, WHAT_TO_DO)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
