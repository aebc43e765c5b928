"""An FAQ answer of a project is found by the ways its question is asked, and quoted whole
(bot/engine/facts.py, detail.py, replies.py)."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # "плаща ли се" is said only by the FAQ question ("Плаща ли се превозът?")
        ("danube", "плаща ли се нещо за училищния автобус", "uchilishten-avtobus", "безплатен"),
        ("vine", "do i have to pay for the water from the canal?", None, "0.09 euro"),
        ("danube", "kolko e naema za sergiq na ribniq pazar", "riben-pazar", "25 евро на месец"),
        ("danube", "кога ще започнат пак да спират круизните кораби", None, "летния сезон на 2027"),
        ("vine", "каква е таксата за вода за напояване", None, "0,09 евро"),
        ("vine", "колко е обядът в училище", "school-canteen", "2,80 евро"),
        # the answer is quoted whole: its second sentence holds the number
        ("danube", "moga li da si vyrzhvam lodkata na noviq ponton", None, "30 места"),
    ],
)
def test_the_faq_question_finds_its_answer(
    bases: dict[str, Engine], base: str, question: str, project: str | None, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.kind in ("quote", "faq")
    assert project is None or answer.project == project
    assert fact in answer.reply.plain()


def test_the_answer_is_quoted_once(bases: dict[str, Engine]) -> None:
    """Two sentences of one FAQ answer found together give the answer once."""
    plain = bases["danube"].answer("moga li da si vyrzhvam lodkata na noviq ponton").reply.plain()
    assert plain.count("30 места") == 1


def test_a_sentence_that_says_the_word_beats_one_only_its_question_says(
    bases: dict[str, Engine],
) -> None:
    """ "free" is in the question of an FAQ entry with two answers' sentences: the one that
    says "free" itself is the answer, not the fee of today's service."""
    answer = bases["danube"].answer("Was the patronage care for old people free?", lang="en")
    assert "completely free" in answer.reply.plain()


def test_a_word_like_the_faq_question_s_is_no_match(bases: dict[str, Engine]) -> None:
    """ "лодкар" in the context is not the FAQ question's "лодки": the pontoon's length stays."""
    question = (
        "Добър ден. Баща ми беше лодкар цял живот и помни как на кея спираха корабите от Виена. "
        "Сега казват, че сте взели европейски пари и ще има пак спирки. Интересно ми е по коя "
        "програма е това и колко ще е понтонът на дължина, че той все пита."
    )
    answer = bases["danube"].answer(question, Conversation())
    assert "48 метра" in answer.reply.plain()


def test_every_general_faq_question_asked_in_its_own_words_gets_its_answer(
    bases: dict[str, Engine],
) -> None:
    """What the staff wrote as a question of the municipality's FAQ, asked as written, is
    answered by its entry, even when a project shares its words ("Няма вода в селото, на
    кого да се обадя?" beside a water main) or it sets the scene first; a question for the
    projects may get their list."""
    missed = []
    for name, engine in bases.items():
        for qa in engine.knowledge.faq:
            for question in qa.questions:
                answer = engine.answer(question, Conversation())
                said = {text[:60] for _, text in qa.answer.values()}
                if answer.kind != "list" and not any(s in answer.reply.plain() for s in said):
                    missed.append((name, question, answer.kind, answer.project))
    assert missed == [], missed
