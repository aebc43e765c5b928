"""The knowledge base's cache on disk: what each file gave and what the engine found in each
project, so that a restart reads, validates and analyses only the files that changed.

One file where the deployment keeps its data (beside the database unless configured). It is
used only when it starts with this program's mark and the fingerprint of this very code and
Python: a cache of other code, or anything else, is ignored and written anew. Every file is
compared by its content (bot.knowledge.filecache), so a changed, added or removed file is read
and validated again. The cache is only a shortcut: one that cannot be read or written is logged,
never an error. It is unpickled, so it is trusted like the database: only the bot writes there.
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

from bot.engine import Prepared
from bot.knowledge import FileCache, collector_paused

log = logging.getLogger(__name__)
MARK = b"munibot knowledge cache 1\n"
PACKAGE = Path(__file__).resolve().parent.parent
Cached = tuple[FileCache, Prepared]


@functools.cache
def code_key() -> bytes:
    """A hash of Python's version and every file of the bot package (code and vocabulary)."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and path.is_file():
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest().encode() + b"\n"


def read_cache(path: Path) -> Cached | None:
    """The cache kept at path, or None when there is none, or none this code can use."""
    try:
        with path.open("rb") as handle, collector_paused():
            if handle.readline() != MARK or handle.readline() != code_key():
                log.info("the knowledge cache %s is of other code: it is made anew", path)
                return None
            cached = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as error:  # a broken cache file: the knowledge files are read instead
        log.warning("the knowledge cache %s cannot be used (%r): it is made anew", path, error)
        return None
    match cached:
        case (FileCache() as files, Prepared() as prepared):
            return files, prepared
    log.warning("the knowledge cache %s holds something else: it is made anew", path)
    return None


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
            pickle.dump(cached, handle, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        return True
    except Exception as error:  # a full disk, a read-only folder: the bot goes on without
        log.warning("the knowledge cache %s cannot be written (%r)", path, error)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
