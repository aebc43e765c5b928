"""The right project (or the municipality, or a decline) on other municipalities' bases: words
that name nothing, a village a project speaks of, photos of a record with links, a question its
project holds whole, the home town's mayor, English qualities of Bulgarian records."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.engine.aboutness import held_whole
from bot.engine.glossary import GLOSSARY
from bot.engine.normalize import terms, tokens
from bot.engine.parts import question_parts
from bot.engine.stopwords import is_quiet


def _asked(engine: Engine, question: str, chat: Conversation | None = None) -> tuple[str, str]:
    answer = engine.answer(question, chat)
    return answer.project or answer.kind, answer.reply.plain().replace("\xa0", " ")


@pytest.mark.parametrize(
    ("base", "question", "word"),
    [
        ("spa", "какво е имало на мястото на рехабилитационния център", "imal"),
        ("spa", "има ли друг паркинг освен до банята", "osven"),
        ("vine", "how many young people is the youth center meant for", "meant"),
        ("vine", "how many hectares of vineyards are along the field road", "along"),
        ("spa", "po kolko pacienti na den shte priema centyra", "den"),
        ("danube", "колко дава общината от своя бюджет за кея", "svo"),
        ("danube", "колко дава общината от своя бюджет за кея", "dav"),
    ],
)
def test_a_word_that_names_nothing_is_no_content(
    bases: dict[str, Engine], base: str, question: str, word: str
) -> None:
    """Forms of "има", prepositions and English function words, and a Latin-typed Bulgarian
    question's little words that English also has ("na den"), are not what is asked about."""
    assert word not in bases[base].reader.read(question).content


@pytest.mark.parametrize(
    ("written", "bulgarian", "quiet"),
    [("den", False, False), ("den", True, True), ("bill", False, False)],
)
def test_an_english_word_is_quiet_only_in_a_bulgarian_question(
    written: str, bulgarian: bool, quiet: bool
) -> None:
    assert is_quiet(tokens(written)[0], bulgarian) is quiet


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("spa", "какво е имало на мястото на рехабилитационния център", "rehabilitation-centre",
         "детски санаториум"),
        ("spa", "po kolko pacienti na den shte priema centyra topli izvori",
         "rehabilitation-centre", "120 пациенти на ден"),
        ("vine", "how many young people is the youth center meant for", "youth-centre", "1,300"),
        # a measure's adjective finds the record's noun; English qualities a Bulgarian record
        ("mountain", "колко домакинства ще имат бърз интернет в селата", "broadband-villages",
         "1 900 домакинства"),
        ("mountain", "how fast will the internet be in the villages with the new fibre",
         "broadband-villages", "1 Gbit/s"),
        ("mountain", "hi, what is the old border post in sividol now?", "visitor-centre",
         "visitor centre"),
        # every word held by one project: its quote answers though common words cost certainty
        ("danube", "каква дължина от главния колектор ще сменят", "psov-ladovitsa", "2,3 км"),
        # a compound word is also its parts: "колело" and "алея" find the "велоалея"
        ("town", "Карам колело всеки ден по новата алея. Докъде ще стига тя?", "bike-lane-river",
         "2,4 км"),
        # a possessive and a verb of giving name nothing: the pier is what is asked
        ("danube", "колко дава общината от своя бюджет за кея", "pristan-ladovitsa", "234 698"),
        # photos asked of a record that has links: its gallery
        ("spa", "има ли снимки преди и след ремонта на банята", "old-mineral-bath",
         "galeria/starata-banya"),
    ],
)  # fmt: skip
def test_the_project_found_on_another_base(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    found, reply = _asked(bases[base], question)
    assert (found, fact in reply) == (project, True)


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("danube", "колко души живеят в камъшица"),  # a village and the thing counted: no project
        ("spa", "има ли снимки от откриването на летището"),  # no record speaks of an airport
    ],
)
def test_a_decline_stays_a_decline(bases: dict[str, Engine], base: str, question: str) -> None:
    answer = bases[base].answer(question)
    assert answer.project is None and not answer.answered


def test_held_whole_needs_a_word_beyond_a_village_and_the_thing_counted(
    bases: dict[str, Engine],
) -> None:
    engine = bases["danube"]
    number = next(n for n, p in enumerate(engine.index.projects) if p.id == "psov-ladovitsa")
    explains = engine.follow.explains
    assert held_whole(engine.reader.read("каква дължина от колектора"), number, explains)
    assert not held_whole(engine.reader.read("колко души живеят в ладовица"), number, explains)


def test_the_mayor_of_the_home_town_is_the_municipality_s(bases: dict[str, Engine]) -> None:
    """The home town's name alone names no project: its mayor is the municipality's contact
    (a deputy mayor in a project's contacts is no answer)."""
    for question in ("коя е кметицата на топлобук", "кой е кметът на топлобук"):
        answer = bases["spa"].answer(question)
        assert answer.kind == "municipality" and "Радослава Петкова" in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "turns", "project", "fact"),
    [
        # a village the project's record speaks of continues it, though another project's name
        # is that village ("Горският път до Букак")
        ("spa", ["kakvo se hvarlq v jyltiq konteiner", "a v bukak koga shte slojat"],
         "waste-separation-points", "февруари 2027"),
        ("spa", ["отворен ли е пътят за букак", "ок", "колко км са готови до момента"],
         "bukak-forest-road", "7,2 км"),
    ],
)  # fmt: skip
def test_a_follow_up_continues_the_project(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    chat = Conversation()
    for turn in turns[:-1]:
        bases[base].answer(turn, chat)
    found, reply = _asked(bases[base], turns[-1], chat)
    assert (found, fact in reply) == (project, True)


def test_another_thing_in_the_village_still_starts_afresh(bases: dict[str, Engine]) -> None:
    """A word of the other project's name beside the village is no follow-up."""
    chat = Conversation()
    bases["spa"].answer("kakvo se hvarlq v jyltiq konteiner", chat)
    assert bases["spa"].answer("а пътят до букак кога ще е готов", chat).project == (
        "bukak-forest-road"
    )


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("кой строи салона и колко струваше?", ["кой строи салона", "колко струваше"]),
        ("Колко нови хора назначиха? И кой е ръководителят?",
         ["Колко нови хора назначиха", "И кой е ръководителят"]),
        ("why did the work stop and when does it start again",
         ["why did the work stop", "when does it start again"]),
        ("kolko struva i koga shte e gotovo", ["kolko struva", "koga shte e gotovo"]),
        ("колко струва ремонтът на моста и пътя", []),  # "и" before no question word
        ("кога ще е готово?", []),
        ("Вярно ли е? Мерси.", []),  # the second sentence asks nothing
    ],
)  # fmt: skip
def test_the_questions_of_a_message(text: str, parts: list[str]) -> None:
    assert question_parts(text) == parts


@pytest.mark.parametrize(
    ("base", "question", "project", "facts"),
    [
        ("spa", "Дъщеря ми учи в Сърнино. Кой строи салона и колко струваше?",
         "sarnino-school-gym", ["Строй Баланс 2010", "894 600"]),
        ("danube", "Колко проекта бяха подадени за площада и кой спечели конкурса?",
         "ploshtad-svoboda", ["11 участници"]),
    ],
)  # fmt: skip
def test_two_questions_about_one_project_are_both_answered(
    bases: dict[str, Engine], base: str, question: str, project: str, facts: list[str]
) -> None:
    found, reply = _asked(bases[base], question)
    assert found == project and all(fact in reply for fact in facts)
    assert reply.count(reply.splitlines()[0]) == 1  # one heading


def test_a_short_object_pronoun_points_back(bases: dict[str, Engine]) -> None:
    """ "ще я поддържа": the word after the pronoun is the verb the particle stands before."""
    for question in ("кой ще я поддържа станцията", "кой ще ги поддържа чешмите"):
        parsed = bases["danube"].reader.read(question)
        assert "podarZ" in parsed.verbs and parsed.refers


@pytest.mark.parametrize(
    ("bulgarian", "english"),
    [("мрежа", "netvork"), ("нова", "nev"), ("бивш", "old"), ("скорост", "fast"),
     ("велоалея", "bik"), ("колело", "bicacl"), ("свещеник", "priest")],
)  # fmt: skip
def test_the_glossary_gives_a_bulgarian_word_its_english_one(bulgarian: str, english: str) -> None:
    words = terms(bulgarian)
    assert english in GLOSSARY.translate(words, [True] * len(words))


@pytest.mark.parametrize(
    "question", ["колко са готови досега", "how many are ready so far", "колко има до момента"]
)
def test_so_far_asks_about_now(bases: dict[str, Engine], question: str) -> None:
    assert "now" in bases["vine"].reader.read(question).intents


def test_a_paragraph_is_said_once(bases: dict[str, Engine]) -> None:
    """A part whose reply repeats what the whole question's reply says adds only what is new."""
    question = "who is the priest of the church in gorna elovitsa and whats his number"
    found, reply = _asked(bases["mountain"], question)
    assert found == "church-st-nikola-frescoes" and reply.count("+359 889 310 447") == 1
