"""Small talk as people type it (chatty thanks, goodbyes cut short, Latin letters), also in the
middle of a conversation; and what no record states, declined even when the question shares a
word with a project: the kinds of fact no record holds (the weather, timetables, recipes,
elections, trivia of the country), a thing no project is about, the price of a private good,
a role no record names."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.conversation import Conversation


@pytest.mark.parametrize(
    ("base", "message", "kind"),
    [
        ("vine", "айде чао", "goodbye"),
        ("danube", "хайде, всичко хубаво", "goodbye"),
        ("danube", "dovijdane", "goodbye"),
        ("spa", "ами добре, мерси все пак", "thanks"),  # a concession says nothing more
        ("mountain", "blagodarya mnogo", "thanks"),
        ("steppe", "mersi, mnogo pomogna", "thanks"),
        ("town", "thanks a lot, that helped a lot", "thanks"),
        ("shipped", "ok, thank u", "thanks"),
        ("vine", "супер, много помогнахте", "thanks"),
    ],
)
def test_small_talk(bases: dict[str, Engine], base: str, message: str, kind: str) -> None:
    answer = bases[base].answer(message)
    assert (answer.kind, answer.project) == (kind, None)


@pytest.mark.parametrize(
    ("base", "turns", "project"),
    [
        ("mountain", ["колко струва ремонтът на ски влека", "mersi", "а кога приключва"], None),
        ("spa", ["кога ще е готов пазарът", "добре, благодаря все пак", "колко струва"], None),
    ],
)
def test_thanks_inside_a_conversation(
    bases: dict[str, Engine], base: str, turns: list[str], project: None
) -> None:
    """Thanks in the middle is small talk, and the chat goes on about the same project."""
    engine, chat = bases[base], Conversation()
    first = engine.answer(turns[0], chat)
    thanks = engine.answer(turns[1], chat)
    after = engine.answer(turns[2], chat)
    assert (thanks.kind, thanks.project) == ("thanks", project)
    assert first.project is not None and after.project == first.project and after.answered


@pytest.mark.parametrize(
    ("base", "question"),
    [
        # the weather, asked of a place a project is about
        ("mountain", "утре ще вали ли сняг на ски влека"),
        ("shipped", "ще вали ли утре в парка"),
        ("danube", "ще вали ли в събота на плажа в Пясъчник"),
        # a recipe of what a project sells or makes
        ("danube", "рецепта за рибена чорба от рибния пазар"),
        ("vine", "рецепта за греяно вино"),
        # elections: "изборите" is no typo of "извори"
        ("shipped", "кой ще спечели изборите в Септември"),
        ("town", "кой ще е кмет след изборите"),
        ("mountain", "who will win the elections for mayor of Sividol"),
        # timetables
        ("spa", "разписание на автобуса до пазара"),
        ("steppe", "what's the train timetable from Zlatoklas"),
        # a superlative over the country: trivia, no municipal project's
        ("mountain", "кой е най-високият връх в България"),
        ("danube", "коя е най-дългата река в България"),
        # "кога ще има X" asks whether and when a thing will be there: X must be what the
        # project is about ("stadion" is no typo of "station")
        ("mountain", "koga 6te ima nov stadion v Sividol"),
        ("spa", "кога ще има нов стадион в Топлобук"),
        ("mountain", "кога ще има ледена пързалка на Детската поляна"),
        ("steppe", "when will there be a swimming pool in Zlatoklas"),
        # "кога ще направят X": the works of a thing no project is about
        ("danube", "кога ще направят басейн на плажа в Пясъчник"),
        ("shipped", "кога ще направят аквапарк във Варвара"),
        ("vine", "кога ще построят басейн в Червено поле"),
    ],
)
def test_declined_plainly(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert (answer.answered, answer.project, answer.kind) == (False, None, "fallback")


def test_rain_a_project_drains_is_still_asked(bases: dict[str, Engine]) -> None:
    """The rain itself is what a storm-drain project is about: only whether it rains is the
    weather."""
    answer = bases["vine"].answer("колко мазета наводни поройният дъжд на Търговска")
    assert answer.answered and answer.project == "storm-drain-cleaning"


@pytest.mark.parametrize(
    ("base", "question"),
    [
        # the price of a private good no record prices: no project's budget
        ("shipped", "колко струва квартира в Септември"),  # "квартира" is no typo of "квартал"
        ("vine", "колко струва бутилка вино на панаира"),  # the fair is named whole
        ("town", "колко струва апартамент в Белица"),
        ("steppe", "колко струва буркан мед"),
        ("danube", "how much does a flat cost in Ladovitsa"),
    ],
)
def test_a_price_no_record_states(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.project is None and answer.kind != "clarify"


@pytest.mark.parametrize(
    ("base", "question"),
    [
        # who holds a role that the record of the project found never names
        ("shipped", "who is the headmaster of Hristo Botev school"),
        ("danube", "кой е директорът на училището в Ладовица"),
        ("town", "кой е управителят на покрития пазар"),
        ("town", "who is the principal of the kindergarten in Babyak"),
    ],
)
def test_a_role_no_record_names(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.project is None


def test_a_role_the_record_names_is_answered(bases: dict[str, Engine]) -> None:
    """The kindergarten's contact is its director: asked who, the project is answered."""
    answer = bases["steppe"].answer("кой е директорът на детската градина в Суховей")
    assert answer.answered and answer.project == "kindergarten-kitchen"
