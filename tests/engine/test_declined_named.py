"""Questions a gate declined although they name a project whose record answers them: each rule
with the tuning question that showed it and new ones of the same kind on other bases; the gate
still declines what no project answers."""

from __future__ import annotations

import pytest

from bot.engine import Engine

# "времето" of a project named whole is the time it measures, not the weather
TIME_OF_A_PROJECT = [
    ("steppe", "с колко ще се скъси времето за пристигане на линейка в южните села",
     "rural-ambulance-post", "20 мин"),
    ("mountain", "какво е времето за изкачване с лифта „Елов връх“ след ремонта",
     "ski-lift-renovation", "7,5 мин"),
    ("mountain", "колко е времето за откриване на пожар с наблюдателните кули",
     "fire-station-towers", None),
    ("mountain", "времето за пътуване до манастира след ремонта на пътя колко е",
     "monastery-road", None),
    ("mountain", "с колко се намалява времето за пътуване по пътя за манастира",
     "monastery-road", None),
    ("steppe", "с колко се съкращава времето за пътуване по пътя Суховей – Класовик",
     "suhovey-klasovik-road", None),
]  # fmt: skip
# the works ("преди ремонта") are the project itself: the sentence counting the thing answers
WORKS_NO_DETAIL = [
    ("steppe", "колко аварии имаше на водата в мелничево преди ремонта бе",
     "melnichevo-water-main", "94 бр."),
    ("vine", "колко бяха загубите на вода преди ремонта на канала",
     "irrigation-canal-repair", "40 %"),
    ("mountain", "колко минути се пътуваше до манастира преди ремонта на пътя",
     "monastery-road", "35 мин."),
    ("mountain", "колко души на час качваше лифтът преди ремонта", "ski-lift-renovation", "720"),
    ("steppe", "колко минути се пътуваше от Класовик до Златоклас преди ремонта на пътя",
     "suhovey-klasovik-road", "25 мин."),
    ("vine", "колко места имаше столовата в училището преди ремонта", "school-canteen",
     "старите 70"),
    ("danube", "колко места има чакалнята след ремонта на речната гара", "pristan-ladovitsa",
     "40 места"),
]  # fmt: skip
# a measure asked by its unit whose other words are only verbs: the sentence stating the unit
UNIT_BESIDE_VERBS = [
    ("danube", "на ден кво ше чисти таз станция, колко кубика", "psov-ladovitsa",
     "2 800 куб. м"),
    ("steppe", "резервоарът в мелничево колко кубика ще побира", "melnichevo-water-main",
     "250 куб. м"),
    ("vine", "каналът к-3 колко хектара ще напоява", "irrigation-canal-repair", "780 ха"),
    ("mountain", "по екопътеката орлова колко километра ще вървим", "eco-trail-orlova",
     "7,4 км"),
    ("spa", "мостът над топлица колко метра ще е дълъг", "toplitsa-footbridge", "42 м"),
    ("danube", "колко километра ще прокопаят за канализацията в ладовица", "psov-ladovitsa",
     "9,6 км"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [*TIME_OF_A_PROJECT, *WORKS_NO_DETAIL, *UNIT_BESIDE_VERBS],
)
def test_answered_from_the_record(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str | None
) -> None:
    """The question is answered about the project, with the fact when one is given."""
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    if fact is not None:
        assert fact in answer.reply.plain().replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("mountain", "какво ще е времето на елов връх в събота"),
        ("steppe", "какво ще е времето утре в Суховей"),
        ("spa", "какво ще е времето в топлобук в неделя"),
        ("vine", "какво ще е времето в събота, ще вали ли за гроздобера"),
        ("mountain", "каква е прогнозата за времето на лифта „Елов връх“ в неделя"),
        ("steppe", "what's the weather forecast for the Suhovey – Klasovik road tomorrow"),
    ],
)
def test_the_weather_is_still_declined(bases: dict[str, Engine], base: str, question: str) -> None:
    """The weather, even at a place a project is named by, is no project's."""
    answer = bases[base].answer(question)
    assert not answer.answered and answer.project is None and answer.kind == "fallback"
