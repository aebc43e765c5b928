"""When a question continues the project talked about, and when it starts afresh."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine


def _talk(engine: Engine, turns: list[str]) -> list[tuple[str | None, str, bool]]:
    chat = Conversation()
    found = []
    for turn in turns:
        answer = engine.answer(turn, chat)
        found.append((answer.project, answer.kind, answer.answered))
    return found


@pytest.mark.parametrize(
    ("base", "turns", "project"),
    [
        # the project's own page or phone: a word of the project's ("проекта", "фирмата")
        ("shipped", ["колко струва паркът в кв. 66", "а телефонът на фирмата"], "park-block-66"),
        # a pronoun ("тях", "тогава") points back, small talk in between changes nothing
        ("shipped", ["колко струва паркът в кв. 66", "мерси", "а колко от тях са безвъзмездни"],
         "park-block-66"),
        ("shipped", ["кога почна санирането на училищата", "кой беше кмет тогава"],
         "school-energy-efficiency"),
        # a topic only a project has: the municipality named is part of what is asked
        ("shipped", ["пътят Виноградец Лесичово готов ли е", "а коя община е партньор"],
         "vinogradets-lesichovo-road"),
        ("shipped", ["parka v kv 66 po koq mqrka e", "a sobstveniq prinos na obshtinata"],
         "park-block-66"),
        ("shipped", ["prechistvatelnata stanciq kolko struva", "a koi kmet podpisa dogovora"],
         "water-cycle"),
        # the noun counted is a detail; a Latin-typed verb is no subject of its own
        ("shipped", ["prechistvatelnata stanciq kolko struva",
                     "a kolko 4oveka trqbva6e da se vklu4at"], "water-cycle"),
        ("spa", ["колко струва старата минерална баня", "а какво е работното време"],
         "old-mineral-bath"),
        # "who runs it": a pronoun, though "runs" looks like a status word
        ("mountain", ["are there cameras watching the forests for fires", "who runs it"],
         "fire-station-towers"),
    ],
)  # fmt: skip
def test_a_follow_up_continues_the_project(
    bases: dict[str, Engine], base: str, turns: list[str], project: str
) -> None:
    last = _talk(bases[base], turns)[-1]
    assert last[0] == project or (last[1] == "not_found" and not last[2]), last


@pytest.mark.parametrize(
    ("base", "turns", "kind"),
    [
        # the municipality's own facts and the mayor are not the project's
        ("shipped", ["колко струва паркът в кв. 66", "адрес на общината"], "municipality"),
        ("shipped", ["колко струва паркът в кв. 66", "кой е кметът"], "municipality"),
        # the office hours are the municipality's, unless the project's record gives its own
        ("shipped", ["колко струва паркът в кв. 66", "кога е работното време"], "municipality"),
        ("shipped", ["колко струва паркът в кв. 66", "what are the office hours"],
         "municipality"),
        ("danube", ["какво е това всяко дете в клас", "а общината до колко работи"],
         "municipality"),
        # after the municipality's answer, a follow-up goes on with the municipality
        ("spa", ["работно време на общината", "а в петък до колко"], "municipality"),
        ("spa", ["работно време на общината", "а в петък до колко", "адресът"], "municipality"),
        # a page or number of something the project never speaks of is not the project's
        ("shipped", ["колко струва паркът в кв. 66", "какъв е сайтът на общинския съвет"],
         "municipality"),
        # "друго": something other than the project talked about
        ("shipped", ["пречиствателнта станция кой я подписа", "а във Варвара друго какво има"],
         "list"),
        # a first noun the project does not hold starts afresh ("басейн"), and is declined
        ("danube", ["в колко тръгва училищният автобус от горна ракита",
                    "а кога ще направят басейн за децата"], "fallback"),
        ("mountain", ["kakvo e tova noviq vlek na detskata polqna",
                      "a basein 6te pravqt li v sividol"], "fallback"),
    ],
)  # fmt: skip
def test_a_question_of_its_own_starts_afresh(
    bases: dict[str, Engine], base: str, turns: list[str], kind: str
) -> None:
    project, got, _ = _talk(bases[base], turns)[-1]
    assert project is None and (got == kind or {got, kind} == {"faq", "municipality"})


def test_another_projects_faq_never_answers_a_follow_up(bases: dict[str, Engine]) -> None:
    turns = ["в колко тръгва училищният автобус от горна ракита", "плаща ли се нещо"]
    assert _talk(bases["danube"], turns)[-1][0] == "uchilishten-avtobus"


def test_a_follow_up_that_says_nothing_asks_about_what_was_asked_before(
    bases: dict[str, Engine],
) -> None:
    """Ellipsis: "до кога?" after "how do I join with my guest house" asks until when one can
    join, not the project's dates."""
    engine, chat = bases["vine"], Conversation()
    engine.answer("как да си включа къщата за гости във винения маршрут", chat)
    answer = engine.answer("до кога", chat)
    assert answer.project == "wine-tourism-route" and "31 януари 2027" in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "turns", "project", "says"),
    [
        ("spa", ["работно време на общината", "а в петък до колко"], None, "18:00"),
        # a project named after the municipality's answer is answered
        ("shipped", ["адрес на общината", "а колко струва паркът в кв. 66"], "park-block-66",
         "199\xa0467,56"),
    ],
)  # fmt: skip
def test_after_the_municipality_s_answer(
    bases: dict[str, Engine], base: str, turns: list[str], project: str | None, says: str
) -> None:
    """A follow-up after the municipality's answer goes on with it, unless it names a project."""
    engine, chat = bases[base], Conversation()
    for turn in turns[:-1]:
        engine.answer(turn, chat)
    answer = engine.answer(turns[-1], chat)
    assert answer.answered and answer.project == project and says in answer.reply.plain()


@pytest.mark.parametrize(
    ("turns", "heading", "present", "absent"),
    [
        # another place after a list of a status: the status stays, the place is added
        (
            ["кои проекти са в изпълнение", "а в Букак?"],
            "в изпълнение, Букак",
            ["Горският път до Букак"],
            ["Мостът над Топлица"],
        ),
        # a theme, then a status, small talk between: each filter joins the others
        (
            ["какви проекти има в Росна поляна", "а за деца", "мерси", "а завършените?"],
            "приключили, за деца, Росна поляна",
            ["Салонът в Сърнино"],
            ["Мрежа от чешми"],
        ),
        # a ranking of the list just given
        (
            ["кои проекти са в изпълнение", "а кой е най-скъп от тях"],
            "най-голям бюджет – в изп",
            ["Горският път до Букак – 1 312 800"],
            ["Салонът в Сърнино"],
        ),
    ],
)
def test_another_filter_after_a_list_lists_again(
    bases: dict[str, Engine], turns: list[str], heading: str, present: list[str], absent: list[str]
) -> None:
    chat = Conversation()
    for turn in turns:
        answer = bases["spa"].answer(turn, chat)
    reply = answer.reply.plain().replace("\xa0", " ")
    assert answer.kind == "list" and heading in reply.splitlines()[0], reply
    assert all(p in reply for p in present) and not any(a in reply for a in absent), reply


def test_a_place_after_a_projects_answer_is_no_list(bases: dict[str, Engine]) -> None:
    turns = ["кои проекти са за деца", "колко струва салонът в сърнино", "а в Букак"]
    assert _talk(bases["spa"], turns)[-1][1] != "list"


@pytest.mark.parametrize(
    ("turns", "kind", "heading"),
    [
        # a new list question starts afresh: no filter of the list before it
        (
            ["кои проекти са с европейско финансиране", "кои проекти са в изпълнение"],
            "list",
            "Проектите на общината – в изпълнение (4)",
        ),
        # a question with a topic of its own after a list is no filter of it
        (
            ["кои проекти са в изпълнение", "колко струва салонът в сърнино"],
            "project",
            "Салонът в Сърнино",
        ),
        # a ranking keeps the list's filters for the next one
        (
            ["кои проекти са в изпълнение", "а кой е най-скъп от тях", "а за деца"],
            "list",
            "Проектите на общината – в изпълнение, за деца",
        ),
    ],
)
def test_what_a_list_passes_on(
    bases: dict[str, Engine], turns: list[str], kind: str, heading: str
) -> None:
    chat = Conversation()
    for turn in turns:
        answer = bases["spa"].answer(turn, chat)
    assert answer.kind == kind and answer.reply.plain().startswith(heading), answer.reply.plain()
