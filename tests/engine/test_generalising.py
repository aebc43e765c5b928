"""Rules of reading from the fourth round, shown on the tuning municipalities (mountain, Danube,
vine) and the shipped base: each is a rule about Bulgarian or English questions in general."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Conversation, Engine
from bot.engine.glossary import GLOSSARY
from bot.knowledge import load_or_raise

ROOT = Path(__file__).parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BASES = {
    "shipped": ROOT / "knowledge",
    "mountain": FIXTURES / "tuning-mountain" / "knowledge",
    "danube": FIXTURES / "tuning-danube" / "knowledge",
    "vine": FIXTURES / "tuning-vine" / "knowledge",
}


@pytest.fixture(scope="module")
def engines() -> dict[str, Engine]:
    return {name: Engine(load_or_raise(path)) for name, path in BASES.items()}


def chat(engine: Engine, *turns: str) -> list[str]:
    """Every turn of one conversation; the replies as plain text."""
    conversation = Conversation()
    return [engine.answer(turn, conversation).reply.plain() for turn in turns]


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("mountain", "кога ще направят басейн в сивидол"),  # a noun no record uses
        ("mountain", "има ли проект за ремонт на училището в мечкарево"),  # a village + the works
        ("mountain", "кой е кметът на калинище"),  # a village alone
        ("vine", "кога ще направят басейн в Червено поле"),  # "поле" is no "pool"
        ("vine", "кога ще ремонтират читалището в Мавруд"),  # the works are on no chitalishte
        ("vine", "колко е заплатата на кмета Делибалтов"),  # the contacts hold no salary
        ("danube", "какво ще е времето утре в ладовица"),  # the weather
    ],
)
def test_declined_without_did_you_mean(
    engines: dict[str, Engine], base: str, question: str
) -> None:
    """Nothing names a project here: no "did you mean", no project's facts."""
    answer = engines[base].answer(question)
    assert not answer.answered and answer.kind in ("fallback", "not_found")
    assert answer.project is None


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # the nouns choose the sentence, the verb ("акостират") need not be in it
        ("danube", "колко големи кораби ще могат да акостират на новия понтон",
         "pristan-ladovitsa", "135 метра"),
        # ... but it breaks a tie between sentences that hold the nouns
        ("danube", "кой отбор спечели фестивала на рибената чорба", "interreg-salchieni",
         "Камъшица"),
        # "могат" is a modal verb: it names nothing
        ("danube", "Здравейте, пиша от името на съседите от кв. Изток – от години ни наводнява "
         "мазетата при всеки по-силен дъжд и живеем с ями. Разбрахме, че идва канализация. "
         "Колко къщи изобщо ще могат да се включат?", "psov-ladovitsa", "780 имота"),
        # who + a verb of the works: the contractor
        ("vine", "кой направи строителния ремонт на стола в училището", "school-canteen",
         "Кольо Вълчев"),
        ("vine", "площадо в гроздево кой го праи", "village-square-grozdevo",
         "Пътинженеринг Марица"),
        # the thing counted stands before "колко" when a verb follows it
        ("vine", "пейки колко турихте на площада у гроздево", "village-square-grozdevo",
         "24 пейки"),
        # how long an action takes is a sentence's duration, not the project's period
        ("mountain", "за колко време се ходи до орлови скали по екопътеката", "eco-trail-orlova",
         "3 ч"),
    ],
)  # fmt: skip
def test_the_detail_asked(
    engines: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = engines[base].answer(question)
    assert answer.project == project and fact in answer.reply.plain()


def test_a_which_question_over_the_projects_lists_them(engines: dict[str, Engine]) -> None:
    """ "кои проекти са за деца" lists them, though "деца" is in one project's name."""
    answer = engines["danube"].answer("кои проекти са за деца")
    assert answer.kind == "list" and "Образователни медиатори" in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("кой е кметът на Червено поле", "Делибалтов"),  # the municipality's name of two words
        ("абе кой е кмета бе, и кога приема хора", "сряда"),  # the mayor's contact
        ("каква е площта на общината", "214 кв. км"),  # a measure from its summary
    ],
)
def test_the_municipality_s_own_facts(engines: dict[str, Engine], question: str, fact: str) -> None:
    answer = engines["vine"].answer(question)
    assert answer.kind == "municipality" and fact in answer.reply.plain()


def test_a_glossary_phrase_translates_words_of_its_own_script() -> None:
    """The Bulgarian "поле" folds like the English "pool", and so does the "Pole" of a place's
    name written in Latin letters ("Cherveno Pole"): only "swimming pool" is a pool."""
    assert "basein" in GLOSSARY.translate(["svim", "pol"], [False, False])
    assert "basein" not in GLOSSARY.translate(["pol"], [False])
    assert "basein" not in GLOSSARY.translate(["svim", "pol"], [True, True])


@pytest.mark.parametrize(
    ("base", "turns", "fact"),
    [
        # a delay is told by the works stopped or the term extended
        ("mountain", ("колко струва ремонта на пътя до манастира", "що се бави толкоз"),
         "свлачище"),
        # "тогава" points back
        ("shipped", ("which schools were insulated in the villages", "кой беше кмет тогава"),
         "Саниране"),
        # a follow-up asking a project's own topic continues it, though it says "общината"
        ("shipped", ("parka v kv 66 po koq mqrka e", "a sobstveniq prinos na obshtinata"),
         "49\xa0467,56"),
        # the weather is declined and the conversation kept
        ("danube", ("колко струва ремонтът на пристанището", "какво ще е времето утре",
                    "а кога ще е готово"), "30 април 2027"),
        # a pronoun continues the project whatever its status
        ("mountain", ("are there cameras watching the forests for fires", "who runs it"),
         "Sividol Forests"),
    ],
)  # fmt: skip
def test_the_conversation(
    engines: dict[str, Engine], base: str, turns: tuple[str, ...], fact: str
) -> None:
    assert fact in chat(engines[base], *turns)[-1]


def test_a_follow_up_is_not_captured_by_another_project_s_faq(engines: dict[str, Engine]) -> None:
    conversation = Conversation()
    engine = engines["danube"]
    engine.answer("в колко тръгва училищният автобус от горна ракита", conversation)
    assert engine.answer("плаща ли се нещо", conversation).project == "uchilishten-avtobus"


def test_a_new_noun_starts_afresh(engines: dict[str, Engine]) -> None:
    conversation = Conversation()
    engine = engines["danube"]
    engine.answer("в колко тръгва училищният автобус от горна ракита", conversation)
    answer = engine.answer("а кога ще направят басейн за децата", conversation)
    assert not answer.answered and answer.project is None


def test_thanks_in_other_words(engines: dict[str, Engine]) -> None:
    assert engines["vine"].answer("мерси много, помогнахте ми").kind == "thanks"
