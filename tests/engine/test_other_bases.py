"""General rules of reading shown on the two tuning municipalities (mountain and Danube)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Conversation, Engine
from bot.knowledge import load_or_raise

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(scope="module")
def mountain() -> Engine:
    return Engine(load_or_raise(FIXTURES / "tuning-mountain" / "knowledge"))


@pytest.fixture(scope="module")
def danube() -> Engine:
    return Engine(load_or_raise(FIXTURES / "tuning-danube" / "knowledge"))


@pytest.mark.parametrize(
    "question",
    ["колко струва ремонта на пътя до манастира", "kolko struva remonta na pata do manastira"],
)
def test_the_price_of_the_works_is_the_budget(mountain: Engine, question: str) -> None:
    """The works ("ремонтът") are the project itself, never a thing it only mentions."""
    answer = mountain.answer(question)
    assert answer.project == "monastery-road" and answer.topic == "budget"
    assert "3\xa0418\xa0276,40" in answer.reply.plain()


def test_an_unknown_participle_is_a_verb_form(mountain: Engine) -> None:
    """A participle ("сменени") agrees with its noun: it does not choose the sentence."""
    parsed = mountain.reader.read("колко километра водопровод са сменени в калинище")
    assert "smenen" in parsed.verbs
    answer = mountain.answer("колко километра водопровод са сменени в калинище")
    assert answer.project == "water-catchment-kalinishte" and "9,2 км" in answer.reply.plain()
    assert "cen" not in mountain.reader.read("каква е цена на билета").verbs  # a noun: too short


@pytest.mark.parametrize("word", ["bread", "buy", "night", "paid"])
def test_a_common_english_word_is_no_typo(danube: Engine, word: str) -> None:
    parsed = danube.reader.read(f"where can i {word} at the social bakery")
    assert not parsed.guessed


def test_an_english_verb_is_a_verb(danube: Engine) -> None:
    assert {"paid", "overflov"} <= danube.reader.read("who paid when sewage overflows").verbs


def test_the_thing_counted_comes_first_when_it_also_names_the_project(danube: Engine) -> None:
    answer = danube.answer("колко домашни помощници работеха по патронажната грижа")
    assert answer.project == "patronazhna-grizha"
    assert "18 домашни помощници" in answer.reply.plain()


def test_a_noun_only_a_translation_holds_is_no_word_of_the_staff(mountain: Engine) -> None:
    """No record speaks of a pool (the English "pools" of a trail are no "swimming pool")."""
    assert "basein" not in mountain.index.postings
    assert mountain.reader.read("кога ще направят басейн в сивидол").strange
    answer = mountain.answer("кога ще направят басейн в сивидол")
    assert not answer.answered and answer.project is None
    assert not mountain.reader.read("а кога ще почне строежът").strange  # the works, always


def test_a_colloquial_word_finds_the_written_one(mountain: Engine) -> None:
    answer = mountain.answer("колко места за коли ще има на паркинга пред манастира")
    assert answer.project == "monastery-road" and "40 автомобила" in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("що се бави толкоз", "bav"),
        ("кога ще го довършат", "dovarS"),
        ("ше пуснат ли", "pasn"),
        ("6te pusnat li", "pasn"),
    ],
)
def test_a_word_after_a_verb_particle_is_a_verb(mountain: Engine, question: str, verb: str) -> None:
    assert verb in mountain.reader.read(question).verbs


def test_a_pronoun_keeps_the_project_though_its_verb_is_unknown(mountain: Engine) -> None:
    chat = Conversation()
    assert mountain.answer("кога ще пуснат лифта на елов връх", chat).project is not None
    assert mountain.answer("а кой го монтира", chat).project == "ski-lift-renovation"


@pytest.mark.parametrize(
    ("question", "strange"),
    [
        ("a basein 6te pravqt li v sividol", {"basein"}),  # Bulgarian typed in Latin letters
        ("кога ще направят басейн в сивидол", {"basein"}),
        ("when will they build a basein in sividol", set()),  # English: its nouns are not judged
        ("moga li da si vyrzhvam lodkata", set()),  # a verb form, not a noun
    ],
)
def test_a_noun_no_record_uses_in_either_script(
    mountain: Engine, question: str, strange: set[str]
) -> None:
    assert mountain.reader.read(question).strange == strange


def test_a_question_about_a_village_itself_is_no_projects(danube: Engine) -> None:
    """The only noun is the village's name (a verb names nothing): no project is asked about."""
    answer = danube.answer("колко души живеят в камъшица")
    assert not answer.answered and answer.project is None


def test_colloquial_little_words_are_no_details(danube: Engine) -> None:
    """The colloquial "ше" is "ще"; "най-сетне" (at last) says nothing of the thing asked."""
    answer = danube.answer("ше има ли най-сетне осветление на кея, колко лампи")
    assert answer.project == "pristan-ladovitsa" and "24 нови LED лампи" in answer.reply.plain()


def test_a_verb_never_starts_a_new_subject(mountain: Engine) -> None:
    """The verb "came" says nothing new, whatever word of the base it resembles."""
    chat = Conversation()
    assert mountain.answer("when is the folklore festival this year", chat).project is not None
    for follow_up in ("how many people came", "who won the grand prix"):
        assert mountain.answer(follow_up, chat).project == "folklore-festival"


@pytest.mark.parametrize(
    ("word", "verb"),
    [("посетителският", False), ("лекарят", False), ("новият", False), ("пуснат", True)],
)
def test_the_full_article_is_no_verb_ending(mountain: Engine, word: str, verb: bool) -> None:
    parsed = mountain.reader.read(f"кога {word}")
    assert bool(parsed.verbs) is verb


def test_a_synonym_of_the_staffs_bulgarian_is_their_word(mountain: Engine) -> None:
    """The glossary's "зъболекар" for the record's "стоматологичен" is no strange noun."""
    assert "zabolekr" not in mountain.index.translated
    answer = mountain.answer("в кои дни приема зъболекарката в смреча")
    assert answer.answered and answer.project == "medical-practice-smrecha"
