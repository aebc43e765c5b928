"""A price asked of a thing sold by the unit (water, electricity, a vet's castration) is a
tariff no project's budget answers; a project's own cost still is its budget. A project named
whole, and no other, answers with the sentence that holds the detail even when other words of
the question are no record's; never so for the asker's own thing ("моя блок")."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("shipped", "колко струва водата в Септември"),
        ("shipped", "how much does water cost"),
        ("shipped", "колко струва тока"),
        ("vine", "колко струва кастрация на котка във ветеринарната амбулатория"),
    ],
)
def test_tariff_is_no_budget(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert (answer.answered, answer.project) == (False, None)
    assert answer.topic != "budget"


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("shipped", "how much did the water cycle project cost", "water-cycle", "9,018,280"),
        ("shipped", "колко струва пречиствателната станция", "water-cycle", "9 018 280"),
        ("shipped", "колко струва паркът", "park-block-66", "199 467,56"),
    ],
)
def test_project_cost_is_budget(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert (answer.answered, answer.project, answer.topic) == (True, project, "budget")
    assert fact in answer.reply.plain().replace("\xa0", " ")


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("vine", "колко пари отиват за чистене на шахтите", "storm-drain-cleaning", "74 500 евро"),
        (
            "vine",
            "каква е ролята на общината в проекта за винения маршрут, тя ли е водеща",
            "wine-tourism-route",
            "партньор 2",
        ),
        (
            "mountain",
            "до колко часа работи посетителският център през лятото",
            "visitor-centre",
            "19:00",
        ),
        (
            "shipped",
            "коя е третата специфична цел на проекта за мониторинг",
            "monitoring-policies",
            "заинтересовани страни",
        ),
    ],
)
def test_named_project_quotes_the_detail(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert (answer.answered, answer.project, answer.kind) == (True, project, "quote")
    assert fact in answer.reply.plain()


def test_own_thing_is_not_quoted(bases: dict[str, Engine]) -> None:
    answer = bases["shipped"].answer("кога ще санират моя блок на ул. Шипка 12 в Септември")
    assert not answer.answered
    assert answer.project is None
