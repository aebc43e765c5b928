"""A project named in the citizen's own words (round 11): a guess or the asker's own aside, the
filler of a chat, a unit, an event's date, English words of a Bulgarian record. Each question
got no answer at all before its rule."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # a guess ("или само приказки") or the asker's own ("за майка ми", "от джоба си") costs
        # a field of the one project named whole no answer
        (
            "danube",
            "патронажа помагаше ли на хората или само приказки бяха",
            "patronazhna-grizha",
            "120 самотни",
        ),
        (
            "steppe",
            "на кой телефон да звънна за баща ми за линейката в Суховей",
            "rural-ambulance-post",
            "+359 5790 2234",
        ),
        (
            "shipped",
            "ми патронажа на кой телефон да звънна за майка ми",
            "home-patronage-equipment",
            "0889 308 530",
        ),
        # "от джоба си" asks the own contribution; "дала" is no "дял"
        (
            "mountain",
            "колко е дала общината от джоба си за екопътеката",
            "eco-trail-orlova",
            "18 598,80",
        ),
        (
            "spa",
            "колко е дала общината от джоба си за моста над Топлица",
            "toplitsa-footbridge",
            "91 800",
        ),
        # "само" folds like "сума", and is no budget cue
        ("spa", "халето само за фермери ли ще е или и за други", "market-hall", "34 сергии"),
        (
            "steppe",
            "библиобуса идва ли до нас или само приказки",
            "mobile-library-van",
            "веднъж на 2 седмици",
        ),
        # "ся", "кат": filler of a chat
        ("danube", "ся кат оправят дигата кога ще е готова", "diga-varbak", "20 декември 2026"),
        ("spa", "ся кат ремонтират моста кога ще е готов", "toplitsa-footbridge", "30 април 2027"),
        # "нет": the internet
        ("mountain", "нет в селата кога ще пуснат бе", "broadband-villages", "март 2027"),
        # "whos" asks who
        (
            "steppe",
            "whos building the water main in Melnichevo",
            "melnichevo-water-main",
            "Melnichevo Aqua 2024",
        ),
        (
            "danube",
            "whos building the new pier and how long is it",
            "pristan-ladovitsa",
            "Hidromel Dunav",
        ),
        # a unit ("тонаж") is the measure asked, no thing no record holds
        ("vine", "какъв тонаж може да мине по полския път", "agricultural-road", "25 тона"),
        # an event's date with a verb of making ("кога направиха първа копка") is no works asked
        # of a thing the title does not name
        ("spa", "кога направиха първа копка на горския път", "bukak-forest-road", "22 април 2025"),
        (
            "mountain",
            "кога направиха първа копка в Горна Еловица",
            "church-st-nikola-frescoes",
            "6 май 2024",
        ),
        # "местна инициативна група" is a МИГ
        (
            "shipped",
            "паркът в кв 66 през коя местна инициативна група е минал",
            "park-block-66",
            "Белово, Септември, Велинград",
        ),
    ],
)
def test_named_in_own_words(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The project named, with the fact asked in the reply."""
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain().replace("\xa0", " ")


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("shipped", "кога направиха първа копка на басейна"),
        ("vine", "колко струва хлябът или млякото в стола"),
        ("danube", "какъв тонаж ще има метрото"),
    ],
)
def test_still_declined(bases: dict[str, Engine], base: str, question: str) -> None:
    """A thing no record holds is still declined, guessed about or measured by a unit."""
    answer = bases[base].answer(question)
    assert not answer.answered
