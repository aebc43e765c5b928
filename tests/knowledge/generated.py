"""Generated knowledge bases for the loader's tests, independent of the generator's wording."""

from __future__ import annotations

from pathlib import Path

import yaml


def nth_project(root: Path, number: int) -> Path:
    """The file of the project listed at position number (in file-name order)."""
    return sorted((root / "projects").glob("*.yaml"))[number]


def reword(file: Path, summary: str) -> None:
    """Give a project file a new summary, in both languages, and nothing else new."""
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["summary"] = {"bg": summary, "en": summary}
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
