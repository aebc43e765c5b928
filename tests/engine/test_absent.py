"""Asked when or how long of a thing the named project's record never names, the bot declines
naming the project, not quoting its dates or metres (bot/engine/absent.py)."""

from __future__ import annotations

import pytest

from bot.engine import Engine

# On the code before the rule, three quoted the project's dates and two gave the stock "not
# found" naming no project; the lift of the market hall was declined already.
DECLINED = [
    ("vine", "кога ще сменят дограмата на здравната служба", "health-centre"),
    ("vine", "кога ще сложат асансьор в залата за панаира", "wine-fair-hall"),
    ("spa", "колко е висок асансьорът на пазарното хале", "market-hall"),
    ("steppe", "кога ще сменят дограмата на училищния автобус", "school-bus"),
    ("mountain", "кога ще сложат асансьор в хижата", "mountain-hut-sarnena"),
    ("danube", "кога ще сменят покрива на рибния пазар", "riben-pazar"),
]

# A thing the record names, the hours it states, a season, an English question: still answered.
ANSWERED = [
    ("spa", "кога ще пуснат фонтана на площад Извора", "izvora-square", "30 юни 2023"),
    ("steppe", "кога ще пуснат фонтана на площада в Орачево", "village-square-fountain", "2023"),
    ("danube", "кога ще пуснат фонтана на площад Свобода", "ploshtad-svoboda", "1 април 2027"),
    ("spa", "колко е дълго осветлението на моста над Топлица", "toplitsa-footbridge", "42 м"),
]


@pytest.mark.parametrize(("base", "question", "project"), DECLINED)
def test_a_thing_the_record_never_names_is_declined(
    bases: dict[str, Engine], base: str, question: str, project: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.kind == "not_found"
    assert answer.suggestions[:1] == (project,)


@pytest.mark.parametrize(("base", "question", "project", "fact"), ANSWERED)
def test_a_thing_the_record_names_is_answered(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()
