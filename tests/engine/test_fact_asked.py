"""Rules of the seventh round's second half about the fact asked once the project is right: a
verb of paying asks a sum; a duration asked of nothing but the project (or of "the project",
which has no length) is its own period; a gathering is dated by its taking place; who runs a
thing is its contact; a sentence naming a language answers what language; and the Latin "a"
of a follow-up is no sign of English."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.engine.events import event_terms
from bot.engine.facts import describe
from bot.engine.normalize import terms


def plain(text: str) -> str:
    """The reply with its no-break spaces as spaces ("150\xa0000")."""
    return text.replace("\xa0", " ")


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("vine", "колко плаща министерството за столовата в училище"),
        ("vine", "колко платиха за залата до стадиона"),
        ("shipped", "колко плащат за парка"),
    ],
)
def test_a_verb_of_paying_asks_a_sum(bases: dict[str, Engine], base: str, question: str) -> None:
    parsed = bases[base].reader.read(question)
    assert parsed.answer == "amount"
    assert parsed.counted == []  # "плащат" is no thing counted


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("vine", "колко плаща министерството за столовата в училище", "school-canteen", "150 000"),
        ("vine", "колко плаща министерството за столоата в училище", "school-canteen", "150 000"),
        # not the news item about the festival's contract, which names it and has a date
        ("mountain", "when is the folklore festival this year", "folklore-festival",
         "7–9 August 2026"),
        ("mountain", "кога е фестивалът", "folklore-festival", "7 – 9 август 2026"),
        ("spa", "на какви езици са табелите по екопътеката", "samodivska-trail", "сръбски"),
        ("spa", "na kakvi ezici sa tabelite po ekopatekata", "samodivska-trail", "сръбски"),
    ],
)  # fmt: skip
def test_the_fact_asked_is_in_the_reply(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.project == project
    assert fact in plain(answer.reply.plain())


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # a news item's "Срок – 7 месеца" is another thing's deadline, not the project's
        ("vine", "колко месеца е предвидено да трае проектът за винения маршрут",
         "wine-tourism-route", "18 месеца"),
        ("vine", "колко време ще трае винения маршрут", "wine-tourism-route", "18 месеца"),
        ("shipped", "колко месеца е предвидено да трае проектът за парка", "park-block-66",
         "12 месеца"),
    ],
)  # fmt: skip
def test_a_duration_of_the_project_alone_is_its_period(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.project == project
    assert answer.topic == "dates"
    assert fact in plain(answer.reply.plain())


def test_a_duration_of_an_action_is_still_the_sentence_that_times_it(
    bases: dict[str, Engine],
) -> None:
    """ "за колко време се ходи": the walk's time, not the project's period."""
    answer = bases["spa"].answer("за колко време се ходи по самодивската пътека")
    assert answer.topic != "dates"


@pytest.mark.parametrize(
    ("base", "question", "fact"),
    [
        ("shipped", "how long is the park project", "12 months"),
        ("shipped", "колко е дълъг проектът за парка", "12 месеца"),
        ("spa", "how long is the trail project", "24 months"),
    ],
)
def test_a_project_asked_how_long_lasts(
    bases: dict[str, Engine], base: str, question: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.topic == "dates"
    assert fact in plain(answer.reply.plain())


def test_a_thing_asked_how_long_keeps_its_length(bases: dict[str, Engine]) -> None:
    """No word "project": the trail's 9.6 km, not its months."""
    answer = bases["spa"].answer("how long is the samodivska trail")
    assert answer.topic != "dates"
    assert "9.6 km" in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "taking_place"),
    [
        ("кога е фестивалът", True),  # a gathering asked: the words of its taking place count
        ("when is the fair", True),
        ("кога е ремонтът", False),  # no gathering
    ],
)
def test_a_gathering_is_dated_by_its_taking_place(question: str, taking_place: bool) -> None:
    assert (terms("проведе")[0] in event_terms(terms(question))) is taking_place


def test_a_hall_for_a_fair_is_not_dated_by_held_up_works(bases: dict[str, Engine]) -> None:
    """ "the works were held up": no gathering takes place in that news item."""
    answer = bases["vine"].answer("when is the wine fair")
    assert "Спряха работа" not in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("a v ponedelnik", "bg"),  # the Latin-typed "а в понеделник" of a follow-up
        ("a koga", "bg"),
        ("a kolko struva", "bg"),
        ("and on mondays", "en"),
        ("is there a market", "en"),
        ("what a mess", "en"),
    ],
)
def test_a_is_no_sign_of_english(bases: dict[str, Engine], question: str, lang: str) -> None:
    assert bases["danube"].detect_language(question, "en" if lang == "bg" else "bg") == lang


def test_a_latin_follow_up_asks_its_detail_in_bulgarian(bases: dict[str, Engine]) -> None:
    chat = Conversation()
    bases["danube"].answer("koga raboti ribniq pazar", chat)
    answer = bases["danube"].answer("a v ponedelnik", chat)
    assert answer.lang == "bg"
    assert "затворен" in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "topic"),
    [
        ("mountain", "who runs the fire station", "contacts"),
        ("mountain", "кой ръководи противопожарното депо", "contacts"),
        ("shipped", "who manages the park project", "contacts"),  # none: the municipality's
    ],
)
def test_who_runs_a_thing_is_its_contact(
    bases: dict[str, Engine], base: str, question: str, topic: str
) -> None:
    assert bases[base].answer(question).topic == topic


def test_who_runs_it_after_a_subject_names_the_person(bases: dict[str, Engine]) -> None:
    chat = Conversation()
    bases["mountain"].answer("are there cameras watching the forests for fires", chat)
    answer = bases["mountain"].answer("who runs it", chat)
    assert answer.project == "fire-station-towers"
    assert "Ivaylo Gyokov" in answer.reply.plain()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("12 информационни табели на български, английски и сръбски", True),
        ("signs in English and Greek", True),
        ("12 информационни табели и 4 беседки", False),
    ],
)
def test_a_sentence_naming_languages_states_a_language(text: str, language: bool) -> None:
    kinds, _ = describe([text])
    assert ("language" in kinds) is language


@pytest.mark.parametrize(
    "question", ["на какви езици са табелите", "what languages are the signs in"]
)
def test_what_language_is_asked(bases: dict[str, Engine], question: str) -> None:
    assert bases["spa"].reader.read(question).answer == "language"


def test_latin_bulgarian_words_of_the_lexicon_are_no_english(bases: dict[str, Engine]) -> None:
    """ "na" of "на какви езици" is no English word: a Latin-typed question with it stays
    Bulgarian."""
    assert bases["shipped"].detect_language("partnyori na pata do lesichovo") == "bg"
