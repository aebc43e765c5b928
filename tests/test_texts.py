"""Every text exists in both languages, with the same placeholders."""

from __future__ import annotations

import re

import pytest

from bot.texts import TEXTS


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = TEXTS[key]
    assert set(entry) == {"bg", "en"} and entry["bg"].strip() and entry["en"].strip()
    placeholders = [set(re.findall(r"\{(\w+)\}", entry[lang])) for lang in ("bg", "en")]
    assert placeholders[0] == placeholders[1]
