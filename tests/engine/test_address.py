"""The address of a project is where its works are (its locations): no project's contact has an
address, and the municipality's own address is asked of the municipality."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.engine.conftest import assert_quoted


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("spa", "what is the address of the rehab centre", "rehabilitation-centre",
         "2 Borovinka St."),
        ("vine", "адреса на младежкия център", "youth-centre", "пл. „Гроздоберна“ № 5"),
        ("mountain", "какъв е адресът на посетителския център", "visitor-centre",
         "ул. „Сърнена поляна“ № 4"),
        ("danube", "адреса на рибния пазар", "riben-pazar", "кей „Пристанищна“"),
        ("danube", "what is the address of the new fish market", "riben-pazar",
         "Pristanishtna pier"),
    ],
)  # fmt: skip
def test_a_projects_address(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The project's place is the answer."""
    assert_quoted(bases[base], question, project, fact)


@pytest.mark.parametrize(
    ("base", "question", "fact"),
    [("shipped", "адрес на общината", "Стамболийски"), ("town", "адрес на общината", "Андрейчин")],
)
def test_the_municipalitys_address(
    bases: dict[str, Engine], base: str, question: str, fact: str
) -> None:
    """The municipality's address is its own."""
    answer = bases[base].answer(question)
    assert answer.kind == "municipality" and fact in answer.reply.plain()
