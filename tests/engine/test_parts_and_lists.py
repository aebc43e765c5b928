"""A part of the works named by its activity's heading ("колко голяма е детската площадка", "what
is the dry fountain like") is answered by the sentences under that heading, not by the summary
that also names it; a question for the things a part has ("какво оборудване ще има", "what is
in the exhibition", "по какво се търси") is answered first by a sentence that lists them; asked
which kinds ("какви дървета"), the list of the chosen sentence's paragraph is quoted with it."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.facts import make_fact
from bot.engine.fuzzy import Vocabulary
from bot.engine.lists import asked_after, asks_kinds, asks_list, lists_things

# On the code before these rules each got the project's summary, another sentence, or (the
# centimetres) a second quote in kilometres.
PARTS = [
    ("danube", "kakvo ima na suhiya fontan", "ploshtad-svoboda", "36 водни струи"),
    ("danube", "what is the dry fountain like", "ploshtad-svoboda", "36 jets"),
    ("vine", "какво оборудване ще има в здравната служба", "health-centre", "Зъболекарски стол"),
    ("mountain", "what is in the interactive exhibition of the visitor centre", "visitor-centre",
     "touch screens"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "question", "project", "fact"), PARTS)
def test_a_part_named_by_its_heading_is_answered_by_its_sentences(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain(), answer.reply.plain()


def test_the_unit_named_keeps_the_sentence_that_states_it(bases: dict[str, Engine]) -> None:
    """The heading "Надграждане на дигата" is named, but only the summary says "80 см": asked
    in centimetres, the heading's "4,3 км" is not quoted."""
    reply = bases["danube"].answer("с колко сантиметра надграждат дигата").reply.plain()
    assert "80 см" in reply and "надградена дига" not in reply


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("закуска с мляко, хляб и плод всеки учебен ден", True),
        ("Станциите мерят прах ПМ10 и ПМ2,5, азотния диоксид, температурата и вятъра.", True),
        ("14 themed modules, a 3D model of the ridge, a diorama and 6 touch screens.", True),
        ("14 тематични модула, 3D макет на рида, диорама „Мечи проход“, 6 сензорни екрана.", True),
        ("четири станции и едно табло, които работят и до днес", False),  # a clause
        ("Работата продължава, а на тази отсечка ще копаят до есента.", False),
        ("Старият колектор от 1968 г. е напукан и пропуска.", False),
    ],
)
def test_a_sentence_that_names_things_in_a_row_lists_them(text: str, listed: bool) -> None:
    assert lists_things(text) is listed
    assert ("list" in make_fact("summary", {"bg": text}).kinds) is listed


@pytest.mark.parametrize(
    ("question", "listed", "kinds", "after"),
    [
        ("какви дървета садят в парка", True, True, None),
        ("what kind of trees will they plant", True, True, None),
        ("какво оборудване ще има в здравната служба", True, False, None),
        ("kvo ima na ploshtadkata", True, False, None),
        ("по какво може да се търси в архива", True, False, "po"),
        ("what do the new sensors measure", True, False, None),
        ("какво ще стане със стария басейн", False, False, None),
        ("what time does the pool open", False, False, None),
    ],
)
def test_a_question_for_the_things_a_part_has(
    question: str, listed: bool, kinds: bool, after: str | None
) -> None:
    assert asks_list(question) is listed
    assert asks_kinds(question) is kinds
    assert asked_after(question) == after


@pytest.mark.parametrize(
    ("term", "related"),
    [("tars", "tarsen"), ("tarsen", "tars"), ("mer", "meren"), ("Cist", "Cisten")],
)
def test_a_verb_finds_the_noun_of_its_action(term: str, related: str) -> None:
    """A verb finds the noun of its action: "търси" finds "търсене", "мерят" "мерене" (and
    back)."""
    assert related in Vocabulary(["tars", "tarsen", "mer", "meren", "Cist", "Cisten"]).related(term)
