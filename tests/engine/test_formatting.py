"""Amounts and dates as Bulgarian and English readers write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.engine import formatting as fmt

NBSP = "\u00a0"

MONEY = [
    ("79829.24", "BGN", "bg", f"79{NBSP}829,24{NBSP}лв. (40{NBSP}816,04{NBSP}€)"),
    ("79829.24", "BGN", "en", f"79,829.24{NBSP}BGN (40,816.04{NBSP}EUR)"),
    ("2500000", "BGN", "bg", f"2{NBSP}500{NBSP}000{NBSP}лв. (1{NBSP}278{NBSP}229,70{NBSP}€)"),
    ("1000", "EUR", "en", f"1,000{NBSP}EUR (1,955.83{NBSP}BGN)"),
    ("0.01", "EUR", "bg", f"0,01{NBSP}€ (0,02{NBSP}лв.)"),
]


@pytest.mark.parametrize(("amount", "currency", "lang", "expected"), MONEY)
def test_money_with_the_other_currency(
    amount: str, currency: str, lang: str, expected: str
) -> None:
    assert fmt.money(Decimal(amount), currency, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"), [("bg", "13 ноември 2013 г."), ("en", "13 November 2013")]
)
def test_dates(lang: str, expected: str) -> None:
    assert fmt.date(dt.date(2013, 11, 13), lang) == expected


def test_percent() -> None:
    assert fmt.percent(Decimal("150000"), Decimal("199467.56"), "bg") == f"75,2{NBSP}%"
    assert fmt.percent(Decimal(1), Decimal(1), "en") == f"100{NBSP}%"
