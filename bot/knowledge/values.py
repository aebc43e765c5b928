"""The value types staff write: Text, Money, Date, URL, phone and status, with friendly checks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler
from pydantic.functional_validators import BeforeValidator
from pydantic_core import PydanticCustomError, core_schema

LANGUAGES = ("bg", "en")
STATUSES = ("planned", "ongoing", "completed")
CURRENCIES = ("BGN", "EUR")
_LANG_CODE = re.compile(r"^[a-z]{2}$")
_ORIGIN_KEY = "__origin__"


def describe(value: Any) -> str:
    """Say in words what a staff member wrote, for error messages."""
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"the word '{str(value).lower()}' (yes/no)"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float | Decimal):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _error(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message.replace("{", "(").replace("}", ")"))


class Text:
    """A text in one or more languages; a plain string is the same in every language."""

    __slots__ = ("_values", "universal")

    def __init__(self, values: Mapping[str, str], universal: bool = False) -> None:
        self._values = dict(values)
        self.universal = universal

    @classmethod
    def plain(cls, value: str) -> Text:
        """A text that reads the same in every language."""
        return cls({"*": value}, universal=True)

    def get(self, lang: str) -> str:
        """The text in lang, else in the other language."""
        if self.universal:
            return self._values["*"]
        if lang in self._values:
            return self._values[lang]
        for other in (*LANGUAGES, *self._values):
            if other in self._values:
                return self._values[other]
        return ""

    def has(self, lang: str) -> bool:
        """True when the text is written for lang (or for every language)."""
        return self.universal or lang in self._values

    def values(self) -> Iterator[tuple[str, str]]:
        """Every (language, text) pair; '*' for a language-neutral text."""
        yield from self._values.items()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values.items())))

    def __repr__(self) -> str:
        return f"Text({self._values!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(parse_text)


def _scalar_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | dt.date):
        return str(value)
    return None


def parse_text(value: Any) -> Text:
    """Accept a string, or a mapping of language codes to strings."""
    if isinstance(value, Text):
        return value
    if isinstance(value, dict):
        versions: dict[str, str] = {}
        for lang, item in value.items():
            if lang == _ORIGIN_KEY:
                continue
            if not _LANG_CODE.match(str(lang)):
                hint = (
                    f"'{str(lang).lower()}'" if _LANG_CODE.match(str(lang).lower()) else "bg or en"
                )
                raise _error("text_language", f"'{lang}' is not a language code; use {hint}")
            text = _scalar_text(item)
            if not text:
                raise _error(
                    "text_empty",
                    f"the '{lang}' text is empty or not text "
                    f"({describe(item)}); write the text after '{lang}:'",
                )
            versions[str(lang)] = text
        if not versions:
            raise _error("text_empty", "no text is given; write it as 'bg: ...' and 'en: ...'")
        return Text(versions)
    text = _scalar_text(value)
    if text is None or isinstance(value, list):
        raise _error(
            "text_type",
            f"expected a text here but found {describe(value)}; write the "
            "text after the colon, or 'bg: ...' and 'en: ...' on the lines below",
        )
    if not text:
        raise _error("text_empty", "this text is empty; write the text or delete the line")
    return Text.plain(text)


def parse_money(value: Any) -> Decimal:
    """Accept a plain number; refuse amounts written as text."""
    if isinstance(value, bool) or value is None:
        raise _error(
            "money_type",
            f"expected an amount but found {describe(value)}; write a number such as 79829.24",
        )
    if isinstance(value, str):
        raise _error(
            "money_text",
            f"the amount {describe(value)} is written as text; write a "
            "plain number with a dot for decimals and no quotes, spaces or currency, "
            "e.g. 79829.24",
        )
    if not isinstance(value, int | float):
        raise _error(
            "money_type",
            f"expected an amount but found {describe(value)}; write a number such as 79829.24",
        )
    amount = Decimal(str(value))
    if amount < 0:
        raise _error("money_negative", "an amount cannot be negative; remove the minus sign")
    return amount


_DOTTED_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*(г\.?)?\s*$")


def parse_date(value: Any) -> dt.date:
    """Accept YYYY-MM-DD (as a YAML date or a quoted string)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        dotted = _DOTTED_DATE.match(value)
        if dotted:
            day, month, year = (int(part) for part in dotted.groups()[:3])
            hint = f"{year:04d}-{month:02d}-{day:02d}"
            raise _error(
                "date_format",
                f"the date {describe(value)} must be written as YYYY-MM-DD: write {hint}",
            )
        if re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip()):
            raise _error(
                "date_invalid",
                f"{describe(value)} is not a real calendar date; check the month and the day",
            )
    raise _error(
        "date_format",
        f"expected a date but found {describe(value)}; write it as YYYY-MM-DD, e.g. 2024-06-11",
    )


def parse_url(value: Any) -> str:
    """Accept an absolute http:// or https:// address."""
    if not isinstance(value, str):
        raise _error("url_type", f"expected a web address but found {describe(value)}")
    url = value.strip()
    if re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+", url) and not re.search(r"\s", url):
        return url
    if re.match(r"^(www\.|[a-z0-9-]+\.[a-z]{2,})", url, re.IGNORECASE):
        raise _error(
            "url_scheme",
            f"the web address {describe(value)} must start with "
            f"https:// or http://: write https://{url}",
        )
    raise _error(
        "url_invalid",
        f"{describe(value)} is not a web address; write a full address "
        "such as https://www.septemvri.bg/page.htm (no spaces)",
    )


def parse_phone(value: Any) -> str:
    """Accept a phone number written as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise _error(
            "phone_number",
            f"the phone {value} was read as a number; put it in "
            "quotes, e.g. \"0889 308 530\", so that leading zeros and '+' are kept",
        )
    if not isinstance(value, str) or not re.search(r"\d{3}", value):
        raise _error(
            "phone_type",
            f"expected a phone number but found {describe(value)}; "
            'write it in quotes, e.g. "+359 3561 7777"',
        )
    return value.strip()


def parse_plain(value: Any) -> str:
    """Accept a short string (numbers are taken as written)."""
    text = _scalar_text(value)
    if text is None or isinstance(value, dict | list):
        raise _error("string_type", f"expected a short text here but found {describe(value)}")
    if not text:
        raise _error("text_empty", "this value is empty; write it or delete the line")
    return text


_STATUS_WORDS = {
    "finished": "completed",
    "done": "completed",
    "complete": "completed",
    "closed": "completed",
    "ended": "completed",
    "завършен": "completed",
    "приключил": "completed",
    "active": "ongoing",
    "running": "ongoing",
    "in progress": "ongoing",
    "current": "ongoing",
    "текущ": "ongoing",
    "изпълнява се": "ongoing",
    "planning": "planned",
    "future": "planned",
    "предстоящ": "planned",
    "планиран": "planned",
}


def parse_status(value: Any) -> str:
    """Accept planned, ongoing or completed."""
    word = str(value).strip().lower() if isinstance(value, str) else None
    if word in STATUSES:
        return word
    hint = f"did you mean '{_STATUS_WORDS[word]}'? " if word in _STATUS_WORDS else ""
    raise _error(
        "status",
        f"unknown status {describe(value)}; {hint}write one of: planned, ongoing, completed",
    )


def parse_currency(value: Any) -> str:
    """Accept BGN or EUR (any case; лв and € too)."""
    word = str(value).strip().upper() if isinstance(value, str) else ""
    aliases = {"ЛВ": "BGN", "ЛВ.": "BGN", "LEV": "BGN", "LV": "BGN", "€": "EUR", "ЕВРО": "EUR"}
    word = aliases.get(word, word)
    if word in CURRENCIES:
        return word
    raise _error("currency", f"unknown currency {describe(value)}; write BGN or EUR")


Money = Annotated[Decimal, BeforeValidator(parse_money)]
Date = Annotated[dt.date, BeforeValidator(parse_date)]
Url = Annotated[str, BeforeValidator(parse_url)]
Phone = Annotated[str, BeforeValidator(parse_phone)]
Plain = Annotated[str, BeforeValidator(parse_plain)]
Status = Annotated[str, BeforeValidator(parse_status)]
Currency = Annotated[str, BeforeValidator(parse_currency)]
