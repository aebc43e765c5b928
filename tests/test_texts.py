"""Every text exists in both languages, with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import load_or_raise
from bot.knowledge.skeleton import skeleton
from bot.texts import TEXTS, errors

ROOT = Path(__file__).parent.parent


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


# What belongs to the first home only: its name, site, area code, villages and projects.
FIRST_HOME = re.compile(
    r"Септември|Septemvri|septemvri\.|3561|Ветрен|Vetren|мониторинг|monitoring|топлия|hot lunch",
)
BASES = [
    ROOT / "knowledge",
    *(ROOT / "tests" / "fixtures" / f"tuning-{name}" / "knowledge" for name in ("vine", "town")),
]


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_no_text_speaks_of_the_first_home(key: str) -> None:
    """Another municipality runs the same bot: no sentence names Septemvri's places or projects."""
    assert not FIRST_HOME.search(TEXTS[key]["bg"] + TEXTS[key]["en"])


def test_the_new_project_skeleton_speaks_of_no_municipality() -> None:
    assert not FIRST_HOME.search(skeleton("new-park"))


@pytest.mark.parametrize("lang", ["bg", "en"])
@pytest.mark.parametrize("folder", BASES, ids=lambda folder: folder.parent.name)
def test_the_examples_of_the_greeting_are_answered_on_every_base(folder: Path, lang: str) -> None:
    """The greeting's and /help's examples are questions every municipality's bot answers."""
    engine = Engine(load_or_raise(folder))
    examples = re.findall(r"[„\"]([^“\"]+)[“\"]", TEXTS["examples"][lang])
    assert len(examples) == 3
    for example in examples:
        assert engine.answer(example).answered, example
