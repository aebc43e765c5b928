"""Until what year ("до коя година ще го има", "until what year"): when the project states no end
date, the sentence that gives a year as an end ("до 2027 г.", "(2021–2027)") answers."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.since import asks_until
from tests.engine.conftest import assert_quoted


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("до коя година ще има топъл обяд", True),
        ("topliq obqd do koq godina shte go ima", True),
        ("do koia godina sa secheni poqsite", True),
        ("until what year will it run", True),
        ("от коя година е сградата", False),
        ("до кога е отворено", False),  # a day or an hour, not a year
    ],
)
def test_until_what_year_is_asked(question: str, asked: bool) -> None:
    assert asks_until(question) is asked


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("shipped", "до коя година ще има топъл обяд", "hot-lunch", "2027"),
        ("steppe", "до коя година са сечени старите горски пояси", "forest-shelter-belt", "1995"),
        (
            "steppe",
            "until what year were the old shelter belts cut down",
            "forest-shelter-belt",
            "1995",
        ),
    ],
)
def test_the_year_a_text_gives_as_an_end_answers(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    assert_quoted(bases[base], question, project, fact)


def test_a_project_with_an_end_date_answers_with_its_dates(bases: dict[str, Engine]) -> None:
    """The record's own end date answers; no sentence is searched for a year."""
    answer = bases["spa"].answer("до коя година ще се строи мостът на Топлица")
    assert answer.topic == "dates"
