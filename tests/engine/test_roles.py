"""Who does what (roles.py): the role a who-question asks, and the sentence or entry that names
its party, on the tuning bases."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.roles import role_asked
from tests.engine.conftest import assert_quoted


@pytest.mark.parametrize(
    ("base", "question", "role"),
    [
        ("mountain", "кой ще стопанисва водопровода в калинище", "operator"),
        ("mountain", "who will operate the water main", "operator"),
        ("steppe", "коя фирма проектира младежкия център", "designer"),
        ("steppe", "кой е строил кино мир", "history"),
        ("steppe", "koi e stroil kino mir", "history"),  # no typo of "строи"
        ("steppe", "кой строи младежкия център", "builder"),
        ("steppe", "кой даде парите за ремонта на кино мир", "funder"),
        ("vine", "каква е ролята на общината, тя ли е водещ партньор", "partner"),
        ("vine", "кой има право на обяд", None),  # whom it is for
        ("vine", "в кой квартал е паркът", None),  # which thing, not who
    ],
)
def test_the_role_asked(bases: dict[str, Engine], base: str, question: str, role: str) -> None:
    """A who-question's word of a role asks that role's party; a question of whom a project is
    for, or of which thing, asks none."""
    assert role_asked(bases[base].reader.read(question)) == role


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # the operator is an entry of the partners, though the question asks of the dates
        ("danube", "who is going to operate the wastewater plant after it is finished",
         "psov-ladovitsa", "the water operator"),
        ("steppe", "who will operate the Melnichevo water main", "melnichevo-water-main",
         "the water operator"),
        # no contractor yet: the sentence on how one will be chosen
        ("mountain", "кой ще строи интернета по селата бе", "broadband-villages", "МТИТС"),
        ("mountain", "who will build the broadband network in the villages", "broadband-villages",
         "Ministry of Transport and Communications"),
        # no contractor named at all: the beneficiary who carries the works out
        ("shipped", "кой направи новата зала на пробуда", "probuda-community-centre",
         "настоятелството"),
        # the municipality's own role beside the lead partner
        ("danube", "общината ли е водещ партньор по проекта с румънците", "interreg-salchieni",
         "Община Ладовица, като партньор"),
        ("vine", "общината водещ партньор ли е по винения маршрут", "wine-tourism-route",
         "партньор 2"),
        # a person named with the title of the role asked ("д-р" is the doctor)
        ("mountain", "кой е докторът в здравната служба в смреча", "medical-practice-smrecha",
         "Асен Делчев"),
    ],
)  # fmt: skip
def test_the_party_of_the_role(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The reply names the party of the role asked."""
    assert_quoted(bases[base], question, project, fact)


def test_a_role_no_sentence_names_keeps_the_answer_it_had(bases: dict[str, Engine]) -> None:
    """ "Who maintains the pontoon": no record names who will, so the sentence that holds the
    question's words answers, as without the rule."""
    assert_quoted(
        bases["danube"], "кой го поддържа понтона на кея", "pristan-ladovitsa", "Хидромел"
    )
