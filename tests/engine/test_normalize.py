"""The fold makes Cyrillic, Latin-typed Bulgarian and typing habits comparable."""

from __future__ import annotations

import pytest

from bot.engine.normalize import key, terms

SAME = [
    ("топъл обяд", "topal obqd"),
    ("топъл обяд", "topul obyad"),
    ("топъл обяд", "topyl obiad"),
    ("топъл обяд", "toplia obiad"),
    ("във Ветрен", "vuv vetren"),
    ("във Ветрен", "vyv vetren"),
    ("информация", "informaciya"),
    ("информация", "informatsia"),
    ("щастие", "6tastie"),
    ("щастие", "shtastie"),
    ("четири", "4etiri"),
    ("жена", "jena"),
    ("юли", "juli"),
    ("читалището", "chitali6teto"),
    ("проект", "проекта"),
    ("проект", "проектът"),
    ("проект", "проектите"),
    ("мониторинг", "мониторинга"),
    ("monitoring", "monitoringa"),
    ("стойност", "стойността"),
    ("contact", "contacts"),
    ("Симеоновец", "simeonovets"),
    ("ПСОВ", "psov"),
    ("об\u00adяд", "обяд"),
    ("ОБЯД", "обяд"),
    ("къде", "k`de"),
    ("събота", "s`bota"),
    ("възрастни", "v`zrastni"),
    ("кметът на Сърнино", "kmeta`t na s`rnino"),
    ("кмет", "`kmet`"),
    ("кошчета", "ko64eta"),  # шч: two digits between letters are letters, not a code
    ("кошче", "ko6che"),  # a backtick with no letter on one side quotes: it is no ъ
]

DIFFERENT = [
    ("обяд", "обява"),
    ("парк", "пари"),
    ("2016", "2017"),
    ("улици", "училища"),
]


@pytest.mark.parametrize(("left", "right"), SAME)
def test_spellings_fold_together(left: str, right: str) -> None:
    assert key(left) == key(right)


@pytest.mark.parametrize(("left", "right"), DIFFERENT)
def test_different_words_stay_apart(left: str, right: str) -> None:
    assert key(left) != key(right)


def test_numbers_keep_their_digits() -> None:
    assert terms("BG051PO002/13/1.3-07 и 2016") == ["bg051po002", "13", "1", "3", "07", "i", "2016"]
