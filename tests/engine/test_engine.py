"""Behaviour of the engine that the question sets do not show one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.engine import Conversation, Engine
from bot.knowledge import load_or_raise

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_or_raise(KNOWLEDGE))


def test_follow_up_keeps_the_project(engine: Engine) -> None:
    chat = Conversation()
    first = engine.answer("колко струва паркът", chat)
    assert (first.project, first.topic) == ("park-block-66", "budget")
    second = engine.answer("а кога приключи?", chat)
    assert (second.project, second.topic) == ("park-block-66", "dates")
    third = engine.answer("and the goals?", chat)
    assert (third.project, third.topic, third.lang) == ("park-block-66", "goals", "en")


def test_follow_up_switches_project_and_keeps_topic(engine: Engine) -> None:
    chat = Conversation()
    engine.answer("колко струва санирането на училищата", chat)
    answer = engine.answer("а за пречиствателната станция?", chat)
    assert (answer.project, answer.topic) == ("water-cycle", "budget")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("колко струва паркът", "bg"),
        ("kolko struva parka", "bg"),
        ("koga 6te po4nat ulicite", "bg"),
        ("how much did the park cost", "en"),
        ("park programme", "en"),
    ],
)
def test_reply_language(engine: Engine, question: str, lang: str) -> None:
    assert engine.answer(question).lang == lang


def test_caller_can_fix_the_language(engine: Engine) -> None:
    answer = engine.answer("колко струва паркът", lang="en")
    assert answer.lang == "en" and "199,467.56" in answer.reply.plain()


def test_budget_gives_both_currencies(engine: Engine) -> None:
    reply = engine.answer("колко струва проекта за мониторинг").reply.plain()
    assert "79\u00a0829,24\u00a0лв." in reply and "40\u00a0816,04\u00a0€" in reply


def test_empty_partner_list_is_said_plainly(engine: Engine) -> None:
    assert "no partners" in engine.answer("monitoring project partners").reply.plain()


def test_missing_fact_is_said_honestly_with_contacts(engine: Engine) -> None:
    answer = engine.answer("how much does the ring road take to build, when does it start")
    assert answer.answered and answer.missing
    assert "not in our data" in answer.reply.plain()
    assert "+359 3561 7777" in answer.reply.plain()


def test_near_tie_is_offered_as_a_suggestion(engine: Engine) -> None:
    answer = engine.answer("hot lunch")
    assert answer.project == "hot-lunch" and "hot-lunch-2016" in answer.suggestions


def test_unknown_subject_is_declined_with_contacts(engine: Engine) -> None:
    answer = engine.answer("колко струва метрото в Септември?")
    assert not answer.answered and answer.project is None
    assert "79" not in answer.reply.plain()


@pytest.mark.parametrize("noise", ["🎉" * 300, "a" * 5000, "?!", "   ", "колко " * 1000])
def test_noise_gets_a_polite_answer(engine: Engine, noise: str) -> None:
    answer = engine.answer(noise)
    assert answer.reply.plain()
    assert not answer.answered or answer.kind in ("clarify", "fallback", "project")


def test_json_has_exactly_the_contract_fields(engine: Engine) -> None:
    data = json.loads(json.dumps(engine.answer("kolko struva parka").to_json()))
    assert set(data) == {
        "question",
        "lang",
        "answered",
        "reply",
        "project",
        "topic",
        "confidence",
        "suggestions",
    }
    assert data["project"] == "park-block-66" and data["topic"] == "budget"
    assert "<" not in data["reply"]


def test_html_escapes_knowledge_text(tmp_path: Path) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        "name: Община <Тест> & Ко\nwebsite: https://example.bg/?a=1&b=2\n", encoding="utf-8"
    )
    (tmp_path / "projects" / "park.yaml").write_text(
        "title: Парк <b>Нов</b> & зелен\nstatus: planned\nsummary: Нов парк за <деца> & "
        "възрастни.\naliases: [парк]\n",
        encoding="utf-8",
    )
    engine = Engine(load_or_raise(tmp_path))
    answer = engine.answer("какво е парка")
    html = answer.reply.html()
    assert "&lt;b&gt;Нов&lt;/b&gt; &amp; зелен" in html
    assert "<деца>" not in html and "&lt;деца&gt;" in html
    fallback = engine.answer("asdf qwer").reply.html()
    assert 'href="https://example.bg/?a=1&amp;b=2"' in fallback


def test_project_added_later_in_the_minimal_format_is_found(tmp_path: Path) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        (KNOWLEDGE / "municipality.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for source in (KNOWLEDGE / "projects").glob("*.yaml"):
        (tmp_path / "projects" / source.name).write_text(
            source.read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "projects" / "vetren-library.yaml").write_text(
        "title: Обновяване на градската библиотека във Ветрен\nstatus: ongoing\n"
        "summary: Ремонт на покрива и нови компютри за читателите на библиотеката.\n"
        "budget: {total: 120000}\n",
        encoding="utf-8",
    )
    engine = Engine(load_or_raise(tmp_path))
    for question in (
        "колко струва библиотеката във Ветрен",
        "kolko struva bibliotekata",
        "how much is the library renovation in Vetren",
    ):
        answer = engine.answer(question)
        assert (answer.project, answer.topic) == ("vetren-library", "budget"), question
        assert "120" in answer.reply.plain()
