"""Facts that disagree: a status its dates contradict, a total that is not the grant plus the
own contribution, two phone numbers in one item; each a warning at its line with the fix."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bot.knowledge import Severity, agreement, load_knowledge
from bot.knowledge.agreement import budget_finding, phone_finding, status_findings
from bot.knowledge.model import Budget, Period
from tests.knowledge.test_validation import make_knowledge

TODAY = dt.date(2026, 6, 1)
BASE = "title: Парк\nstatus: {status}\nsummary: Нов парк.\n"


def period(start: str | None = None, end: str | None = None) -> Period:
    return Period.model_validate({"start": start, "end": end})


# (status, start, end, the start of the warning, or None when the status fits)
STATUSES: list[tuple[str, str | None, str | None, str | None]] = [
    ("completed", "2025-01-01", "2026-12-31", "the status is 'completed', but the end date"),
    ("completed", "2026-09-01", None, "the status is 'completed', but the start date"),
    ("completed", "2024-01-01", "2026-05-31", None),
    ("completed", None, None, None),
    ("planned", "2025-11-01", None, "the status is 'planned', but the start date 2025-11-01"),
    ("planned", "2026-01-01", "2027-01-01", None),  # five months late: a delay, not a mistake
    ("planned", "2026-09-01", "2027-09-01", None),
    ("ongoing", "2024-01-01", "2025-11-01", "the status is 'ongoing', but the end date"),
    ("ongoing", "2024-01-01", "2026-01-01", None),  # five months over: being finished
    ("ongoing", "2026-08-01", "2027-08-01", "the status is 'ongoing', but the start date"),
    ("ongoing", "2026-06-20", "2027-06-20", None),  # starts within the month
]


@pytest.mark.parametrize(("status", "start", "end", "said"), STATUSES)
def test_a_status_the_dates_contradict_is_told(
    status: str, start: str | None, end: str | None, said: str | None
) -> None:
    found = list(status_findings(status, period(start, end), TODAY))
    if said is None:
        assert found == []
    else:
        [message] = found
        assert message.startswith(said) and "write 'status: " in message


def test_the_status_warning_stands_on_the_status_line_and_can_be_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(agreement, "today", lambda: TODAY)
    text = BASE.format(status="completed") + "period:\n  start: 2026-01-01\n  end: 2027-01-01\n"
    make_knowledge(tmp_path, text)
    result = load_knowledge(tmp_path)
    [warning] = result.warnings
    assert (warning.line, warning.column, warning.severity) == (2, 9, Severity.WARNING)
    assert "the end date 2027-01-01 is still to come" in warning.message
    make_knowledge(tmp_path / "marked", text.replace("completed", "completed  # checked"))
    marked = load_knowledge(tmp_path / "marked")
    assert marked.problems == [] and len(marked.checked) == 1


def test_a_period_that_ends_before_it_starts_is_told_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(agreement, "today", lambda: TODAY)
    text = BASE.format(status="ongoing") + "period:\n  start: 2027-01-01\n  end: 2026-01-01\n"
    make_knowledge(tmp_path, text)
    [error] = load_knowledge(tmp_path).problems
    assert "is before the start date" in error.message


# (total, grant, own contribution, what the warning names, or None)
BUDGETS: list[tuple[str, str | None, str | None, str | None]] = [
    ("1000", "800", "150", "the total 1000 is not the grant 800 plus the own contribution 150"),
    ("1000", "800", "200", None),
    ("199467.56", "150000", "49467.55", None),  # a stotinka of rounding
    ("199467.56", "150000", "49460", "which make 199460 (a difference of 7.56)"),
    ("900", "800", "150", "(a difference of 50)"),
    ("1000", "800", None, None),  # the own contribution not given: nothing to add up
    ("1000", None, "150", None),
]


@pytest.mark.parametrize(("total", "grant", "own", "said"), BUDGETS)
def test_a_total_that_is_not_the_sum_is_told_with_the_three_amounts(
    total: str, grant: str | None, own: str | None, said: str | None
) -> None:
    amounts = {"total": total, "grant": grant, "own_contribution": own}
    budget = Budget.model_validate({k: v and Decimal(v) for k, v in amounts.items()})
    found = budget_finding(budget)
    assert (found is None) == (said is None), found
    if said is not None:
        assert found is not None and said in found and "check the three amounts" in found


def test_the_budget_warning_stands_on_the_total(tmp_path: Path) -> None:
    budget = "budget:\n  total: 1000\n  grant: 800\n  own_contribution: 150\n"
    make_knowledge(tmp_path, BASE.format(status="ongoing") + budget)
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None
    [warning] = result.warnings
    assert (warning.line, warning.column) == (5, 10)


# (the item as written, the items to write instead, or None when it is one number)
PHONES: list[tuple[str, str | None]] = [
    ("0888 123 456, 0777 111 222", '["0888 123 456", "0777 111 222"]'),
    ("0888 123 456 / 0777 111 222", '["0888 123 456", "0777 111 222"]'),
    ("0888123456;0887654321", '["0888123456", "0887654321"]'),
    ("032 62 31 23 или 0888 123 456", '["032 62 31 23", "0888 123 456"]'),
    ("+359 3561 7700 and +359 3561 7701", '["+359 3561 7700", "+359 3561 7701"]'),
    ("0888 123 456, вътр. 12, 0777 111 222", '["0888 123 456, вътр. 12", "0777 111 222"]'),
    ("032/62 31 23", None),  # the area code before a slash
    ("+359 3561 7700, вътр. 12", None),  # an extension
    ("+359 3561 7700", None),
]


@pytest.mark.parametrize(("phone", "items"), PHONES)
def test_two_phone_numbers_in_one_item_are_told_how_to_split(phone: str, items: str | None) -> None:
    found = phone_finding(phone)
    if items is None:
        assert found is None
    else:
        assert found == (
            f"more than one phone number in one item, '{phone}': write each number as an "
            f"item of its own: {items}"
        )


@pytest.mark.parametrize(
    ("lines", "line", "column"),
    [
        ('contacts:\n  - name: Иван\n    phones: ["0888 123 456, 032 62 31 23"]\n', 6, 14),
        ("contacts:\n  - name: Иван\n    phones:\n      - 0888 123 456 / 0777 111 222\n", 7, 9),
    ],
)
def test_the_phone_warning_stands_on_its_item(
    tmp_path: Path, lines: str, line: int, column: int
) -> None:
    make_knowledge(tmp_path, BASE.format(status="ongoing") + lines)
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None
    [warning] = result.warnings
    assert (warning.line, warning.column) == (line, column)
    assert "write each number as an item of its own" in warning.message


def test_two_phones_of_the_municipality_are_told_too(tmp_path: Path) -> None:
    make_knowledge(tmp_path, BASE.format(status="ongoing"))
    town = tmp_path / "municipality.yaml"
    town.write_text(
        town.read_text(encoding="utf-8") + 'phones: ["0888 123 456; 0777 111 222"]\n',
        encoding="utf-8",
    )
    [warning] = load_knowledge(tmp_path).warnings
    assert warning.file.endswith("municipality.yaml")
    assert '["0888 123 456", "0777 111 222"]' in warning.message
