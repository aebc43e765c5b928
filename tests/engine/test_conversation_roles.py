"""Follow-ups asking for the one in charge or whom to call or complain to ("а кой е шефа там",
"и на кой да се оплача", "who's the boss there"): the project talked about, its contacts; the
v9 turns that showed it and new turns on other bases."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.engine.conftest import last_answer

ROLE_ASKED = [
    ("danube", ["кога ще е готов понтонът на пристанището", "а кой е шефа там"],
     "pristan-ladovitsa", "Даниела Пеева"),
    ("danube", ["медиаторите в училищата докога ще работят", "и на кой да се оплача"],
     "obrazovatelni-mediatori", "Ваня Асенова"),
    ("steppe", ["библиобусът по кои села ходи", "а кой е началникът там"], "mobile-library-van",
     "Нели Стойкова"),
    ("mountain", ["кога ще е фестивалът под елов връх", "а кой е шефът на фестивала"],
     "folklore-festival", "Радослава Хаджиева"),
    ("vine", ["изложбената зала кога ще е готова", "и на кого да се оплача, че се бавят"],
     "wine-fair-hall", "Валентина Чакърова"),
    ("spa", ["the rehabilitation centre, when will it open", "who's the boss there"],
     "rehabilitation-centre", "Tanya Manolova"),
    ("steppe", ["the water main in Melnichevo, when will it be done", "who do I complain to"],
     "melnichevo-water-main", "Petya Ilieva Marinova"),
    ("mountain", ["visitor centre kога отваря", "a koi e 6efa tam"], "visitor-centre",
     "Деница Мурджева"),
    ("spa", ["чешмите с минерална вода кога ще са готови", "на кого да звънна"],
     "fountain-network", "Мила Дачева"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), ROLE_ASKED)
def test_role_asked(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    """The last turn is answered with the project's contact."""
    answer = last_answer(bases[base], turns)
    assert answer.answered and answer.project == project and answer.topic == "contacts"
    assert fact in answer.reply.plain()


# after the mayor's contact, a question that names no subject of its own and asks a date, a
# person or the hours (its verbs say what the mayor does), or that points at a person ("го",
# "he"), asks about the mayor
MAYOR_ASKED = [
    ("shipped", ["кой е кметът", "кога е избрана"], "27 септември 2020"),  # v9
    ("danube", ["кой е кметът на Ладовица", "а кога приема граждани"], "сряда"),
    ("mountain", ["кой е кметът", "кога приема"], "сряда"),
    ("mountain", ["кой е кметът", "а кога приема граждани"], "сряда"),
    ("vine", ["кой е кметът на Червено поле", "кога мога да го видя"], "сряда"),
    ("danube", ["who is the mayor", "and when does he receive citizens"], "Wednesday"),
    ("mountain", ["koi e kmetat", "a koga priema grajdani"], "сряда"),
    ("steppe", ["кой е кметът", "а телефонът му"], "2211"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "fact"), MAYOR_ASKED)
def test_mayor_asked(bases: dict[str, Engine], base: str, turns: list[str], fact: str) -> None:
    """The last turn is answered with the mayor's contact."""
    answer = last_answer(bases[base], turns)
    assert answer.answered and answer.project is None and fact in answer.reply.plain()


# a subject of its own after the mayor is that subject
AFTER_MAYOR = [
    ("spa", ["кой е кметът", "а кога откриха площад Извора"], "izvora-square"),
    ("danube", ["кой е кметът", "кога започна ремонтът на пристанището"], "pristan-ladovitsa"),
]


@pytest.mark.parametrize(("base", "turns", "project"), AFTER_MAYOR)
def test_subject_after_mayor(
    bases: dict[str, Engine], base: str, turns: list[str], project: str
) -> None:
    assert last_answer(bases[base], turns).project == project
