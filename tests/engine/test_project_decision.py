"""Which project a question is about, and whether to answer at all (issue 8, round six)."""

from __future__ import annotations

import pytest

from bot.engine import Answer, Conversation, Engine
from bot.engine.certainty import UNSAID, sure_of_field
from bot.engine.fuzzy import TypoIndex
from bot.engine.normalize import terms
from bot.engine.ranking import Candidate, clear_lead
from bot.engine.reply import Reply, Span


def _candidates(*confidences: float) -> list[Candidate]:
    return [Candidate(n, 1.0, 1.0, c, 0.0) for n, c in enumerate(confidences)]


@pytest.mark.parametrize(
    ("confidences", "clear"),
    [((0.45,), True), ((0.45, 0.12), True), ((0.40, 0.20), True), ((0.45, 0.38), False)],
)
def test_a_clear_lead_is_far_likelier_than_the_next(
    confidences: tuple[float, ...], clear: bool
) -> None:
    assert clear_lead(_candidates(*confidences)) is clear


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("danube", "коя е учителката по роботика бе, при нея ли се записват",
         "digitalni-klasni-stai", "Роботика"),
        ("vine", "с какво беше запушен колекторът при пазара", "storm-drain-cleaning", "запушен"),
        ("shipped", "кой е най-големият проект в историята на общината", "water-cycle",
         "най-големият проект"),
    ],
)  # fmt: skip
def test_a_project_found_by_its_details_alone_answers_when_none_comes_near(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """Below 0.5, a quoted sentence of a project far likelier than any other one answers."""
    answer = bases[base].answer(question)
    assert answer.answered and answer.kind == "quote" and answer.project == project
    assert fact.lower() in answer.reply.plain().lower()


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("shipped", "who is the prime minister"),  # two projects name ministries alike
        ("shipped", "кога ще сменят оградата на училище Смирненски"),  # no "сградата"
        ("vine", "is there a swimming pool project in Mavrud village?"),
        ("shipped", "кога ще ремонтират пътя Септември – Пазарджик"),
    ],
)
def test_a_thing_no_project_is_about_is_declined(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.project is None and answer.kind == "fallback"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("оградата", []),  # о and с are far apart: another word, not a typo
        ("дградата", ["сградата"]),  # д is next to с
        ("сгрaдaта", []),  # Latin letters: not one typo
        ("сграддата", ["сградата"]),  # a letter doubled
        ("сгардата", ["сградата"]),  # two letters swapped
    ],
)
def test_a_replaced_first_letter_is_a_keyboard_neighbour(typed: str, meant: list[str]) -> None:
    assert TypoIndex(["сградата"]).near(typed) == meant


@pytest.mark.parametrize(
    ("question", "word", "is_verb"),
    [
        ("is there a swimming pool in Mavrud", "swimming", False),
        ("when does the parking open", "parking", False),
        ("who is renovating the square", "renovating", True),
    ],
)
def test_an_english_word_with_ing_is_a_verb_unless_listed(
    bases: dict[str, Engine], question: str, word: str, is_verb: bool
) -> None:
    """ "swimming" names the pool asked about; "renovating" is a verb by its ending."""
    parsed = bases["vine"].reader.read(question)
    assert (terms(word)[0] in parsed.verbs) is is_verb


@pytest.mark.parametrize(
    ("question", "project"),
    [
        ("кога ще ремонтират улиците в Септември", "street-rehabilitation"),
        ("кога ще санират училищата", "school-energy-efficiency"),
        ("кога ще ремонтират читалището в Симеоновец", "simeonovets-community-centre"),
    ],
)
def test_works_on_what_the_project_is_about_are_answered(
    bases: dict[str, Engine], question: str, project: str
) -> None:
    """The thing worked on is in the project's title or summary: its dates answer."""
    answer = bases["shipped"].answer(question)
    assert answer.answered and answer.project == project


@pytest.mark.parametrize(
    ("base", "turns", "project", "fact"),
    [
        (
            "danube",
            ["кога затварят ул. рибарска заради канала", "а автобусът за върбак откъде ще минава"],
            "psov-ladovitsa",
            "Тракия",
        ),  # the record says where the bus to Върбак goes: the village is no other project's
        # the park's record never speaks of Ветрен: the question starts afresh
        ("shipped", ["колко струва паркът", "кога ще оправят улиците във Ветрен"], None, None),
        ("shipped", ["колко струва паркът", "а какво ще се прави във Ветрен"], None, None),
    ],
)
def test_a_follow_up_naming_a_village_continues_only_when_the_record_speaks_of_it(
    bases: dict[str, Engine], base: str, turns: list[str], project: str | None, fact: str | None
) -> None:
    chat = Conversation()
    first = bases[base].answer(turns[0], chat)
    answer = bases[base].answer(turns[1], chat)
    if project is None:
        assert answer.project != first.project
    else:
        assert answer.project == project and fact is not None and fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("reply", "nouns", "confidence"),
    [
        ("Бюджет: 1 200 000 лв.", [], 0.8),  # nothing asked beyond the project's name
        ("Изпълнител: „Пътстрой“ ЕООД", ["izpalnitel"], 0.8),  # the field says it
        ("Бюджет: 1 200 000 лв.", ["dec"], 0.8 * UNSAID),  # "колко деца": no children in it
    ],
)
def test_a_field_that_says_nothing_of_a_noun_asked_is_no_sure_answer(
    bases: dict[str, Engine], reply: str, nouns: list[str], confidence: float
) -> None:
    answer = Answer("?", "bg", True, Reply(((Span(reply),),)), "ring-road", "budget", 0.8)
    assert sure_of_field(answer, nouns, bases["shipped"].index).confidence == confidence


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("danube", "по колко часа на ден помагаха на възрастните", "patronazhna-grizha", "4 часа"),
        (
            "danube",
            "who do i call if sewage overflows at night",
            "psov-ladovitsa",
            "+359 8147 3030",
        ),
        # "new" and "network" are the record's ("нов", "мрежа": the glossary): one project
        (
            "mountain",
            "who operates the new water network in kalinishte",
            "water-catchment-kalinishte",
            "ВиК – Смолян",
        ),
        ("shipped", "кой прави ремонта на училищата", None, None),  # two schools' projects near
    ],
)
def test_did_you_mean_is_asked_only_when_another_project_comes_near(
    bases: dict[str, Engine], base: str, question: str, project: str | None, fact: str | None
) -> None:
    """A project named in part and far likelier than the next one answers; two near ones get
    "did you mean"."""
    answer = bases[base].answer(question)
    if project is None:
        assert answer.kind == "clarify" and len(answer.suggestions) >= 2
    else:
        assert answer.answered and answer.project == project and fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "kind", "fact"),
    [
        # the entry is asked "има ли автобус до селата" and its answer names Мавруд
        ("има ли автобус от Червено поле до Мавруд", "faq", "4 курса"),
        ("има ли автобус до София", "fallback", None),  # no entry speaks of Sofia
        # no project's record speaks of potholes; the entry on reporting a problem does
        ("как да подам сигнал за дупка на улицата", "faq", "14 дни"),
        # a word no record holds ("edition") is not enough: the entry must hold it
        ("which edition of the Trakiyska Loza fair is in October 2026?", "quote", "stadium"),
    ],
)
def test_the_general_faq_answers_what_no_project_speaks_of(
    bases: dict[str, Engine], question: str, kind: str, fact: str | None
) -> None:
    answer = bases["vine"].answer(question)
    assert answer.kind == kind
    assert fact is None or fact in answer.reply.plain()


@pytest.mark.parametrize("word", ["заплата", "заплатата", "дупка", "оградата"])
def test_an_everyday_word_is_no_typo_of_a_record_s_word(
    bases: dict[str, Engine], word: str
) -> None:
    """ "заплата" is one letter from the "залата" of a record, yet a word of its own."""
    assert not bases["vine"].reader.read(f"каква е {word} на работника").guessed


def test_a_salary_no_record_states_is_declined(bases: dict[str, Engine]) -> None:
    answer = bases["vine"].answer("каква заплата взима младежкият работник в общината")
    assert not answer.answered and answer.project is None


def test_a_municipality_contact_that_names_a_project_carries_the_chat(
    bases: dict[str, Engine],
) -> None:
    """The municipality's contact „Домашен социален патронаж“ answers; the chat goes on about
    the project it names, which the question's words found too."""
    chat = Conversation()
    turns = [
        "Здравейте, майка ми е самотна и болна, има ли общината някаква грижа в дома за такива"
        " хора?",
        "на кой телефон да се обадя",
    ]
    first, second = (bases["shipped"].answer(question, chat) for question in turns)
    assert first.kind == "municipality" and first.project == "home-patronage-equipment"
    assert second.project == "home-patronage-equipment" and "0889 308 530" in second.reply.plain()


@pytest.mark.parametrize(
    ("question", "project"),
    [
        ("what villages belong to Cherveno Pole municipality", None),  # two places, no name
        ("колко жители има общината", None),
    ],
)
def test_a_municipality_answer_names_no_project_by_its_places(
    bases: dict[str, Engine], question: str, project: str | None
) -> None:
    answer = bases["vine"].answer(question)
    assert answer.kind == "municipality" and answer.project == project


def test_a_count_of_the_municipality_starts_afresh(bases: dict[str, Engine]) -> None:
    """ "колко жители има общината" after a project: the municipality's measure, not the
    project's results (a topic only a project has, "а коя община е партньор", continues)."""
    chat = Conversation()
    bases["vine"].answer("колко струва площадът в Гроздево", chat)
    answer = bases["vine"].answer("колко жители има общината", chat)
    assert answer.kind == "municipality" and "8 900" in answer.reply.plain()
