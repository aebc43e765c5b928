"""Sums written with a word of a thousand or a million ("620 хил. евро", "18 хил. лв", "1,2 млн.
евро") are money; the word after the thousand says what is counted ("3 хил. посетители"). The
price of one use ("колко струва да наема ... за сватба") is stated only by a sentence that holds
all the question names, or by an FAQ's answer: a sum the municipality saves by no longer renting
is no fee for a wedding. Written for the blind v9 failures (issue 8, round ten), on a base of
their own (no tuning base writes "хил.")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.facts import make_fact
from bot.knowledge import load_or_raise

PROJECT = """\
title: Нов покрит пазар в центъра
status: planned
summary: >-
  Общината ще построи покрит пазар с 40 сергии на мястото на стария открит пазар. Прогнозна
  стойност около 340 хил. лв, от бюджета на общината.
aliases: [пазара, покрития пазар]
activities:
  - title: {bg: Дарение}
    summary: {bg: Местната фирма „Зелен хълм“ дари 15 хил. лв за хладилните витрини.}
  - title: {bg: Без шатри}
    summary:
      bg: Общината вече няма да наема шатри за съботния базар (спестени около 12 хил. евро годишно).
  - title: {bg: Посетители}
    summary: {bg: Очакват се около 3 хил. посетители седмично.}
"""


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("market")
    (folder / "projects").mkdir()
    (folder / "municipality.yaml").write_text(
        "name: Община Тест\nwebsite: https://example.bg\n", encoding="utf-8"
    )
    (folder / "projects" / "market.yaml").write_text(PROJECT, encoding="utf-8")
    return Engine(load_or_raise(folder))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("дарение от 12 хил. лв от местна фирма", "money"),
        ("спестени около 40 хил лева годишно", "money"),
        ("прогнозна стойност 1,2 млн. евро", "money"),
        ("ще струва към 85 хил. €", "money"),
        ("a grant of 300 thousand euro", "money"),
        ("около 3 хил. посетители на година", "count"),
        ("about 20 thousand visitors a year", "count"),
    ],
)
def test_a_thousand_is_money_unless_a_noun_follows(text: str, kind: str) -> None:
    kinds = make_fact("summary", {"bg": text}).kinds
    assert kind in kinds
    assert ("money" in kinds) == (kind == "money")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("колко ще струва покритият пазар", "340 хил. лв"),
        ("how much will the covered market cost", "340 хил. лв"),
        ("абе колко ще излезе тоя пазар", "340 хил. лв"),
        ("колко пари дари зелен хълм за пазара", "15 хил. лв"),
        ("с колко пари помогна фирмата за витрините на пазара", "15 хил. лв"),
        ("колко спестява общината от шатрите с новия пазар", "12 хил. евро"),
    ],
)
def test_a_sum_in_thousands_answers_how_much(market: Engine, question: str, fact: str) -> None:
    answer = market.answer(question)
    assert answer.answered and answer.project == "market", answer.reply.plain()
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    "question",
    [
        "колко струва да наема шатра на пазара за сватба",
        "колко ще ми струва да наема сергия на пазара за рождения ден на детето",
        "колко струва да наемеш шатра от пазара за събор",
    ],
)
def test_the_price_of_one_use_no_sentence_states_is_declined(market: Engine, question: str) -> None:
    answer = market.answer(question)
    assert not answer.answered, answer.reply.plain()
