"""Rules of the ninth round: the kind of answer asked finds the sentence that states it.

How far along the works are ("на какъв етап е", "докъде е стигнал", "how far along") is answered
by the project's status and the latest sentence stating the share done; the days and hours a
place is open ("в кои дни работи", "what days is it open") by the sentence stating hours of the
day; a woman's title ("библиотекарката") by the contact whose role is the man's form. Each
table holds questions written for the rule on other bases than the failure's (steppe).
"""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.detail import masculine
from bot.engine.facts import make_fact
from bot.engine.normalize import terms
from bot.engine.progress import latest_progress


def _asked(engine: Engine, question: str, project: str, facts: list[str]) -> str:
    answer = engine.answer(question)
    assert answer.answered and answer.project == project, answer.reply.plain()
    reply = answer.reply.plain()
    for fact in facts:
        assert fact in reply, reply
    return reply


@pytest.mark.parametrize(
    ("base", "question", "project", "facts"),
    [
        ("mountain", "докъде е стигнал ремонтът на пътя до манастира", "monastery-road", ["78 %"]),
        ("mountain", "на какъв етап е пътят към манастира", "monastery-road", ["в изпълнение"]),
        ("mountain", "how far along is the monastery road", "monastery-road", ["78%"]),
        ("mountain", "dokade e stignal remontat na lifta", "ski-lift-renovation", ["70 %"]),
        ("mountain", "ремонта на лифта докъде стигна", "ski-lift-renovation", ["70 %"]),
        ("vine", "на какъв етап е строежът на изложбената зала", "wine-fair-hall", ["70 %"]),
        ("vine", "how far along is the wine fair hall", "wine-fair-hall", ["ongoing", "70%"]),
        ("vine", "какъв е статусът на залата до стадиона", "wine-fair-hall", ["в изпълнение"]),
        (
            "steppe",
            "ами водопровода в мелничево докъде е стигнал",
            "melnichevo-water-main",
            ["80,5 %"],
        ),
    ],
)
def test_how_far_along_is_the_status_and_the_latest_share_done(
    bases: dict[str, Engine], base: str, question: str, project: str, facts: list[str]
) -> None:
    _asked(bases[base], question, project, facts)


def test_a_share_of_something_is_no_progress(bases: dict[str, Engine]) -> None:
    """ "Колко процента" asks a percentage the record states, not how far the works are."""
    answer = bases["steppe"].answer("колко процента са загубите на вода в Мелничево")
    assert answer.topic != "status" and "68 %" in answer.reply.plain()


def test_the_latest_dated_share_of_the_works_comes_first() -> None:
    """Of two progress items, the later; the summary's percent (of the whole) only without one."""
    older = make_fact("results", {"bg": "към 31.01.2026 г. изпълнени 40 %"})
    newer = make_fact("results", {"bg": "към 1 март 2026 г. изпълнени 70 %"})
    summary = make_fact("summary", {"bg": "Загуби над 68 %; край 31.12.2027 г."})
    aim = make_fact("goals", {"bg": "намаляване на загубите с 30 % до 31.12.2028 г."})
    assert latest_progress([older, summary, newer, aim]) == [newer]
    assert latest_progress([summary, aim]) == [summary]
    assert latest_progress([aim]) == []
    village = make_fact("results", {"bg": "с. Букак: към 1.02.2026 г. изпълнени 90 %"})
    assert latest_progress([village, newer], frozenset(terms("Букак"))) == [village]


@pytest.mark.parametrize(
    ("base", "question", "project", "facts"),
    [
        ("danube", "which days is the fish market open", "riben-pazar", ["Tuesday"]),
        ("danube", "в кои дни работи рибният пазар", "riben-pazar", ["вторник"]),
        ("danube", "рибния пазар отворен ли е в неделя", "riben-pazar", ["неделя"]),
        (
            "danube",
            "what are the opening hours of the social bakery shop",
            "sotsialna-pekarna",
            ["7:00"],
        ),
        (
            "danube",
            "кога работи магазинът на социалната пекарна",
            "sotsialna-pekarna",
            ["понеделник до събота"],
        ),
        (
            "mountain",
            "в кои дни е отворен посетителският център",
            "visitor-centre",
            ["вторник – неделя"],
        ),
        ("mountain", "what days is the visitor centre open", "visitor-centre", ["9:00"]),
        (
            "vine",
            "в кои дни приема лекарят в здравната служба в Тракийско",
            "health-centre",
            ["сряда"],
        ),
        ("spa", "what are the opening hours of the old bath", "old-mineral-bath", ["8:00"]),
    ],
)
def test_the_days_and_hours_open_are_the_sentence_stating_hours(
    bases: dict[str, Engine], base: str, question: str, project: str, facts: list[str]
) -> None:
    _asked(bases[base], question, project, facts)


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("danube", "от кога е отворен тоз рибен пазар", "riben-pazar", "8 октомври 2022"),
        ("danube", "кога почнаха работа медиатурите", "obrazovatelni-mediatori", "2 март 2026"),
    ],
)
def test_when_a_place_opened_or_began_is_a_date_not_its_hours(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    _asked(bases[base], question, project, [fact])


@pytest.mark.parametrize(
    ("woman", "man"),
    [
        ("библиотекарката", "библиотекар"),
        ("учителката", "учител"),
        ("кметицата", "кмет"),
        ("координаторката", "координатор"),
        ("bibliotekarkata", "библиотекар"),
    ],
)
def test_a_womans_title_is_the_mans_role(woman: str, man: str) -> None:
    assert masculine(terms(woman)[0]) == terms(man)


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        (
            "steppe",
            "а библиотекарката на библиобуса как се казва",
            "mobile-library-van",
            "Нели Стойкова",
        ),
        ("spa", "експертката за чешмите как се казва", "fountain-network", "Мила Дачева"),
        ("spa", "коя е експертката по горския път до Букак", "bukak-forest-road", "Петя Нинова"),
        ("vine", "архитектката на изложбената зала коя е", "wine-fair-hall", "Валентина Чакърова"),
        (
            "vine",
            "коя е координаторката на винения маршрут",
            "wine-tourism-route",
            "Мирела Кантарджиева",
        ),
        (
            "danube",
            "ръководителката на проекта за понтона как се казва",
            "pristan-ladovitsa",
            "Даниела Пеева",
        ),
        (
            "mountain",
            "как се казва директорката на влека",
            "drag-lift-detska-polyana",
            "Милена Чавдарова",
        ),
    ],
)
def test_who_by_a_womans_title_is_the_contact_of_that_role(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    _asked(bases[base], question, project, [fact])


def test_a_word_ending_like_a_womans_title_asked_no_who_keeps_its_meaning(
    bases: dict[str, Engine],
) -> None:
    """ "сметката" is no woman's "смет": outside a who-question the ending means nothing."""
    answer = bases["spa"].answer("с колко ще падне сметката за отопление на банята на година")
    assert answer.answered and "62 000 лв" in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        (
            "mountain",
            "колко деца до 14 г. свириха на гайди на фестивала",
            "folklore-festival",
            "46",
        ),
        (
            "mountain",
            "how many kids under 14 played the bagpipes at the festival",
            "folklore-festival",
            "46",
        ),
        (
            "vine",
            "колко младежи от 14 до 29 години има в общината за младежкия център",
            "youth-centre",
            "1 300",
        ),
        (
            "danube",
            "в колко деца от 4 до 6 години е групата с логопеда при медиаторите",
            "obrazovatelni-mediatori",
            "8 деца",
        ),
        (
            "danube",
            "колко деца от 3 до 16 години обхваща проектът с медиаторите",
            "obrazovatelni-mediatori",
            "340",
        ),
        (
            "steppe",
            "колко души над 65 има в селата, дето ще ги обслужва спешният пункт",
            "rural-ambulance-post",
            "1 790",
        ),
    ],
)
def test_a_number_of_a_count_question_says_which_are_counted(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """ "Колко младежи от 14 до 29 години": the sentence stating those ages counts them."""
    _asked(bases[base], question, project, [fact])


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("mountain", "кво става с лифта на елов връх", "ski-lift-renovation", "70 %"),
        ("mountain", "ко стаа с пътя за манастира", "monastery-road", "78 %"),
        ("mountain", "what's going on with the monastery road", "monastery-road", "78%"),
        ("vine", "кво става със залата до стадиона", "wine-fair-hall", "70 %"),
        (
            "vine",
            "what's happening with the exhibition hall next to the stadium",
            "wine-fair-hall",
            "70%",
        ),
        ("vine", "kvo stava s izlojbenata zala", "wine-fair-hall", "70 %"),
        ("steppe", "кво стаа със спешната в суховей", "rural-ambulance-post", "46 %"),
    ],
)
def test_whats_up_with_works_going_on_adds_how_far_they_have_got(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The summary, then the latest share of the works done."""
    _asked(bases[base], question, project, [fact])


def test_whats_up_with_finished_works_adds_no_progress(bases: dict[str, Engine]) -> None:
    """Of a completed project, an old share done would mislead: the summary alone."""
    answer = bases["mountain"].answer("кво става с водата в калинище")
    assert answer.project == "water-catchment-kalinishte"
    assert "71 %" not in answer.reply.plain()
