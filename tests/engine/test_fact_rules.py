"""Rules of the seventh round about the exact fact once the project is right: the period of a
rate asked, a verb finding the nouns made from it, "без-" finding the opposite, the days of the
week and citizens' words across languages, how far the works have got, and two questions in one
message."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.engine.fuzzy import Vocabulary
from bot.engine.glossary import GLOSSARY
from bot.engine.normalize import terms
from bot.engine.periods import periods_of


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("по колко кораба на година ще спират", {"year"}),
        ("около 480 ученици обядват всеки ден", {"day"}),
        ("how many visitors per month", {"month"}),
        ("kolko struva na chas", {"hour"}),
        ("построен през 1984 година", set()),  # a year of a date is no period
        ("на Деня на Дунав", set()),
    ],
)
def test_the_period_a_text_names(text: str, periods: set[str]) -> None:
    assert periods_of(text) == periods


VOCABULARY = Vocabulary(
    terms("отопление осветление осветен безплатни безопасен платен отпадъци изпълнител")
)


@pytest.mark.parametrize(
    ("word", "found", "not_found"),
    [
        ("отоплява", {"отопление"}, set()),  # a verb finds the noun made from its stem
        ("осветяват", {"осветление", "осветен"}, set()),
        ("изпълнява", {"изпълнител"}, set()),
        ("платен", {"безплатни"}, set()),  # "без-" says the opposite, and answers yes or no
        ("безплатен", {"платен"}, set()),
        ("опасен", {"безопасен"}, set()),
    ],
)
def test_related_words_a_sentence_answers_by(
    word: str, found: set[str], not_found: set[str]
) -> None:
    (term,) = terms(word)
    related = set(VOCABULARY.related(term))
    assert {t for w in found for t in terms(w)} <= related
    assert not {t for w in not_found for t in terms(w)} & related


def test_only_an_imperfective_ending_is_cut() -> None:
    """ "отпада" has no ending of "-ява", "-ава", "-ува", "-ива": no noun is made from it."""
    assert VOCABULARY.verb_nouns("otpad") == []


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("what kind of heating are they putting in", None),  # "are" folds like "area"
        ("how many people are there", "count"),
        ("what is the floor area of the hall", "size"),
        ("how big is the hall", "size"),
        ("how many hectares along the road", "size"),
    ],
)
def test_the_kind_of_answer_in_english(
    bases: dict[str, Engine], question: str, answer: str | None
) -> None:
    assert bases["vine"].reader.read(question).answer == answer


@pytest.mark.parametrize(
    ("english", "bulgarian"),
    [("mondays", "понеделник"), ("sunday", "неделя"), ("fridays", "петък")],
)
def test_the_days_of_the_week_across_languages(english: str, bulgarian: str) -> None:
    assert set(terms(bulgarian)) <= set(GLOSSARY.translate(terms(english)))


@pytest.mark.parametrize(
    ("base", "question", "facts"),
    [
        # the period of a rate asked picks the sentence that states it, not the summary's words
        ("danube", "по колко кораба на година ще спират в ладовица", ["60 спирания"]),
        ("vine", "колко деца ядат в стола на ден", ["480 ученици"]),
        ("vine", "колко ученици обядват в стола всеки ден", ["480 ученици"]),
        # a verb finds its noun: "отоплява" the "отопление", "осветяват" the "осветена"
        ("spa", "с какво се отоплява салонът в Сърнино", ["термопомпа"]),
        ("mountain", "детския влек ще го осветяват ли вечер", ["нощно каране"]),
        # "платен ли е" is answered by what is free
        ("spa", "паркингът до банята платен ли е", ["2 часа"]),
        # a day of the week asked in English finds the Bulgarian-only word of the hours
        ("mountain", "is the visitor centre open on mondays", ["closed on Mondays"]),
        # "are" is no "area": an English question with "are" asks no size
        ("vine", "what kind of heating are they putting in the Trakiysko surgery", ["heat-pump"]),
        # "meant for" is a verb, which chooses no sentence; the young people counted are
        ("vine", "how many young people is the youth center meant for", ["1,300"]),
        # a citizen's word for the trade's: "stink" finds the smell the FAQ speaks of
        ("danube", "will the treatment plant stink", ["1.5 km"]),
        # how far the works have got is a share done; "докъде" asks, it sets no scene
        (
            "vine",
            "докъде е стигнал строежът на панаирната зала, покривът сложен ли е",
            ["70 %"],
        ),
        ("vine", "на какъв етап е строежът на изложбената зала", ["70 %"]),
        # a village among the project's places picks, of the sentences that hold the question,
        # the one about it: the works stopped in Каменарци, not the fountain in Букак
        ("spa", "спряха ли работата по чешмата в каменарци", ["март 2027"]),
        ("spa", "чешмата в букак кога ще тече", ["края на април 2027"]),
        # two questions, two facts
        ("spa", "кой строи салона в Сърнино и колко струваше?", ["Строй Баланс", "894 600"]),
        (
            "mountain",
            "Дядо ми е работил на лифта още когато са го строили. Вярно ли е, че сменят всичко"
            " – в коя година е построен лифтът и колко дълго е въжето?",
            ["1984", "2 860 м"],
        ),
    ],
)
def test_the_fact_asked_is_quoted(
    bases: dict[str, Engine], base: str, question: str, facts: list[str]
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered
    plain = answer.reply.plain().replace("\xa0", " ")
    for fact in facts:
        assert fact in plain


def test_a_second_question_adds_nothing_said_already(bases: dict[str, Engine]) -> None:
    """ "кога започва и кога свършва": one dates field, not the same lines twice."""
    reply = bases["mountain"].answer("кога започва и кога свършва ремонтът на лифта").reply
    lines = [line for line in reply.plain().splitlines() if line]
    assert len(lines) == len(set(lines))


@pytest.mark.parametrize(
    ("base", "first", "role", "fact"),
    [
        # a role alone asks who it is, though the glossary's "стоматологичен" names the project
        ("mountain", "кога има личен лекар в смреча", "а зъболекар", "Вяра Тошкова"),
        ("mountain", "кога има личен лекар в смреча", "а стоматолог", "Вяра Тошкова"),
    ],
)
def test_a_role_alone_asks_who(
    bases: dict[str, Engine], base: str, first: str, role: str, fact: str
) -> None:
    chat = Conversation()
    bases[base].answer(first, chat)
    answer = bases[base].answer(role, chat)
    assert answer.answered
    assert fact in answer.reply.plain()
