"""Round fourteen: a village's mayor whom the municipality's contacts name is the municipality's
answer, in every script and also in the middle of a chat about a project whose name or record
holds the village; one no text names is declined, not a list of the village's projects; the
municipality's own mayor is not mixed with the villages' ones. "Not started yet" ("още не са
започнали", "haven't started") lists the planned projects."""

from __future__ import annotations

import pytest

from bot.engine import Engine

from .conftest import last_answer

NAMED = [  # (base, turns, the mayor's name in the reply)
    ("danube", ["кой е кметът на Камъшица"], "Донка Илиева"),
    ("danube", ["kmetat na kamashitsa"], "Донка Илиева"),
    ("danube", ["koi e kmeta na selo varbak"], "Стефан Лалов"),
    ("danube", ["who is the mayor of Shtarkelovo village"], "Petar Gaydarov"),
    ("danube", ["колко струва укрепването на дигата", "а кой е кметът на Върбак"], "Стефан Лалов"),
    ("danube", ["when will the dyke be finished", "who is the mayor of Kamashitsa"],
     "Donka Ilieva"),
    ("danube", ["kolko shte struva plazha pri pyasachnik", "a kmetat na shtarkelovo koi e"],
     "Петър Гайдаров"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "name"), NAMED)
def test_a_village_s_mayor_the_municipality_names(
    bases: dict[str, Engine], base: str, turns: list[str], name: str
) -> None:
    answer = last_answer(bases[base], turns)
    assert answer.answered and answer.project is None and answer.kind == "municipality"
    assert name in answer.reply.plain()


DECLINED = [  # (base, question): no text names the village's mayor
    ("vine", "kmet na trakiysko"),
    ("vine", "kmetat na grozdevo"),
    ("mountain", "kmeta na kalinishte"),
    ("mountain", "mayor of Kalinishte"),
    ("shipped", "kmet na semchinovo"),
]


@pytest.mark.parametrize(("base", "question"), DECLINED)
def test_a_village_s_mayor_no_text_names_is_declined(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.kind != "list"


def test_the_record_s_mayor_of_a_village_still_carries_the_chat(bases: dict[str, Engine]) -> None:
    turns = ["кога ще сменят водопровода в мелничево", "а кой е кметът на Мелничево"]
    answer = last_answer(bases["steppe"], turns)
    assert answer.project == "melnichevo-water-main" and "Христина Колева" in answer.reply.plain()


def test_the_municipality_s_mayor_is_not_a_village_s(bases: dict[str, Engine]) -> None:
    reply = bases["danube"].answer("кой е кметът на общината").reply.plain()
    assert "Петко Дунчев" in reply and "Стефан Лалов" not in reply


NOT_STARTED = [  # (base, question, a planned project's name, a completed one's)
    ("spa", "кои проекти още не са започнали", "Регистър на изворите", "Мостът над Топлица"),
    ("spa", "which projects have not started yet", "Springs register", "Izvora Square"),
    ("vine", "koi proekti oshte ne sa zapochnali", "Велоалея между селата", "Стол в училището"),
    ("vine", "what projects haven't started", "Cycle route between villages", "Grozdevo square"),
]


@pytest.mark.parametrize(("base", "question", "planned", "other"), NOT_STARTED)
def test_not_started_yet_lists_the_planned_projects(
    bases: dict[str, Engine], base: str, question: str, planned: str, other: str
) -> None:
    answer = bases[base].answer(question)
    reply = answer.reply.plain()
    assert answer.kind == "list" and planned in reply and other not in reply


CONTEXT = [  # (base, message, the municipality's field in the reply)
    ("spa", "Здравейте, преместих се наскоро в Топлобук и трябва да подам документи. Какъв е "
     "адресът на общината?", "пл. „Извора“ № 1"),
    ("vine", "Здравейте, чух че ще правят детски лагер на язовира и искам да питам нещо. Какъв е "
     "телефонът на общината?", "+359 3179 2210"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "message", "field"), CONTEXT)
def test_the_municipality_s_field_after_context_naming_a_project(
    bases: dict[str, Engine], base: str, message: str, field: str
) -> None:
    answer = bases[base].answer(message)
    assert answer.project is None and field in answer.reply.plain().replace("\xa0", " ")
