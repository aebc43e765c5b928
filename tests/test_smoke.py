"""A first smoke test; replaced by the real suite."""

from pathlib import Path

from bot.knowledge import load_knowledge


def test_shipped_knowledge_loads() -> None:
    result = load_knowledge(Path(__file__).parent.parent / "knowledge")
    assert result.knowledge is not None
    assert not result.problems
