"""A municipality that starts small: one project, no news, no faq.yaml, only the required fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import load_or_raise

MUNICIPALITY = "name: Община Белоречие\nwebsite: https://belorechie.bg\n"
PROJECT = (
    "title: Ремонт на читалището\nstatus: ongoing\nsummary: Ремонт на покрива на читалището.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("belorechie")
    (folder / "projects").mkdir()
    (folder / "municipality.yaml").write_text(MUNICIPALITY, encoding="utf-8")
    (folder / "projects" / "chitalishte.yaml").write_text(PROJECT, encoding="utf-8")
    return Engine(load_or_raise(folder))


@pytest.mark.parametrize(
    ("question", "says", "never"),
    [
        ("новини", "Още няма новини", None),
        ("latest news", "There is no news", None),
        ("кои проекти са завършени", "Не намерих проекти", "(0)"),
        ("which projects are completed", "I found no projects", "(0)"),
        ("какви проекти има", "Ремонт на читалището", None),
    ],
)
def test_nothing_to_list_is_said_not_shown_as_an_empty_heading(
    engine: Engine, question: str, says: str, never: str | None
) -> None:
    reply = engine.answer(question).reply.plain()
    assert says in reply
    assert len(reply.splitlines()) > 1
    assert never is None or never not in reply


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("кога приключва", "Датите на проекта не са публикувани"),
        ("какво е състоянието на проекта", "Проектът е в изпълнение"),
        ("what is the status", "The project is ongoing"),
        ("кой е изпълнителят", "Изпълнителите на проекта не са посочени"),
        ("какви дейности има по проекта", "Дейностите по проекта не са описани"),
    ],
)
def test_a_base_of_one_project_never_asks_which_project(
    engine: Engine, question: str, says: str
) -> None:
    """Asked for a part of "the project", a base of one project answers about it (the firm it
    does not name: that it is not in our data, about that project)."""
    answer = engine.answer(question)
    assert answer.kind != "clarify"
    assert answer.project == "chitalishte" or answer.suggestions == ("chitalishte",)
    assert says in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("адрес на общината", "Адресът на общината не е публикуван"),
        ("кой е кметът", "Кметът на общината не е посочен"),
        ("who is the mayor", "The mayor is not named in our data"),
        ("имейл на общината", "Имейлът на общината не е публикуван"),
        ("what are the office hours", "office hours are not in our data"),
    ],
)
def test_a_field_the_municipality_has_not_filled_in_is_said_to_be_unknown(
    engine: Engine, question: str, says: str
) -> None:
    """Only name and website in municipality.yaml: what is asked is said to be unknown."""
    answer = engine.answer(question)
    assert answer.kind == "municipality" and says in answer.reply.plain()
    assert "https://belorechie.bg" in answer.reply.plain()
