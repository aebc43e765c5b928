"""The words people use for the things and people of a record find them: lamps for the lighting,
citizens and residents for people, pupils for children (bot/engine/glossary.yaml)."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine


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
