"""Every sentence the bot says to people, in Bulgarian and English, looked up by key.

The sentences live in texts.yaml beside this module, so that they can be read and corrected
without reading code.
"""

from __future__ import annotations

from pathlib import Path

import yaml

LANGUAGES = ("bg", "en")

TEXTS: dict[str, dict[str, str]] = yaml.safe_load(
    Path(__file__).with_name("texts.yaml").read_text(encoding="utf-8")
)


def t(key: str, lang: str, **values: object) -> str:
    """The text for key in lang (Bulgarian if lang is unknown), with values filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry["bg"]
    return text.format(**values) if values else text


def name_or_key(prefix: str, key: str, lang: str) -> str:
    """The text for prefix + key, or key itself when there is none (a value an older version
    stored)."""
    return t(prefix + key, lang) if prefix + key in TEXTS else key


def topic_name(topic: str, lang: str) -> str:
    """'бюджет' / 'budget' for one of the engine's topics."""
    return name_or_key("topic.", topic, lang)


def errors(count: int, lang: str) -> str:
    """'1 грешка' / '3 грешки' with the right singular or plural."""
    return t("errors.one" if count == 1 else "errors.many", lang, n=count)


def period(days: int, lang: str) -> str:
    """'последния ден' / 'последните 7 дни' ('last day' / 'last 7 days')."""
    return t("period.one" if days == 1 else "period.many", lang, n=days)


def months(count: int, lang: str) -> str:
    """'9 месеца' / '9 months' with the right singular or plural."""
    return t("months.one" if count == 1 else "months.many", lang, n=count)
