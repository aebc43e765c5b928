"""Every text exists in both languages, with the same placeholders."""

from __future__ import annotations

import re

import pytest

from bot.texts import TEXTS, errors


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = TEXTS[key]
    assert set(entry) == {"bg", "en"} and entry["bg"].strip() and entry["en"].strip()
    placeholders = [set(re.findall(r"\{(\w+)\}", entry[lang])) for lang in ("bg", "en")]
    assert placeholders[0] == placeholders[1]


ENGLISH_WORDS = re.compile(r"\b(reply|button|preview|ticket)\b", re.IGNORECASE)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_bulgarian_texts_do_not_borrow_english_words(key: str) -> None:
    """Telegram's Bulgarian interface says „Отговор“, not "reply" (staff read these too)."""
    assert not ENGLISH_WORDS.search(re.sub(r"\{\w+\}", "", TEXTS[key]["bg"]))


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [(1, "bg", "1 грешка"), (2, "bg", "2 грешки"), (1, "en", "1 error"), (11, "en", "11 errors")],
)
def test_error_counts_agree_with_their_noun(count: int, lang: str, expected: str) -> None:
    assert errors(count, lang) == expected
