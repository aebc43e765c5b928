"""Where a piece of news was published: the news items and their links, never the place."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import load_or_raise

FIXTURES = Path(__file__).parent.parent / "fixtures"

CASES = [
    (
        "danube",
        "къде е публикувана новината за ремонта на кея в Ладовица",
        "pristan-ladovitsa",
        "example-ladovitsa.bg/novini/",
    ),
    (
        "steppe",
        "къде пише за водопровода в Мелничево",
        "melnichevo-water-main",
        "example-zlatoklas.bg/novini/",
    ),
    (
        "mountain",
        "на кой сайт писаха за екопътеката Орлова",
        "eco-trail-orlova",
        "example-sividol.bg/novini/",
    ),
]


@pytest.mark.parametrize(("base", "question", "project", "link"), CASES)
def test_where_the_news_was_published(base: str, question: str, project: str, link: str) -> None:
    """A question of where news was published answers with the news items' links."""
    engine = Engine(load_or_raise(FIXTURES / f"tuning-{base}" / "knowledge"))
    answer = engine.answer(question)
    assert answer.project == project
    assert link in answer.reply.plain()
