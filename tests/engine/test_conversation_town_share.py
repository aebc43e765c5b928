"""Turns of round twelve: the municipality's own share asked of the project talked about ("how
much does the municipality put in", "собственото участие на общината"); a verb before "ли" and a
short pronoun ("плаща ли се нещо") keeps the chat's project; the mayor of a village named is the
one the record of the project talked about names ("и кой е кметът на Мавруд"); a contact field
after the municipality's answer ("а имейлът?") is the municipality's; a follow-up with a word
the record lacks that a general FAQ entry answers whole is that entry's; "какво можеш да ми
кажеш" asks what the bot is."""

from __future__ import annotations

import pytest

from bot.engine import Answer, Conversation, Engine
from bot.engine.normalize import tokens
from bot.engine.verbs import leaning


def _chat(engine: Engine, turns: list[str]) -> list[Answer]:
    """The answers to the turns of one conversation."""
    chat = Conversation()
    return [engine.answer(turn, chat) for turn in turns]


SHARES = [  # (base, turns, project, the municipality's share in the reply)
    ("spa", ["when will the footbridge over the Toplitsa be ready",
             "how much does the municipality put in"], "toplitsa-footbridge", "91,800"),
    ("danube", ["who is building the fish market", "how much does the municipality put in"],
     "riben-pazar", "61,245"),
    ("spa", ["колко струваше старата баня", "а колко е собственото участие на общината"],
     "old-mineral-bath", "327 981"),
    ("vine", ["колко струва ремонтът на канал К-3", "колко е собственото участие на общината"],
     "irrigation-canal-repair", "184 630"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "share"), SHARES)
def test_the_municipality_s_share_of_the_project_talked_about(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, share: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert (
        last.answered
        and last.project == project
        and share in last.reply.plain().replace("\xa0", " ")
    )


@pytest.mark.parametrize(
    ("text", "priced"),
    [("how much does the municipality put in", []), ("how much does the bread cost", ["bread"])],
)
def test_the_municipality_is_who_pays_not_the_thing_priced(
    bases: dict[str, Engine], text: str, priced: list[str]
) -> None:
    parsed = bases["spa"].reader.read(text)
    assert [w[:4] for w in parsed.priced] == [w[:4] for w in priced]


def test_two_cues_of_one_topic_that_overlap_both_count(bases: dict[str, Engine]) -> None:
    parsed = bases["spa"].reader.read("колко е собственото участие на общината")
    assert parsed.topic == "budget" and not parsed.content


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("плаща ли се нещо", {"плаща"}),
        ("отваря ли се в неделя", {"отваря"}),
        ("plashta li se neshto", {"plashta"}),
        ("пари ли се дават", set()),  # the pronoun is the verb's after it
        ("кога ли ще пуснат", set()),  # "ще" leans on no word before it
    ],
)
def test_the_word_a_pronoun_after_li_leans_on(text: str, verbs: set[str]) -> None:
    found = tokens(text)
    assert leaning(found) == {t.term for t in found if t.written in verbs}


PAID = [  # (base, turns, project, the fact)
    ("spa", ["колко струваше старата баня", "плаща ли се нещо за вход"], "old-mineral-bath",
     "безплатен"),
    ("danube", ["по кой маршрут ходи училищният автобус", "плаща ли се нещо"],
     "uchilishten-avtobus", "безплатен"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), PAID)
def test_is_anything_paid_stays_on_the_project(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert last.project == project and fact in last.reply.plain()


TOWN = [  # (base, turns, what the last reply holds)
    ("spa", ["колко места има паркингът Липите", "а какъв е адресът на общината", "а имейлът?"],
     "obshtina@example-toplobuk.bg"),
    ("danube", ["по кой маршрут ходи училищният автобус", "а телефонът на общината",
                "а имейлът?"], "obshtina@example-ladovitsa.bg"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "held"), TOWN)
def test_a_contact_field_after_the_municipality_is_its_own(
    bases: dict[str, Engine], base: str, turns: list[str], held: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert last.project is None and last.kind == "municipality" and held in last.reply.plain()


def test_a_project_s_phone_after_a_project_stays_the_project_s(bases: dict[str, Engine]) -> None:
    last = _chat(bases["danube"], ["по кой маршрут ходи училищният автобус", "а телефонът?"])[-1]
    assert last.project == "uchilishten-avtobus"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("какво можеш да ми кажеш", "about"),
        ("what can you tell me", "about"),
        ("какво можеш да ми кажеш за стария мост", "project"),
    ],
)
def test_what_can_you_tell_me(bases: dict[str, Engine], text: str, kind: str) -> None:
    answer = bases["spa"].answer(text, Conversation())
    assert answer.kind == kind or (kind == "project" and answer.project is not None)


VILLAGE_MAYORS = [  # (base, turns, project, the mayor)
    ("vine", ["какво представлява винения маршрут", "а кой е кметът на Мавруд"],
     "wine-tourism-route", "Генчо Дойчев"),
    ("vine", ["какво правят на площада в гроздево", "кой е кметът на Гроздево"],
     "village-square-grozdevo", "Росица Танева"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "mayor"), VILLAGE_MAYORS)
def test_the_mayor_of_a_village_the_record_names(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, mayor: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert last.project == project and mayor in last.reply.plain()


def test_the_mayor_of_the_municipality_stays_the_municipality_s(bases: dict[str, Engine]) -> None:
    last = _chat(bases["vine"], ["какво представлява винения маршрут", "а кой е кметът"])[-1]
    assert last.project is None and "Делибалтов" in last.reply.plain()


GENERAL = [  # (base, turns, what the general FAQ's answer holds)
    ("spa", ["колко е дълга самодивската пътека", "а как да подам сигнал за разхвърляни боклуци"],
     "+359 3149 2260"),
    ("danube", ["колко струва новият кей", "а къде се публикуват обществените поръчки"],
     "op.example-ladovitsa.bg"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "held"), GENERAL)
def test_a_follow_up_the_general_faq_holds_whole_and_the_record_not(
    bases: dict[str, Engine], base: str, turns: list[str], held: str
) -> None:
    last = _chat(bases[base], turns)[-1]
    assert last.project is None and last.kind == "faq" and held in last.reply.plain()


def test_a_follow_up_the_record_holds_stays_the_project_s(bases: dict[str, Engine]) -> None:
    turns = ["кога ще е готова изложбената зала", "а панаирът кога е всяка година"]
    assert _chat(bases["vine"], turns)[-1].project == "wine-fair-hall"
