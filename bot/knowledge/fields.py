"""The field types besides Text: amounts, counts, dates, addresses, phones, codes and status.

Each takes a Scalar exactly as written. A text-like field (a phone, a contract number) keeps the
characters typed; a number field refuses what YAML 1.1 would silently read as another number
(0012 as 10, 12_345 as 12345) and says what to write.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import WithJsonSchema
from pydantic.functional_validators import BeforeValidator

from bot.knowledge.values import (
    SCALAR_SCHEMA,
    describe,
    refuse_typographic,
    scalar_text,
    value_error,
)
from bot.knowledge.yamltree import Scalar

STATUSES = ("planned", "ongoing", "completed")
CURRENCIES = ("BGN", "EUR")
_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")
_LEADING_ZERO = re.compile(r"^([-+]?)0+(?=\d)")


def _plain_number(text: str, kind: str) -> str:
    """text, refusing a leading zero or an underscore that YAML would read differently."""
    if "_" in text and _NUMBER.match(text.replace("_", "")):
        raise value_error(
            "number_underscore",
            f"the {kind} {text} has '_' in it, which YAML drops without a word: "
            f"write {text.replace('_', '')}",
        )
    if _LEADING_ZERO.match(text) and _NUMBER.match(text):
        fixed = _LEADING_ZERO.sub(r"\1", text)
        raise value_error(
            "number_leading_zero",
            f"the {kind} {text} starts with 0, and YAML does not read such a number as "
            f"written (0012 becomes 10): write {fixed}",
        )
    return text


def _digits(value: Any) -> str | None:
    """The text of a number as written (numbers given by code are taken too)."""
    if isinstance(value, Scalar):
        return value.text.strip()
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    return None


_CURRENCIES = r"(?:лв\.?|лева|bgn|eur|euro|евро|€)"
_CURRENCY = re.compile(rf"^\s*{_CURRENCIES}|{_CURRENCIES}\s*$", re.IGNORECASE)
_EURO = re.compile(r"eur|евро|€", re.IGNORECASE)


def _amount_meant(text: str) -> str | None:
    """The plain number an amount written as text means ('245 300,50 лв.' -> 245300.50)."""
    digits = re.sub(r"[\s'_]", "", _CURRENCY.sub("", text.strip().strip("\"'")).strip())
    if not re.fullmatch(r"\d[\d.,]*", digits):
        return None
    decimal = re.search(r"[.,](\d{1,2})$", digits)
    whole = digits[: decimal.start()] if decimal else digits
    if not re.fullmatch(r"\d{1,3}([.,]\d{3})*|\d+", whole):
        return None
    whole = re.sub(r"[.,]", "", whole)
    return f"{whole}.{decimal[1]}" if decimal else whole


def parse_money(value: Any) -> Decimal:
    """Accept a plain number with a dot for decimals; refuse amounts written as text."""
    text = _digits(value)
    if text is None:
        raise value_error(
            "money_type",
            f"expected an amount but found {describe(value)}; write a number such as 79829.24",
        )
    refuse_typographic(text)
    if (isinstance(value, Scalar) and value.quoted) or not _NUMBER.match(text.replace("_", "")):
        plain = _amount_meant(text)
        if plain is not None and _EURO.search(text):
            raise value_error(
                "money_text_euro",
                f"the amount {describe(text)} is written as text; write {plain} (a plain number "
                "with a dot for decimals, no quotes, spaces or currency) and 'currency: EUR' "
                "in the budget",
            )
        if plain is not None:
            raise value_error(
                "money_text_fix",
                f"the amount {describe(text)} is written as text; write {plain} "
                "(a plain number with a dot for decimals, no quotes, spaces or currency)",
            )
        raise value_error(
            "money_text",
            f"the amount {describe(text)} is written as text; write a "
            "plain number with a dot for decimals and no quotes, spaces or currency, "
            "e.g. 79829.24",
        )
    amount = Decimal(_plain_number(text, "amount"))
    if amount < 0:
        raise value_error("money_negative", "an amount cannot be negative; remove the minus sign")
    return amount


def parse_count(value: Any) -> int:
    """Accept a whole number of 1 or more (a number of months)."""
    text = _digits(value)
    written = text if text is not None else value if isinstance(value, str) else ""
    counted = re.fullmatch(r"(\d+)\s*(?:месеца|месец|мес\.?|months?)", written, re.IGNORECASE)
    if counted is not None:  # "18 месеца": the number alone
        raise value_error(
            "count_words",
            f"{describe(value)} has a word after the number: write the number alone, "
            f"{counted[1]} (the field's name says what it counts)",
        )
    if text is None or not re.fullmatch(r"[-+]?\d[\d_]*", text):  # not int("_")
        raise value_error(
            "count_type", f"expected a whole number (e.g. 9) but found {describe(value)}"
        )
    count = int(_plain_number(text, "number"))
    if count < 1:
        raise value_error("count_positive", f"expected a positive number but found {count}")
    return count


_DOTTED_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*(г\.?)?\s*$")
# "1 март 2026 г.", "1 March 2026", "March 1, 2026": a date as people write it in words
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("януари", "january", "jan"),
            ("февруари", "february", "feb"),
            ("март", "march", "mar"),
            ("април", "april", "apr"),
            ("май", "may"),
            ("юни", "june", "jun"),
            ("юли", "july", "jul"),
            ("август", "august", "aug"),
            ("септември", "september", "sep", "sept"),
            ("октомври", "october", "oct"),
            ("ноември", "november", "nov"),
            ("декември", "december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})\s*(г\.?)?\s*$")
_MONTH_DAY_YEAR = re.compile(r"^\s*([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})\s*$")


def _real(year: int, month: int, day: int) -> bool:
    """True when the day exists in the calendar."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def written_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written with digits or a month's name, or None."""
    dotted = _DOTTED_DATE.match(text)
    if dotted:
        day, month, year = (int(part) for part in dotted.groups()[:3])
        return year, month, day
    worded = _DAY_MONTH_YEAR.match(text)
    if worded and worded[2].lower() in _MONTHS:
        return int(worded[3]), _MONTHS[worded[2].lower()], int(worded[1])
    worded = _MONTH_DAY_YEAR.match(text)
    if worded and worded[1].lower() in _MONTHS:
        return int(worded[3]), _MONTHS[worded[1].lower()], int(worded[2])
    return None


def parse_date(value: Any) -> dt.date:
    """Accept YYYY-MM-DD (as a YAML date or a quoted string)."""
    if isinstance(value, Scalar):
        refuse_typographic(value.text.strip())
        value = value.read_as
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        written = written_date(value)
        if written:
            year, month, day = written
            hint = f"{year:04d}-{month:02d}-{day:02d}"
            if not _real(year, month, day):
                raise value_error(
                    "date_invalid",
                    f"{describe(value)} is not a real calendar date; check the month and the day",
                )
            raise value_error(
                "date_format",
                f"the date {describe(value)} must be written as YYYY-MM-DD: write {hint}",
            )
        if re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip()):
            raise value_error(
                "date_invalid",
                f"{describe(value)} is not a real calendar date; check the month and the day",
            )
    raise value_error(
        "date_format",
        f"expected a date but found {describe(value)}; write it as YYYY-MM-DD, e.g. 2024-06-11",
    )


def _word(value: Any, kind: str, example: str) -> str:
    """The text of a one-word or one-line value (an address, a status), not in curly quotes."""
    text = scalar_text(value)
    if text is None:
        raise value_error(f"{kind}_type", f"expected {example} but found {describe(value)}")
    refuse_typographic(text)
    return text


def parse_url(value: Any) -> str:
    """Accept an absolute http:// or https:// address."""
    url = _word(value, "url", "a web address")
    if re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+", url) and not re.search(r"\s", url):
        return url
    mistyped = re.match(r"^h?t{1,3}p{1,2}(s?)[:;.]?[/\\]+(?=[^/\\\s]+\.\S)", url, re.IGNORECASE)
    if mistyped and not re.match(r"^https?://", url, re.IGNORECASE):  # 'https//', 'htps://'
        meant = f"http{mistyped[1].lower()}://{url[mistyped.end() :]}"
        raise value_error(
            "url_mistyped",
            f"the start of the web address {describe(url)} is mistyped: write {meant}",
        )
    if re.match(r"^(www\.|[a-z0-9-]+\.[a-z]{2,})", url, re.IGNORECASE):
        raise value_error(
            "url_scheme",
            f"the web address {describe(url)} must start with "
            f"https:// or http://: write https://{url}",
        )
    raise value_error(
        "url_invalid",
        f"{describe(url)} is not a web address; write a full address "
        "such as https://www.example.bg/page.htm (no spaces)",
    )


def parse_phone(value: Any) -> str:
    """Accept a phone number, keeping the digits exactly as typed (quoted or not)."""
    text = scalar_text(value)
    if text is None or not re.search(r"\d{3}", text):
        raise value_error(
            "phone_type",
            f"expected a phone number but found {describe(value)}; "
            'write it as people dial it, e.g. "+359 2 987 6543"',
        )
    refuse_typographic(text)
    return text


def parse_email(value: Any) -> str:
    """Accept name@example.bg."""
    text = _word(value, "email", "an e-mail address")
    if "@" in text and " " not in text:
        return text
    if text.count("@") > 1:  # "ivan@x.bg, maria@x.bg"
        raise value_error(
            "emails_in_one",
            f"more than one e-mail address in {describe(text)}: this field holds one; keep "
            "one here, and give the other to a contact of its own (under 'contacts:')",
        )
    raise value_error(
        "email", f"{describe(text)} is not an e-mail address; write it as name@example.bg"
    )


def parse_plain(value: Any) -> str:
    """Accept a short text, exactly as written (0012 stays 0012)."""
    text = scalar_text(value)
    if text is None:
        raise value_error(
            "string_type",
            f"expected a short text here but found {describe(value)}; write one plain text "
            "here, without 'bg:' and 'en:' and not as a list",
        )
    if not text:
        raise value_error("text_empty", "this value is empty; write it or delete the line")
    return text


_STATUS_WORDS = {
    "finished": "completed",
    "done": "completed",
    "complete": "completed",
    "closed": "completed",
    "ended": "completed",
    "завършен": "completed",
    "приключил": "completed",
    "приключен": "completed",
    "изпълнен": "completed",
    "active": "ongoing",
    "running": "ongoing",
    "in progress": "ongoing",
    "current": "ongoing",
    "текущ": "ongoing",
    "изпълнява се": "ongoing",
    "в изпълнение": "ongoing",
    "planning": "planned",
    "future": "planned",
    "предстоящ": "planned",
    "планиран": "planned",
    "предстои": "planned",
}


def _status_hint(word: str) -> str:
    """The status meant by a common word, as the bot shows it or in another gender or number."""
    meant = _STATUS_WORDS.get(word) or _STATUS_WORDS.get(re.sub(r"[оаи]$", "", word))
    return f"did you mean '{meant}'? " if meant else ""


def parse_status(value: Any) -> str:
    """Accept planned, ongoing or completed."""
    word = _word(value, "status", "planned, ongoing or completed").lower()
    if word in STATUSES:
        return word
    hint = _status_hint(word)
    raise value_error(
        "status",
        f"unknown status {describe(value)}; {hint}write one of: planned, ongoing, completed",
    )


def parse_currency(value: Any) -> str:
    """Accept BGN or EUR (any case; лв, лева, € and евро too)."""
    word = _word(value, "currency", "BGN or EUR").upper()
    leva = ("ЛВ", "ЛВ.", "ЛЕВ", "ЛЕВА", "LEV", "LEVA", "LV")
    aliases = {**dict.fromkeys(leva, "BGN"), "€": "EUR", "ЕВРО": "EUR", "EURO": "EUR"}
    word = aliases.get(word, word)
    if word in CURRENCIES:
        return word
    raise value_error("currency", f"unknown currency {describe(value)}; write BGN or EUR")


_DATE_PATTERN = r"^\d{4}-\d{1,2}-\d{1,2}"

Money = Annotated[
    Decimal, BeforeValidator(parse_money), WithJsonSchema({"type": "number", "minimum": 0})
]
Count = Annotated[
    int, BeforeValidator(parse_count), WithJsonSchema({"type": "integer", "minimum": 1})
]
Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "pattern": _DATE_PATTERN}),
]
Url = Annotated[
    str,
    BeforeValidator(parse_url),
    WithJsonSchema({"type": "string", "pattern": "^https?://"}),
]
Email = Annotated[
    str, BeforeValidator(parse_email), WithJsonSchema({"type": "string", "pattern": "@"})
]
Phone = Annotated[str, BeforeValidator(parse_phone), WithJsonSchema(SCALAR_SCHEMA)]
Plain = Annotated[str, BeforeValidator(parse_plain), WithJsonSchema(SCALAR_SCHEMA)]
Status = Annotated[
    str, BeforeValidator(parse_status), WithJsonSchema({"type": "string", "enum": [*STATUSES]})
]
Currency = Annotated[
    str,
    BeforeValidator(parse_currency),
    WithJsonSchema({"type": "string", "enum": [*CURRENCIES]}),
]
