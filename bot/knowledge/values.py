"""Text, the value staff write most, and what every field type shares: scalars as written."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from bot.knowledge.yamltree import ORIGIN_KEY, Scalar

LANGUAGES = ("bg", "en")
# ISO 639-1: a text in one of these languages is kept (the bot shows only bg and en)
ISO_LANGUAGES = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr "
    "ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw "
    "ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv "
    "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr "
    "ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi "
    "yo za zh zu".split()
)
_LANGUAGE_WORDS = {
    "bul": "bg",
    "bgr": "bg",
    "бг": "bg",
    "bulgarian": "bg",
    "eng": "en",
    "ен": "en",
    "english": "en",
}
_OPENING_QUOTES, _CLOSING_QUOTES = "“”„‟«‘’‚‛", "“”‟»‘’‛"
_BULGARIAN_OPENING = "„‚"  # „Строител“ ЕООД is a name in quotes, not a quoted text
_SHOWN = frozenset((*LANGUAGES, "*"))
REVIEW = "review"  # validation context key: the list that collects texts with findings
SCALAR_SCHEMA: JsonSchemaValue = {"type": ["string", "number", "boolean"]}


def describe(value: Any) -> str:
    """Say in words what a staff member wrote, for error messages."""
    if isinstance(value, Scalar):
        if not value.quoted and isinstance(value.read_as, bool):
            return f"the word '{value.text}' (yes/no)"
        if not value.quoted and isinstance(value.read_as, int | float | dt.date):
            kind = "date" if isinstance(value.read_as, dt.date) else "number"
            return f"the {kind} {value.text}"
        value = value.text
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


def value_error(
    kind: str, message: str, context: dict[str, Any] | None = None
) -> PydanticCustomError:
    """A validation error whose message is shown as written (context places it at a key)."""
    return PydanticCustomError(kind, message.replace("{", "(").replace("}", ")"), context)


def scalar_text(value: Any) -> str | None:
    """The text of a single value exactly as written (stripped); None for groups and lists."""
    if isinstance(value, Scalar):
        return value.text.strip()
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | dt.date):
        return str(value)
    return None


def typographic_inside(text: str) -> str | None:
    """What stands inside typographic quotes when they wrap the whole text."""
    if len(text) > 2 and text[0] in _OPENING_QUOTES and text[-1] in _CLOSING_QUOTES:
        return text[1:-1].strip()
    return None


def refuse_typographic(text: str) -> None:
    """Refuse a value (not a prose text) wrapped in typographic quotes."""
    inside = typographic_inside(text)
    if inside is not None:
        raise value_error(
            "typographic_quotes",
            f"'{text}' is wrapped in typographic quotes {text[0]}{text[-1]} (as Word types "
            "them), which YAML does not take as quotes: write "
            f'"{inside}" with straight quotes, or {inside} with none',
        )


def _language(key: Any) -> str:
    """The language code key, or an error that says which code was meant."""
    code = str(key)
    if code in ISO_LANGUAGES:
        return code
    lower = code.strip().lower()
    if lower in ISO_LANGUAGES:
        raise value_error(
            "text_language",
            f"the language code '{code}' must be written in lowercase: '{lower}'",
            {"key": code},
        )
    meant = _LANGUAGE_WORDS.get(lower) or next(
        iter(difflib.get_close_matches(lower, LANGUAGES, n=1, cutoff=0.5)), None
    )
    hint = f"did you mean '{meant}'?" if meant else "write bg or en"
    raise value_error("text_language", f"'{code}' is not a language code; {hint}", {"key": code})


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
        return iter(self._values.items())

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
        return core_schema.with_info_plain_validator_function(_validate_text)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return text_json_schema()


def text_findings(text: Text) -> list[tuple[str, str]]:
    """("missing" | "alone" | "unshown" | "quotes", lang) for what staff should look at again in
    text; "alone": no bg or en, so this other language is what the bot shows (Text.get)."""
    found = []
    versions = text._values
    shown = _SHOWN.intersection(versions)
    if shown and not text.universal:
        for lang in LANGUAGES:
            if lang not in versions:
                found.append(("missing", lang))
    for index, (lang, version) in enumerate(versions.items()):
        if lang not in _SHOWN:
            found.append(("unshown" if shown or index else "alone", lang))
        if (
            version[:1] in _OPENING_QUOTES
            and typographic_inside(version) is not None
            and version[0] not in _BULGARIAN_OPENING
        ):
            found.append(("quotes", lang))
    return found


def _validate_text(value: Any, info: core_schema.ValidationInfo) -> Text:
    """parse_text, collecting a text with findings in the list the context holds at REVIEW."""
    text = parse_text(value)
    review = info.context.get(REVIEW) if isinstance(info.context, dict) else None
    if review is not None and text_findings(text):
        review.append(text)
    return text


def text_json_schema() -> JsonSchemaValue:
    """One text, or a group of texts by language code."""
    languages = {lang: dict(SCALAR_SCHEMA) for lang in LANGUAGES}
    by_language = {
        "type": "object",
        "properties": languages,
        "propertyNames": {"pattern": "^[a-z]{2}$"},
        "minProperties": 1,
    }
    return {"anyOf": [dict(SCALAR_SCHEMA), by_language]}


def parse_text(value: Any) -> Text:
    """Accept a string, or a mapping of language codes to strings."""
    if isinstance(value, Text):
        return value
    if isinstance(value, dict):
        versions: dict[str, str] = {}
        for key, item in value.items():
            if key == ORIGIN_KEY:
                continue
            lang = key if type(key) is str and key in ISO_LANGUAGES else _language(key)
            text = item.text.strip() if type(item) is Scalar else scalar_text(item)
            if not text:
                raise value_error(
                    "text_empty",
                    f"the '{lang}' text is empty or not text "
                    f"({describe(item)}); write the text after '{lang}:'",
                    {"key": lang},
                )
            versions[lang] = text
        if not versions:
            raise value_error("text_empty", "no text is given; write it as 'bg: ...' and 'en: ...'")
        return Text(versions)
    text = scalar_text(value)
    if text is None:
        raise value_error(
            "text_type",
            f"expected a text here but found {describe(value)}; write the "
            "text after the colon, or 'bg: ...' and 'en: ...' on the lines below",
        )
    if not text:
        raise value_error("text_empty", "this text is empty; write the text or delete the line")
    return Text.plain(text)
