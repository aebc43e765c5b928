"""Questions about a thing no record is about are declined plainly: no project's text, no
"did you mean"; works asked of a thing the project does speak of are still answered."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question"),
    [
        # works asked of a thing the record of the project found never speaks of
        ("danube", "ще строят ли мост до румъния"),
        ("vine", "koga shte remontirat ulicata v byala lokva"),
        # both words of the thing must be the record's: "детска" names "Детската поляна", and
        # "градина" is not "град"
        ("mountain", "ще правят ли детска градина в Сивидол"),
        ("mountain", "ще правят ли детска градина в Смреча"),
        # whether a thing is there: the thing said right after "има ли"
        ("danube", "има ли проект за нова детска градина в пясъчник"),
        # a word found only as a unit of some record ("метра") makes no project worth offering
        ("shipped", "кога ще има метро в Септември"),
    ],
)
def test_declined_plainly(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert (answer.answered, answer.project, answer.kind) == (False, None, "fallback")
    assert answer.suggestions == ()


@pytest.mark.parametrize(
    ("base", "question", "project"),
    [
        # the thing of the works is one the project's record speaks of
        ("danube", "кога ще ремонтират кея в ладовица", "pristan-ladovitsa"),
        ("vine", "кога ще ремонтират канала гърлото", "irrigation-canal-repair"),
        ("shipped", "кога ще ремонтират улиците в Септември", "street-rehabilitation"),
        ("vine", "ще има ли рампа в здравната служба в Тракийско", "health-centre"),
        # "who does the X": the thing is a detail of the works, not what is asked about
        ("mountain", "коя фирма прави строителния надзор на пътя до манастира", "monastery-road"),
    ],
)
def test_works_on_a_thing_of_the_record(
    bases: dict[str, Engine], base: str, question: str, project: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
