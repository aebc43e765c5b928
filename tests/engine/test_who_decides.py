"""Who decides whether one gets a service ("кой решава дали ще ми дадат", "who decides if I can
get"): the groups it is for, and the sentence that says how it is decided ("се определя ...")."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question", "project", "facts"),
    [
        ("danube", "кой решава дали мога да работя в социалната пекарна", "sotsialna-pekarna",
         ["трайно безработни над 50 години"]),
        ("danube", "кой решава дали баба ми може да получава патронажна грижа",
         "patronazhna-grizha", ["хора над 65 години"]),
        ("danube", "who decides if my grandfather can get the patronage care",
         "patronazhna-grizha", ["people over 65"]),
        ("shipped", "кой решава дали ще ми дадат топъл обяд", "hot-lunch",
         ["Социално подпомагане"]),
        ("shipped", "who decides whether I get a hot lunch", "hot-lunch",
         ["Social Assistance Directorate"]),
    ],
)  # fmt: skip
def test_who_decides_whether_one_gets_it(
    bases: dict[str, Engine], base: str, question: str, project: str, facts: list[str]
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project and answer.topic == "target_groups"
    assert all(fact in answer.reply.plain() for fact in facts)


def test_who_decides_something_else_is_no_target_group(bases: dict[str, Engine]) -> None:
    """ "кой решава кои улици": no "дали", so not whom the project is for."""
    assert bases["shipped"].answer("кой решава кои улици да се ремонтират").topic != "target_groups"
