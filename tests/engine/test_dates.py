"""A contract date is never presented as the project's start date."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import load_or_raise

PROJECT = """\
title: Новата зала на читалището
status: ongoing
summary: Ремонт на залата на читалището.
aliases: [залата]
contract:
  number: "BG-1"
  date: 2017-09-13
"""


@pytest.mark.parametrize(
    ("period", "lang", "shown", "not_shown"),
    [
        ("", "bg", "Договорът е подписан на: 13 септември 2017 г.", "Начало"),
        ("", "en", "Contract signed on: 13 September 2017", "Start"),
        ("period: {start: 2017-10-01}\n", "bg", "Начало: 1 октомври 2017 г.", "подписан"),
    ],
    ids=["no period, bg", "no period, en", "a period"],
)
def test_dates_reply_names_a_contract_date_as_such(
    tmp_path: Path, period: str, lang: str, shown: str, not_shown: str
) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        "name: Община Тест\nwebsite: https://example.bg\n", encoding="utf-8"
    )
    (tmp_path / "projects" / "hall.yaml").write_text(PROJECT + period, encoding="utf-8")
    engine = Engine(load_or_raise(tmp_path))
    answer = engine.answer("кога започна ремонтът на залата", lang=lang)
    reply = answer.reply.plain().replace("\u00a0", " ")
    assert (answer.project, answer.topic) == ("hall", "dates")
    assert shown in reply and not_shown not in reply


NEWS = """\
period: {start: 2025-03-01, end: 2026-08-31}
news:
  - date: 2025-11-20
    title: {bg: Покривът на залата е готов, en: The hall's roof is finished}
"""


@pytest.mark.parametrize(
    ("question", "lang", "first"),
    [
        ("кога приключва ремонтът на залата", "bg", "Край: 31 август 2026 г."),
        ("when will the hall be finished", "en", "End: 31 August 2026"),
        ("koga shte e gotova zalata", "bg", "Край: 31 август 2026 г."),
        ("кога беше готов покривът на залата", "bg", "20 ноември 2025 г. – Покривът"),
    ],
)
def test_the_end_asked_of_the_project_is_its_own_before_a_part_s(
    tmp_path: Path, question: str, lang: str, first: str
) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        "name: Община Тест\nwebsite: https://example.bg\n", encoding="utf-8"
    )
    (tmp_path / "projects" / "hall.yaml").write_text(PROJECT + NEWS, encoding="utf-8")
    answer = Engine(load_or_raise(tmp_path)).answer(question, lang=lang)
    lines = answer.reply.plain().replace("\u00a0", " ").splitlines()
    assert answer.project == "hall" and first in "\n".join(lines[1:3])
