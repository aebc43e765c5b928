"""A project's buttons offer only the parts its record has (contacts always: the municipality's)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.handlers.keyboards import project_keyboard, suggestions
from bot.knowledge import Project

BARE = {"__id__": "chitalishte", "title": "Читалище", "status": "ongoing", "summary": "Ремонт."}


def topics(fields: dict[str, Any], shown: str | None = None) -> list[str]:
    markup = project_keyboard(Project.model_validate({**BARE, **fields}), "bg", shown)
    data = [b.callback_data for row in markup.inline_keyboard for b in row]
    return [str(d).rsplit(":", 1)[1] for d in data if str(d).startswith("t:")]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, ["summary", "contacts"]),
        ({"budget": {"total": 38000}}, ["summary", "budget", "contacts"]),
        ({"budget": {"currency": "EUR"}}, ["summary", "contacts"]),
        ({"funding": "ЕСФ"}, ["summary", "budget", "contacts"]),
        ({"period": {"end": "2025-07-31"}}, ["summary", "dates", "contacts"]),
        ({"contract": {"date": "2025-03-01"}}, ["summary", "dates", "contacts"]),
        ({"contract": {"number": "0045"}}, ["summary", "contacts"]),
        ({"activities": [{"title": "Покрив"}]}, ["summary", "activities", "contacts"]),
        (
            {"activities": [{"title": "Покрив", "results": ["нов покрив"]}]},
            ["summary", "activities", "results", "contacts"],
        ),
        ({"results": ["нов покрив"]}, ["summary", "results", "contacts"]),
        ({"news": [{"date": "2025-05-10", "title": "Започна"}]}, ["summary", "news", "contacts"]),
    ],
)
def test_a_button_only_for_a_part_the_record_has(
    fields: dict[str, Any], expected: list[str]
) -> None:
    assert topics(fields) == expected


def test_the_part_shown_has_no_button_of_its_own() -> None:
    assert topics({"budget": {"total": 5}}, shown="budget") == ["summary", "contacts"]


@pytest.mark.parametrize(("count", "rows"), [(1, 1), (8, 8), (9, 5), (15, 8), (24, 12)])
def test_suggestions_go_two_to_a_row_past_eight(count: int, rows: int) -> None:
    projects = [
        Project.model_validate({**BARE, "__id__": f"project-{n}", "title": f"Проект {n}"})
        for n in range(count)
    ]
    markup = suggestions(projects, "bg")
    assert len(markup.inline_keyboard) == rows
    data = [str(b.callback_data) for row in markup.inline_keyboard for b in row]
    assert len(data) == count and len(set(data)) == count
    assert all(len(d.encode()) <= 64 for d in data)
