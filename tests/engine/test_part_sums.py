"""What a part of the works cost ("the landslide on the road", "the visitor centre in the
warehouse") is the sum its own sentence states, not the total the summary repeats; "what did X
cost" asks a sum as "how much did X cost" does."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.chosen import sums
from bot.engine.parsed import Parsed
from tests.engine.conftest import assert_quoted


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("mountain", "what did the landslide repair on the monastery road cost",
         "monastery-road", "214,600"),
        ("mountain", "what was the cost of stabilising the landslide on the monastery road",
         "monastery-road", "214,600"),
        ("mountain", "колко струваше укрепването на свлачището на пътя за манастира",
         "monastery-road", "214 600"),
        ("vine", "what will the visitor centre in the tobacco warehouse cost",
         "wine-tourism-route", "186,500"),
        ("vine", "the visitor centre in the old warehouse, what does it cost",
         "wine-tourism-route", "186,500"),
        ("vine", "колко пари има за всеки винен фестивал", "wine-tourism-route", "12 000"),
    ],
)  # fmt: skip
def test_a_parts_own_sum(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The reply states the part's own sum."""
    assert_quoted(bases[base], question, project, fact)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Total cost: 3,418,276.40 BGN (1,747,736.97 EUR)", {"341827640", "174773697"}),
        ("Обща стойност: 612\u00a0000\u00a0€ (1\u00a0196\u00a0967,96\u00a0лв.)",
         {"612000", "119696796"}),
        ("споразумение № 2/08.05.2024 г. за 214 600 лв. без ДДС", {"214600"}),
        ("получава 3,3 млн. лв. за пътя", {"33"}),
        ("6,35 км път и 2 подпорни стени", set()),  # lengths and counts are no money
        ("Cost 186,500 euro.", {"186500"}),
    ],
)  # fmt: skip
def test_sums(text: str, found: set[str]) -> None:
    """The sums of money a text states, written either way, and nothing else."""
    assert sums(text) == found


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("what did the repair cost", "amount"),
        ("a ремонтът на моста какво струваше", "amount"),
        ("what is the budget", None),  # the budget's field, no sum of a part
    ],
)
def test_price_verb_asks_a_sum(bases: dict[str, Engine], question: str, answer: str | None) -> None:
    """A price verb with the budget's cue asks a sum even without "how much"."""
    parsed: Parsed = bases["spa"].reader.read(question)
    assert parsed.answer == answer
