"""Writing a knowledge file safely: atomically (never half a file in the folder), then a git
commit when knowledge/ is its own work tree."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def write_atomically(path: Path, text: str | None) -> None:
    """Replace path with text (temp file, fsync, rename, fsync the folder); None deletes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        path.unlink(missing_ok=True)
    else:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            os.fchmod(handle, mode)  # as the file was (mkstemp makes it private)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30, check=False
    )


def git_commit(root: Path, name: str, message: str) -> bool:
    """Commit one file when root is the top of a git work tree; never raises (logs instead)."""
    if shutil.which("git") is None:
        return False
    try:
        top = _git(root, "rev-parse", "--show-toplevel")
        if top.returncode != 0 or Path(top.stdout.strip()).resolve() != root.resolve():
            return False
        identity = ("-c", "user.name=munibot", "-c", "user.email=munibot@localhost")
        _git(root, "add", "-A", "--", name)
        done = _git(root, *identity, "commit", "-q", "-m", message, "--", name)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("git commit of %s failed: %s", name, error)
        return False
    if done.returncode != 0:
        log.warning("git commit of %s failed: %s", name, (done.stderr or done.stdout).strip())
    return done.returncode == 0
