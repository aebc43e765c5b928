"""How other people talk (issue 8, sixth round): chatty messages, colloquial words, filtered lists
and typos that make another real word, on the tuning municipalities' bases."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.message import says_nothing, split_message
from bot.engine.normalize import terms


@pytest.mark.parametrize(
    ("question", "nothing"),
    [
        ("коя е?", True),
        ("Кога беше?", True),
        ("кажете ми го моля", True),
        ("Можете ли да ми кажете кой беше?", True),
        ("коя фирма е?", False),
        ("кога беше откриването?", False),
    ],
)
def test_a_question_that_says_nothing_of_its_own(question: str, nothing: bool) -> None:
    assert says_nothing(terms(question)) is nothing


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("Чух, че някаква фирма е дарила пари за здравната служба – коя е?", "дарила"),
        ("Искам телефона на дежурния в депото, кажете ми го моля.", "дежурния"),
        ("Някой ми каза, че паркът е готов, но кога?", "паркът"),
    ],
)
def test_the_clause_before_an_empty_question_is_part_of_it(message: str, asked: str) -> None:
    """The asking clause says nothing of its own: the clause before it says what is asked."""
    assert asked in split_message(message).question


@pytest.mark.parametrize(
    ("base", "message", "project", "fact"),
    [
        (  # a question with no words of its own: its details come from the context
            "mountain",
            "Пътят до манастира бил класиран много напред в страната. На кое място?",
            "monastery-road",
            "11-и от 146",
        ),
        (
            "mountain",
            "Искам номера на дежурния в противопожарното депо, кажете ми го.",
            "fire-station-towers",
            "+359 887 401 112",
        ),
        ("vine", "ко стаа с маршрута на виното бе кога почва", "wine-tourism-route", "2026"),
        ("vine", "мноо ли народ имаше на първата копка на залата", "wine-fair-hall", "200 души"),
        (
            "danube",
            "ко стаа на рибния пазар през април, има ли риба там",
            "riben-pazar",
            "рибарници",
        ),
        (  # "деца" are counted as "ученици" (the glossary's colloquial line)
            "danube",
            "колко деца ще ходят на обмена в Салчиени",
            "interreg-salchieni",
            "25 ученици",
        ),
    ],
)
def test_chatty_and_colloquial_messages_are_answered(
    bases: dict[str, Engine], base: str, message: str, project: str, fact: str
) -> None:
    """Chatty and colloquial messages get the project named and the fact asked."""
    answer = bases[base].answer(message)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "particles"),
    [
        ("ко стаа с маршрута на виното бе", ["ко", "стаа"]),
        ("па спряха ли на залата, оше ли стои така", ["па", "оше"]),
        ("как се казваше докторката дет е в тракийско", ["дет"]),
        ("тоя мониторинг за кво бил бе", ["бил"]),
        ("кой санира училищата тогаз", ["тогаз"]),
    ],
)
def test_colloquial_particles_name_nothing(
    bases: dict[str, Engine], question: str, particles: list[str]
) -> None:
    """Colloquial particles and forms of "to be" are no content words of the question."""
    content = bases["vine"].reader.read(question).content
    assert not {t for p in particles for t in terms(p)} & set(content)


def test_an_english_word_is_not_quiet_for_a_bulgarian_one(bases: dict[str, Engine]) -> None:
    """The English "bill" folds like "бил", yet it is an English noun, not a form of "to be"."""
    assert "bil" in bases["danube"].reader.read("will my water bill go up").content
    assert "bil" not in bases["danube"].reader.read("kolko e bil proekta").content


def test_shto_asks_why(bases: dict[str, Engine]) -> None:
    """The colloquial "що" alone is "защо": the goals answer it."""
    answer = bases["mountain"].answer("що строят нов влек на детската поляна")
    assert answer.project == "drag-lift-detska-polyana" and answer.topic == "goals"


@pytest.mark.parametrize(
    ("base", "question", "listed", "left_out"),
    [
        (
            "shipped",
            "какво се строи във Ветрен дол",
            ["Минерален водопровод"],
            ["Воден цикъл"],
        ),
        (
            "shipped",
            "what is being built in Vetren Dol",
            ["mineral-water pipeline"],
            ["Water cycle"],
        ),
        (
            "shipped",
            "какво се прави във Ветрен дол",
            ["Минерален водопровод", "Воден цикъл"],
            [],
        ),
        ("vine", "какво се строи в Памидово", ["Винен маршрут"], ["Ремонт на канал", "Велоалея"]),
        (
            "shipped",
            "кои проекти са за деца",
            ["Дворът на училище", "Площадки и пейки"],
            ["Топъл обяд", "Околовръстен"],
        ),
        ("danube", "what projects are there for kids", ["Education mediators"], ["dike"]),
    ],
)
def test_lists_with_a_filter(
    bases: dict[str, Engine], base: str, question: str, listed: list[str], left_out: list[str]
) -> None:
    """ "What is being built in X" lists what is ongoing there (the cue's own words set the
    status); "what is done in X" lists all; "for children" takes in the schools."""
    answer = bases[base].answer(question)
    reply = answer.reply.plain()
    assert answer.kind == "list"
    assert all(name in reply for name in listed)
    assert not any(name in reply for name in left_out)


@pytest.mark.parametrize(
    ("base", "typed", "meant"),
    [
        ("vine", "кога тръгва маршрута на иното", "виното"),  # not "киното": wine is asked
        ("danube", "колко големи краби акостират на кея", "кораби"),
        ("danube", "колко дълга е ldkata до салчиени", "лодката"),
        ("mountain", "хижата на сърнена поляма затворена ли е", "поляна"),
    ],
)
def test_a_typo_reads_as_the_word_that_fits_the_question(
    bases: dict[str, Engine], base: str, typed: str, meant: str
) -> None:
    """Of the words one typo away, the one a project holds beside the question's other words
    (a long word one typo from one word only, in its stem, is that word, not a guess)."""
    reader = bases[base].reader
    fixed, corrected = reader.speller.fix(typed, reader._known, reader._fits)
    assert meant in fixed.split() and corrected <= {meant}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("коло струва", "колко"), ("олко струва", "колко"), ("ade e zalata", "къде"),
     ("wha is the budget", "what"), ("akvi proekti ima", "какви")],
)  # fmt: skip
def test_a_question_word_one_letter_off(bases: dict[str, Engine], typed: str, meant: str) -> None:
    """A word written nowhere and one letter off a question word, the first letter too, is it."""
    reader = bases["vine"].reader
    assert meant in reader.speller.fix(typed, reader._known)[1]


@pytest.mark.parametrize(
    "typed", ["колко струва паркинг за кола", "what's the weather", "как се казва кметът"]
)
def test_no_unrelated_word_is_read_as_a_question_word(bases: dict[str, Engine], typed: str) -> None:
    """A letter replaced is no typo of a question word ("кола" is not "кога"); known words stay."""
    reader = bases["danube"].reader
    fixed, corrected = reader.speller.fix(typed, reader._known, reader._fits)
    assert fixed == typed and not corrected


@pytest.mark.parametrize(
    ("message", "asked", "aside"),
    [
        ("от колко пласта е асфалтът, че се чудя дали ще издържи камионите", "пласта", "камионите"),
        ("колко ще е дълъг понтонът, че баща ми все пита", "понтонът", "баща"),
        ("вярно ли е, че ще има обмен с ученици", "обмен", None),
        ("кога излезе новината, че ще има нова зала", "зала", None),
    ],
)
def test_a_clause_that_says_why_it_is_asked_is_context(
    message: str, asked: str, aside: str | None
) -> None:
    """ ", че ..." after a question with words of its own says why it is asked, unless the
    question says nothing yet ("вярно ли е, че") or its noun is what the clause tells."""
    split = split_message(message)
    assert asked in split.question
    assert aside is None or (aside not in split.question and aside in split.context)


def test_a_second_how_many_is_no_budget(bases: dict[str, Engine]) -> None:
    """In "колко деца ... и в колко групи" both ask a count, neither asks the money."""
    parsed = bases["danube"].reader.read("Колко деца са обхванати и в колко групи?")
    assert parsed.answer == "count" and parsed.topic != "budget"
    assert parsed.counted == ["dec"]


@pytest.mark.parametrize(
    "question", ["как се казва лекарката в Тракийско", "как се казваше кметът"]
)
def test_how_is_one_called_asks_a_person(bases: dict[str, Engine], question: str) -> None:
    assert bases["vine"].reader.read(question).answer == "person"


def test_ko_asks_like_kvo() -> None:
    """The colloquial "ко" is "какво": its clause is part of the question, not its scene."""
    assert "пазар" in split_message("ко стаа през април на рибния пазар, има ли риба").question
