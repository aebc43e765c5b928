"""The knowledge base as one zip file, for /export."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from bot.knowledge.files import watched


def knowledge_zip(root: Path) -> bytes:
    """Every file the validator reads or reports on, under knowledge/ in the archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in watched(root):
            archive.write(path, Path("knowledge") / path.relative_to(root))
    return buffer.getvalue()
