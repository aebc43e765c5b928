"""Dependencies point one way: handlers and cli -> services -> engine / knowledge."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).parent.parent / "bot"

# package -> modules it must never import
FORBIDDEN = {
    "bot.knowledge": (
        "bot.engine",
        "bot.services",
        "bot.handlers",
        "bot.storage",
        "bot.cli",
        "telegram",
        "aiosqlite",
    ),
    "bot.engine": (
        "bot.services",
        "bot.handlers",
        "bot.storage",
        "bot.cli",
        "telegram",
        "aiosqlite",
        "sqlite3",
    ),
    "bot.services": ("bot.handlers", "bot.cli", "telegram"),
    "bot.storage": ("bot.handlers", "bot.cli", "bot.services", "telegram"),
    "bot.texts": ("bot.",),
    "bot.config": ("bot.",),
}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", sorted(BOT.rglob("*.py")), ids=lambda p: str(p.relative_to(BOT)))
def test_dependencies_point_one_way(path: Path) -> None:
    name = module_name(path)
    for package, forbidden in FORBIDDEN.items():
        if name == package or name.startswith(package + "."):
            for imported in imports(path):
                assert not any(
                    imported == f
                    or imported.startswith(f.rstrip(".") + ".")
                    or (f.endswith(".") and imported.startswith(f))
                    for f in forbidden
                ), f"{name} imports {imported}"


@pytest.mark.parametrize("path", sorted(BOT.rglob("*.py")), ids=lambda p: str(p.relative_to(BOT)))
def test_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400
