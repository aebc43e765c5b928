"""A project's FAQ entry is found by a synonym of its question's words, and by a message that
tells its words in a story before a short question (bot/engine/faq.py)."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.engine.faq import FaqEntry, stem_keys, told_score, with_synonyms
from bot.engine.normalize import terms


def _entry(*questions: str) -> FaqEntry:
    variants = tuple(frozenset(terms(q)) for q in questions)
    keys = tuple(stem_keys(with_synonyms(v)) for v in variants)
    return FaqEntry(None, "p", variants, keys, frozenset().union(*keys))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "synonym"),
    [("запиша", "кандидатствам"), ("плащаме", "платя"), ("бусове", "автобус"), ("псета", "кучета")],
)
def test_a_word_s_synonyms_are_its_keys(word: str, synonym: str) -> None:
    assert terms(synonym)[0] in with_synonyms(frozenset(terms(word)))


@pytest.mark.parametrize(
    ("story", "asked", "entry", "score"),
    [
        # the story holds the entry's words, the question one of them: the entry is asked
        ("отклонение къщата плащаме", "плащаме", ("платя отклонение къщата",), 1.0),
        ("продавам безплатно село място", "място", ("място безплатно", "продавам село"), 1.0),
        # the question shares no word with the entry: the story alone asks nothing
        ("отклонение къщата кога", "кога", ("платя отклонение къщата",), 0.0),
        # an entry question of one word is held by too many stories
        ("улица лампа", "лампа", ("лампа",), 0.0),
    ],
)
def test_a_story_asks_an_entry_its_question_shares_a_word_with(
    story: str, asked: str, entry: tuple[str, ...], score: float
) -> None:
    found = told_score(frozenset(terms(story)), frozenset(terms(asked)), _entry(*entry))
    assert found == pytest.approx(score)


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        # "запиша" is the FAQ question's "кандидатства"
        (
            "mountain",
            "Здравейте, синът ми е на 22 години и от година стои вкъщи без работа. Чух, че в "
            "горите наемат младежи по някакъв проект. Може ли още да се запише?",
            "youth-forest-jobs",
            "всички 24 места са заети",
        ),
        # the story says the entry's words ("поливам", "водата", "канала"), the question "плаща"
        (
            "vine",
            "Здравейте, имам лозе над Гроздево и всяко лято поливам с вода от канала. Тази "
            "година на кого се плаща?",
            "irrigation-canal-repair",
            "0,09 евро на кубик",
        ),
        (
            "vine",
            "Здравейте, дъщеря ми се жени догодина и търсим голяма зала за сватбата. Ще може ли "
            "да наемем новата зала?",
            "wine-fair-hall",
            "след като залата бъде открита",
        ),
    ],
)
def test_a_chatty_question_gets_the_project_s_faq_answer(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question, Conversation())
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()
