"""The municipality's own texts asked for one thing: a deputy mayor's day is the sentence about
the deputy, not the mayor's contact; works asked of a thing no text holds are not a sentence
with a word that only begins like it (bot/engine/townfacts.py, bot/engine/town.py)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.engine.conftest import engine_of

MUNICIPALITY = """name:
  bg: Община Белоречие
  en: Belorechie Municipality
website: https://belorechie.bg
summary: Община Белоречие е в планината.
contacts:
  - name: Иван Петров
    role: Кмет на Община Белоречие
    phones: ["+359 1111 2222"]
    hours: всяка сряда от 10:00 до 12:00 ч.
  - name: Мария Иванова
    role: Заместник-кмет по строителството
    phones: ["+359 1111 2233"]
"""
FAQ = """- questions:
    - Кога приема кметът?
  answer: >-
    Кметът приема граждани всяка сряда от 10:00 до 12:00 ч. в кабинета си. Заместник-кметът Мария
    Иванова приема по въпроси на строителството всеки четвъртък от 14:00 до 16:00 ч.
- questions:
    - Кой дава разрешителни за водоползване?
  answer: >-
    От 1 март 2010 г. разрешителните за водоползване се издават от Басейнова дирекция „Дунав“, а не
    от общината.
"""
PROJECT = """title: Ремонт на читалището
status: ongoing
summary:
  bg: Ремонт на покрива на читалището до реката.
  en: A new roof for the community centre by the river.
locations:
  - гр. Белоречие, ул. „Първа“ № 1
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("belorechie")
    return engine_of(folder, MUNICIPALITY, FAQ, {"chitalishte": PROJECT})


@pytest.mark.parametrize(
    ("question", "said", "never"),
    [
        ("кога приема заместник-кметът по въпроси на строителството", "четвъртък", "сряда"),
        ("кога приема кметът", "сряда", None),
    ],
)
def test_the_deputys_day_is_not_the_mayors(
    engine: Engine, question: str, said: str, never: str | None
) -> None:
    answer = engine.answer(question)
    reply = answer.reply.plain()
    assert answer.answered and answer.project is None
    assert said in reply and (never is None or never not in reply)


def test_works_on_a_thing_no_text_holds_find_no_sentence_of_the_municipality(
    engine: Engine,
) -> None:
    parsed = engine.reader.read("кога ще направят басейн в Белоречие")  # no "Басейнова дирекция"
    assert parsed.works and parsed.home
    assert engine.general.stated(parsed, ["basein"], "bg") is None
    asked = engine.reader.read("кой издава разрешителните за водоползване")  # the word itself
    assert engine.general.stated(asked, ["razreSiteln", "vodopolzvn"], "bg") is not None
