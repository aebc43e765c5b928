"""The date of a news item as editors type it in Telegram (bot/services/newsdraft.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.services.newsdraft import AnswerError, date


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("1.12.2026", dt.date(2026, 12, 1)),
        ("01.12.2026 г.", dt.date(2026, 12, 1)),
        ("1/12/2026", dt.date(2026, 12, 1)),  # day first, as in Bulgaria
        ("1 декември 2026", dt.date(2026, 12, 1)),
        ("1 декември 2026 г.", dt.date(2026, 12, 1)),
        ("3 Март 2025", dt.date(2025, 3, 3)),
        ("1 December 2026", dt.date(2026, 12, 1)),
        ("December 1, 2026", dt.date(2026, 12, 1)),
    ],
)
def test_a_date_as_people_write_it(typed: str, meant: dt.date) -> None:
    assert date(typed) == meant


@pytest.mark.parametrize("typed", ["вчера", "30 февруари 2026", "1 декембри 2026", "1.12.26"])
def test_what_is_no_date_asks_again(typed: str) -> None:
    with pytest.raises(AnswerError) as refused:
        date(typed)
    assert refused.value.key == "addnews.bad_date"
