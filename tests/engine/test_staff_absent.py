"""Asked who by a role of a place's staff ("шофьорът", "the coach") that the named project's
record never names in any word of the role, the bot declines naming the project instead of
quoting its contacts (bot/engine/absent.py staff_absent, lexicon staff_roles)."""

from __future__ import annotations

import pytest

from bot.engine import Engine

# On the code before the rule, the three English ones quoted the project's contacts or summary.
DECLINED = [
    ("steppe", "who is the driver of the library van", "mobile-library-van"),
    ("spa", "who is the coach at the Sarnino gym", "sarnino-school-gym"),
    ("mountain", "who is the ski instructor at Detskata polyana", "drag-lift-detska-polyana"),
    ("steppe", "кой е шофьорът на библиобуса", "mobile-library-van"),
    ("danube", "кой е директорът на рибния пазар", "riben-pazar"),
]

# A role the record names, in another of the role's words or forms ("учителката" for
# "учителят", "Dr" for "doctor"), or the project's own people: still answered.
ANSWERED = [
    ("danube", "кой е шофьорът на училищния автобус", "uchilishten-avtobus", "Митко Иванов"),
    (
        "danube",
        "кой е учителят по роботика в СУ Христо Ботев",
        "digitalni-klasni-stai",
        "Теодора Маринова",
    ),
    ("spa", "кой е директорът на училището в Сърнино", "sarnino-school-gym", "Нели Стаматова"),
    (
        "vine",
        "как се казва директорката на училището със стола",
        "school-canteen",
        "Нели Бахчеванова",
    ),
    ("vine", "who is the doctor in Trakiysko", "health-centre", "Irina Salcheva"),
    (
        "mountain",
        "who is the priest of the St Nikola church",
        "church-st-nikola-frescoes",
        "Георги Пашов",
    ),
]


@pytest.mark.parametrize(("base", "question", "project"), DECLINED)
def test_a_role_the_record_never_names_is_declined(
    bases: dict[str, Engine], base: str, question: str, project: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.kind == "not_found" and answer.project is None
    assert answer.suggestions[:1] == (project,)


@pytest.mark.parametrize(("base", "question", "project", "fact"), ANSWERED)
def test_a_role_the_record_names_is_answered(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()
