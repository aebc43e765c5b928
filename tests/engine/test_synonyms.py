"""The words people use for the things and people of a record find them: lamps for the lighting,
citizens and residents for people, pupils for children (bot/engine/glossary.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Conversation, Engine
from bot.knowledge import load_or_raise


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # "лампи" for the record's "LED стълба" of its "Осветление"
        ("vine", "колко лампи сложиха на площада в Гроздево", "village-square-grozdevo", "22 LED"),
        # "ученици" of the record for a question's "деца", and the other way round
        (
            "danube",
            "колко деца ще пътуват до Салчиени за обмена",
            "interreg-salchieni",
            "25 ученици",
        ),
        # the abbreviations municipal pages write: "СМР" are the construction works asked for
        (
            "mountain",
            "до кога е удължен срокът на строителните работи на пътя за манастира",
            "monastery-road",
            "30 юни 2026",
        ),
        (
            "mountain",
            "кой прави строителните работи по пътя за манастира",
            "monastery-road",
            "Пътстрой Сивидол",
        ),
    ],
)
def test_synonym_finds_the_fact(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()


def test_synonym_chooses_the_sentence(bases: dict[str, Engine]) -> None:
    """The glossary's synonyms pick the sentence inside the project too: "човека" finds the
    sentence that counts the "жители" to be connected."""
    engine, chat = bases["shipped"], Conversation()
    engine.answer("prechistvatelnata stanciq kolko struva", chat)
    answer = engine.answer("a kolko 4oveka trqbva6e da se vklu4at", chat)
    assert answer.project == "water-cycle"
    assert "10 300 жители" in answer.reply.plain()


def test_an_english_question_finds_a_bulgarian_only_record(tmp_path: Path) -> None:
    """ "water pipe" finds a record that says only "водопровод", and quotes its sentence."""
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        "name: Община Белоречие\nwebsite: https://belorechie.bg\n", encoding="utf-8"
    )
    for name, title, summary in (
        (
            "vodoprovod",
            "Нов водопровод в село Бело",
            "Подмяна на тръбите. Краен срок 30 юни 2027 г.",
        ),
        ("hall", "Ремонт на читалището", "Ремонт на покрива на читалището."),
        ("park", "Парк в центъра", "Нов парк с водна площ и пейки."),
    ):
        text = f"title: {title}\nstatus: ongoing\nsummary: {summary}\n"
        (tmp_path / "projects" / f"{name}.yaml").write_text(text, encoding="utf-8")
    engine = Engine(load_or_raise(tmp_path))
    answer = engine.answer("when will the water pipe be ready")
    assert answer.answered and answer.project == "vodoprovod"
    assert "30 юни 2027" in answer.reply.plain()
    answer = engine.answer("how long will the water pipe take")  # not the park's "водна"
    assert answer.answered and answer.project == "vodoprovod"
