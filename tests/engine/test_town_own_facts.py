"""The municipality's own facts, asked as citizens ask them: which villages it has (named with
the municipality or not), the mayor of one village, the mayor's reception hours asked as a
follow-up, and a ranking of one (bot/engine/town.py, townfacts.py, conversation.py, engine.py)."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from tests.engine.conftest import engine_of

# Written for these rules, on the tuning bases and a small base; on the code before them, four
# of the six village questions and four of the five village mayors got another sentence or the
# municipality's own mayor, and all four reception follow-ups got no answer or the office hours.
VILLAGES = [
    ("danube", "which villages belong to Ladovitsa municipality", ["Varbak", "Byala Varba"]),
    ("spa", "кои села има в община Топлобук", ["Сърнино", "Каменарци"]),
    ("vine", "what villages are in the Cherveno Pole municipality", ["Pamidovo", "Byala Lokva"]),
    ("steppe", "кои са селата на община Златоклас", ["Суховей", "Орачево"]),
    ("danube", "от кои села се състои община Ладовица", ["Върбак", "Бяла върба"]),
    ("vine", "koi sela sa v obshtina cherveno pole", ["Памидово", "Бяла локва"]),
]


@pytest.mark.parametrize(("base", "question", "named"), VILLAGES)
def test_the_villages_of_the_municipality(
    bases: dict[str, Engine], base: str, question: str, named: list[str]
) -> None:
    answer = bases[base].answer(question)
    reply = answer.reply.plain()
    assert answer.kind == "municipality" and answer.project is None
    assert all(name in reply for name in named), reply


MUNICIPALITY = """name:
  bg: Община Белоречие
  en: Belorechie Municipality
website: https://belorechie.bg
summary:
  bg: Община Белоречие има три села – Горско, Брезе и Ливада.
  en: Belorechie Municipality has three villages – Gorsko, Breze and Livada.
contacts:
  - name: Стоян Белев
    role:
      bg: кмет на Община Белоречие
      en: Mayor of Belorechie Municipality
    hours:
      bg: приемен ден – четвъртък, 10:00 – 12:00
      en: citizens' day – Thursday, 10:00 – 12:00
  - name: Иван Колев
    role:
      bg: кмет на с. Горско
      en: mayor of Gorsko
    phones: ["+359 700 100 11"]
"""
FAQ = """- questions: [Кой е кметът на моето село?, кметове на селата]
  answer:
    bg: Брезе – Мария Петрова, тел. 0700 100 12; Ливада – кметски наместник Петър Донев.
    en: Breze – Maria Petrova; Livada – deputy mayor Petar Donev.
"""
PROJECT = "title: Ремонт на читалището в Брезе\nstatus: ongoing\nsummary: Нов покрив.\n"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("belorechie")
    return engine_of(folder, MUNICIPALITY, FAQ, {"chitalishte": PROJECT})


@pytest.mark.parametrize(
    ("question", "mayor"),
    [
        ("кой е кметът на Брезе", "Мария Петрова"),
        ("кмета на ливада кой е", "Петър Донев"),
        ("who is the mayor of Breze", "Maria Petrova"),
        ("кой е кмет на Горско", "Иван Колев"),
        ("кой е кметът на общината", "Стоян Белев"),
    ],
)
def test_a_villages_mayor_from_the_municipalitys_texts(
    small: Engine, question: str, mayor: str
) -> None:
    answer = small.answer(question)
    assert answer.answered and mayor in answer.reply.plain()
    assert "Стоян Белев" not in answer.reply.plain() or mayor == "Стоян Белев"


@pytest.mark.parametrize(
    ("base", "question"),
    [("shipped", "кой е кметът на Ветрен"), ("mountain", "кой е кметът на калинище")],
)
def test_a_villages_mayor_no_text_names_is_declined(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.project is None


@pytest.mark.parametrize(
    ("base", "turns", "said"),
    [
        ("danube", ["кой е кметът", "а кога приема граждани"], "всяка сряда от 10:00"),
        ("steppe", ["кой е кметът на общината", "а кога приема"], "сряда, 09:00"),
        ("vine", ["кой е кмет на червено поле", "а кога приема хора"], "сряда, 9:00"),
        ("mountain", ["кой е кметът на община сивидол", "а приемното време"], "сряда, 9:00"),
    ],
)
def test_the_mayors_reception_asked_after_the_mayor(
    bases: dict[str, Engine], base: str, turns: list[str], said: str
) -> None:
    chat = Conversation()
    bases[base].answer(turns[0], chat)
    answer = bases[base].answer(turns[1], chat)
    assert answer.answered and said in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "then", "said"),
    [
        ("spa", "кой е най-скъпият проект на общината", "а кога приключва", ""),
        ("vine", "кой е най-евтиният проект", "а колко струва", ""),
        ("danube", "which is the most expensive project of the municipality", "", ""),
        ("steppe", "кой е най-новият проект", "", ""),
        ("shipped", "кой е най-старият проект на общината", "а колко струва", "9 018 280"),
        ("mountain", "най-скъпият проект на общината кой е", "and when does it end", ""),
    ],
)
def test_a_ranking_of_one_is_a_list_and_the_chat_goes_on_about_its_first(
    bases: dict[str, Engine], base: str, question: str, then: str, said: str
) -> None:
    """Six rankings written for the rule; on the code before it, each answer was about its
    first project. A follow-up goes on about that project, as before."""
    chat = Conversation()
    answer = bases[base].answer(question, chat)
    assert answer.kind == "list" and answer.project is None and answer.suggestions
    if then:
        follow = bases[base].answer(then, chat)
        assert follow.project == answer.suggestions[0]
        assert said in follow.reply.plain().replace("\xa0", " ")


@pytest.mark.parametrize("question", ["телефон на кмета", "кога приема кметът", "mayor's e-mail"])
def test_the_mayor_is_not_given_with_the_deputy(bases: dict[str, Engine], question: str) -> None:
    """The mayor's contact is the mayor's alone: a "Заместник-кмет" names the mayor too."""
    text = bases["steppe"].answer(question).reply.plain()
    assert "Жеков" in text or "Zhekov" in text
    assert "Русева" not in text and "Ruseva" not in text
