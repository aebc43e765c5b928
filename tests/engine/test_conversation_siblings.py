"""Follow-ups that point at the other project of the same kind ("а този в Долно Сливаче", "а
другия, онзи от 2016?", "and the 2016 one") and follow-ups that name the town as the place of a
detail ("кои училища в Септември бяха"); each with the v9 turn that showed it and new turns on
other bases, and turns the rules must leave alone."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from tests.engine.conftest import last_answer

# a pointing word and a word of the sibling's name that the name of the project talked about
# lacks (though its record may speak of it): the sibling, asked what the project was asked
SIBLING = [
    ("shipped", ["топъл обяд кой го финансира сега", "а другия, онзи от 2016?"], "hot-lunch-2016",
     "Фонд за европейско подпомагане на най-нуждаещите се лица"),  # v9
    ("shipped", ["who funds the hot lunch", "and the 2016 project, how many people did it feed?"],
     "hot-lunch-2016", "100"),  # v9
    ("steppe", ["колко струва пътят Суховей – Класовик", "а онзи при зърнобазата колко"],
     "grain-road-truck-parking", "1 540 000"),
    ("steppe", ["how much did the Suhovey Klasovik road cost", "and that one by the grain base?"],
     "grain-road-truck-parking", "1,540,000"),
    ("mountain", ["колко струва ски влекът на детската поляна", "а онзи до Бялата поляна?"],
     "ski-lift-renovation", "2 934 000"),
    ("mountain", ["колко струва ремонтът на въжената линия", "а другия, ски влека?"],
     "drag-lift-detska-polyana", "612 400"),
    ("shipped", ["колко струва пречиствателната станция", "а онзи водопровод във Ветрен дол?"],
     "mineral-water-pipeline", "Стойността на проекта не е публикувана"),
    ("spa", ["колко струват чешмите с минерална вода", "а онази, старата баня?"],
     "old-mineral-bath", "2 186 540"),
    ("vine", ["how much is the wine route", "and the other one, with the bikes?"],
     "cycling-route-villages", "1,240,000"),
    ("shipped", ["кой финансира санирането на училищата", "а другия, на Христо Ботев?"],
     "school-yard-botev", "Програмата, която финансира проекта"),
    ("shipped", ["topal obyad koi go finansira", "a onzi ot 2016"], "hot-lunch-2016",
     "Фонд за европейско подпомагане"),
]  # fmt: skip
# the town's own name, where a detail of the project is, keeps the project
TOWN_AS_PLACE = [
    ("shipped", ["санирането на училищата колко струва", "кои училища в Септември бяха"],
     "school-energy-efficiency", "Христо Смирненски"),  # v9
    ("danube", ["колко струват дигиталните класни стаи", "кои училища в Ладовица ги получиха"],
     "digitalni-klasni-stai", "Христо Ботев"),
    ("steppe", ["училищният автобус колко струва", "а колко деца вози до Златоклас"],
     "school-bus", "31"),
    ("spa", ["чешмите с минерална вода колко струват", "а колко чешми ще има в Топлобук"],
     "fountain-network", "16 чешми"),
    ("town", ["велоалеята край реката колко струва", "а колко пейки ще има в Белица"],
     "bike-lane-river", "60 пейки"),
    ("vine", ["колко струва ремонтът на стола в училището",
              "колко деца в Червено поле се хранят там"], "school-canteen", "120 деца"),
    ("mountain", ["колко струва дигитализацията на музея",
                  "колко експоната от музея в Сивидол сканираха"], "museum-digitisation", "4 260"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), SIBLING + TOWN_AS_PLACE)
def test_turn_answered(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    """The last turn is answered about the project, with the fact in the reply."""
    answer = last_answer(bases[base], turns)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain().replace("\xa0", " ")


# the same project asked on ("този път": an occasion, no road; the project's own name), and the
# town's name asking about the town
KEPT_OR_LEFT = [
    ("mountain", ["колко струва ремонтът на лифта на елов връх", "а този път кой го прави"],
     "ski-lift-renovation"),
    ("shipped", ["топъл обяд 2016 колко хора хранеше", "а този проект кой го финансира"],
     "hot-lunch-2016"),
    ("shipped", ["колко струва паркът в кв 66", "what is the population of Septemvri"], None),
    ("danube", ["колко струва рибният пазар", "кой е кметът на Ладовица"], None),
    ("spa", ["колко струва площад Извора", "какъв е телефонът на общината в Топлобук"], None),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project"), KEPT_OR_LEFT)
def test_turn_about(
    bases: dict[str, Engine], base: str, turns: list[str], project: str | None
) -> None:
    assert last_answer(bases[base], turns).project == project


AGES = [  # (turns, the project of the last turn): "а старият" / "а новият", the one by its age
    (["кога откриха читалището в Симеоновец", "а старият проект кога е подписан"],
     "probuda-community-centre"),
    (["кога откриха читалището в Симеоновец", "а старият проект кога е подписан",
      "а новият докога беше"], "simeonovets-community-centre"),
    (["when did the Simeonovets community centre open",
      "and the older one, when was its contract signed"], "probuda-community-centre"),
    (["kolko struva novata zala na chitalishte probuda", "a noviq proekt koga zapochna"],
     "simeonovets-community-centre"),
    (["кога откриха читалището в Симеоновец", "а новият проект кога свърши"],
     "simeonovets-community-centre"),  # it is the newer one: no newer sibling
]  # fmt: skip


@pytest.mark.parametrize(("turns", "project"), AGES)
def test_the_older_or_the_newer_of_two_projects_of_a_kind(
    bases: dict[str, Engine], turns: list[str], project: str
) -> None:
    chat = Conversation()
    answers = [bases["shipped"].answer(turn, chat) for turn in turns]
    assert answers[-1].project == project
