"""Amounts and dates written the way a Bulgarian or an English reader expects."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

EUR_RATE = Decimal("1.95583")
_CENT = Decimal("0.01")
_NBSP = "\u00a0"
MONTHS = {
    "bg": (
        "януари",
        "февруари",
        "март",
        "април",
        "май",
        "юни",
        "юли",
        "август",
        "септември",
        "октомври",
        "ноември",
        "декември",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def number(amount: Decimal, lang: str) -> str:
    """79829.24 -> '79 829,24' (bg) or '79,829.24' (en); whole amounts without decimals."""
    amount = amount.quantize(_CENT, rounding=ROUND_HALF_UP)
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    if lang == "bg":
        text = text.replace(",", _NBSP).replace(".", ",")
    return text


def convert(amount: Decimal, currency: str) -> tuple[Decimal, str]:
    """The same amount in the other currency at the fixed rate 1 EUR = 1.95583 BGN."""
    if currency == "EUR":
        return (amount * EUR_RATE).quantize(_CENT, rounding=ROUND_HALF_UP), "BGN"
    return (amount / EUR_RATE).quantize(_CENT, rounding=ROUND_HALF_UP), "EUR"


def _with_unit(amount: Decimal, currency: str, lang: str) -> str:
    if lang == "bg":
        return f"{number(amount, lang)}{_NBSP}{'лв.' if currency == 'BGN' else '€'}"
    return f"{number(amount, lang)}{_NBSP}{currency}"


def money(amount: Decimal, currency: str, lang: str) -> str:
    """An amount with its equivalent in the other currency, e.g. '79 829,24 лв. (40 816,01 €)'."""
    other, other_currency = convert(amount, currency)
    return f"{_with_unit(amount, currency, lang)} ({_with_unit(other, other_currency, lang)})"


def date(value: dt.date, lang: str) -> str:
    """13 ноември 2013 г. / 13 November 2013."""
    month = MONTHS["bg" if lang == "bg" else "en"][value.month - 1]
    suffix = " г." if lang == "bg" else ""
    return f"{value.day} {month} {value.year}{suffix}"


def percent(part: Decimal, whole: Decimal, lang: str) -> str:
    """Part of whole as a percentage with at most one decimal."""
    if not whole:
        return ""
    value = (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{value:.0f}" if value == value.to_integral_value() else f"{value:.1f}"
    return f"{text.replace('.', ',') if lang == 'bg' else text}{_NBSP}%"
