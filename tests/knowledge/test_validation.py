"""Staff mistakes come back as FILE:LINE:COLUMN with a message that says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Severity, load_knowledge

MUNICIPALITY = """\
name:
  bg: Община Тест
  en: Test Municipality
website: https://example.bg
"""

PROJECT = """\
title:
  bg: Топъл обяд
  en: Hot lunch
status: ongoing
summary:
  bg: Безплатен обяд за хора в нужда.
  en: A free lunch for people in need.
news:
  - date: 2024-06-11
    title:
      bg: Услугата продължава
      en: The service continues
    url: https://example.bg/news
budget:
  total: 1000.50
"""


def make_knowledge(root: Path, project: str | bytes, name: str = "hot-lunch.yaml") -> Path:
    """A knowledge folder with a valid municipality and one project file."""
    (root / "projects").mkdir(parents=True)
    (root / "municipality.yaml").write_text(MUNICIPALITY, encoding="utf-8")
    target = root / "projects" / name
    if isinstance(project, bytes):
        target.write_bytes(project)
    else:
        target.write_text(project, encoding="utf-8")
    return target


def problems_of(root: Path) -> list[tuple[str, int, int, str, Severity]]:
    result = load_knowledge(root)
    return [(Path(p.file).name, p.line, p.column, p.message, p.severity) for p in result.problems]


# (case, project file text, line, column, words the message must contain)
CASES = [
    (
        "yaml syntax",
        PROJECT.replace("status: ongoing", "status: ongoing: yes"),
        4,
        16,
        ["YAML syntax error", "colon", "quotes"],
    ),
    (
        "tab indent",
        PROJECT.replace("  en: Hot lunch", "\ten: Hot lunch"),
        3,
        1,
        ["tab character", "replace the tab with spaces"],
    ),
    ("wrong type", PROJECT + "aliases: hot lunch\n", 16, 10, ["expected a list", "'- '"]),
    (
        "not a short text",
        PROJECT + "programme_code: {bg: BG05}\n",
        16,
        17,
        ["expected a short text", "write one plain text here, without 'bg:' and 'en:'"],
    ),
    (
        "missing field",
        PROJECT.replace("status: ongoing\n", ""),
        1,
        1,
        ["required field 'status' is missing", "status: ongoing"],
    ),
    (
        "unknown field",
        PROJECT + "titel: x\n",
        16,
        1,
        ["unknown field 'titel'", "did you mean 'title'"],
    ),
    (
        "bad date",
        PROJECT.replace("2024-06-11", "11.06.2024"),
        9,
        11,
        ["'11.06.2024'", "YYYY-MM-DD", "write 2024-06-11"],
    ),
    (
        "date in words, as a letter is dated",
        PROJECT.replace("2024-06-11", "11 юни 2024 г."),
        9,
        11,
        ["'11 юни 2024 г.'", "YYYY-MM-DD", "write 2024-06-11"],
    ),
    (
        "date in English words",
        PROJECT.replace("2024-06-11", "June 11, 2024"),
        9,
        11,
        ["'June 11, 2024'", "YYYY-MM-DD", "write 2024-06-11"],
    ),
    (
        "date in words that does not exist",
        PROJECT.replace("2024-06-11", "30 февруари 2024"),
        9,
        11,
        ["not a real calendar date"],
    ),
    (
        "impossible date",
        PROJECT.replace("2024-06-11", "2024-02-30"),
        9,
        11,
        ["not a real calendar date"],
    ),
    (
        "bad url",
        PROJECT.replace("https://example.bg/news", "example.bg/news"),
        13,
        10,
        ["must start with https://", "https://example.bg/news"],
    ),
    (
        "amount as text",
        PROJECT.replace("1000.50", '"около 1 000"'),
        15,
        10,
        ["written as text", "plain number with a dot", "79829.24"],
    ),
    (
        "amount as text, with spaces, a comma and the currency",
        PROJECT.replace("1000.50", "1 000,50 лв."),
        15,
        10,
        ["'1 000,50 лв.' is written as text", "write 1000.50 (a plain number"],
    ),
    (
        "amount with a comma for thousands and a dot for decimals",
        PROJECT.replace("1000.50", '"1,000.50"'),
        15,
        10,
        ["write 1000.50"],
    ),
    (
        "unknown status",
        PROJECT.replace("status: ongoing", "status: finished"),
        4,
        9,
        ["unknown status 'finished'", "did you mean 'completed'", "planned, ongoing, completed"],
    ),
    *(
        (
            f"status as the bot shows it: {word}",
            PROJECT.replace("status: ongoing", f"status: {word}"),
            4,
            9,
            [f"did you mean '{meant}'"],
        )
        for word, meant in [
            ("В изпълнение", "ongoing"),
            ("изпълнява се", "ongoing"),
            ("предстои", "planned"),
            ("Планиран", "planned"),
            ("приключил", "completed"),
            ("приключен", "completed"),
            ("завършено", "completed"),
            ("изпълнен", "completed"),
        ]
    ),
    (
        "duplicate key",
        PROJECT + "status: completed\n",
        16,
        1,
        ["duplicate key 'status'", "first given on line 4"],
    ),
    ("empty file", "# nothing yet\n", 1, 1, ["the file is empty"]),
    (
        "unknown language",
        PROJECT.replace("  en: Hot lunch", "  eng: Hot lunch"),
        3,
        3,
        ["'eng' is not a language code", "did you mean 'en'?"],
    ),
    (
        "phone without digits",
        PROJECT + "contacts:\n  - name: Иван\n    phones: [кметството]\n",
        18,
        14,
        ["expected a phone number but found 'кметството'", "as people dial it"],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "line", "column", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_mistake_is_reported_at_its_place(
    tmp_path: Path, case: str, text: str, line: int, column: int, words: list[str]
) -> None:
    make_knowledge(tmp_path, text)
    errors = [p for p in problems_of(tmp_path) if p[4] is Severity.ERROR]
    assert len(errors) == 1, errors
    file, got_line, got_column, message, _ = errors[0]
    assert (file, got_line, got_column) == ("hot-lunch.yaml", line, column), message
    for word in words:
        assert word in message, message
    assert load_knowledge(tmp_path).knowledge is None


def test_non_utf8_file(tmp_path: Path) -> None:
    make_knowledge(tmp_path, PROJECT.replace("Hot lunch", "Топъл").encode("cp1251"))
    [(file, line, column, message, _)] = problems_of(tmp_path)
    assert (file, line, column) == ("hot-lunch.yaml", 2, 7)
    assert message.startswith("the file is saved in the Windows-1251 encoding, not in UTF-8")
    assert "save it as UTF-8" in message


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    broken = PROJECT.replace("status: ongoing", "status: done").replace("2024-06-11", "soon")
    make_knowledge(tmp_path, broken + "colour: red\n")
    found = {(line, column) for _, line, column, _, _ in problems_of(tmp_path)}
    assert found == {(4, 9), (9, 11), (16, 1)}


def test_duplicate_project_id(tmp_path: Path) -> None:
    make_knowledge(tmp_path, PROJECT)
    (tmp_path / "projects" / "old").mkdir()
    (tmp_path / "projects" / "old" / "hot-lunch.yaml").write_text(PROJECT, encoding="utf-8")
    [(file, line, column, message, _)] = problems_of(tmp_path)
    assert (file, line, column) == ("hot-lunch.yaml", 1, 1)
    assert "project id 'hot-lunch' is used twice" in message and "rename one" in message


def test_invalid_project_id(tmp_path: Path) -> None:
    make_knowledge(tmp_path, PROJECT, name="Hot Lunch.yaml")
    [(_, _, _, message, _)] = problems_of(tmp_path)
    assert "not a valid project id" in message and "hot-lunch.yaml" in message


def test_end_before_start(tmp_path: Path) -> None:
    make_knowledge(tmp_path, PROJECT + "period:\n  start: 2024-05-01\n  end: 2023-05-01\n")
    [(_, line, column, message, _)] = problems_of(tmp_path)
    assert (line, column) == (18, 8)
    assert "before the start date" in message


def test_missing_translation_is_a_warning(tmp_path: Path) -> None:
    make_knowledge(tmp_path, PROJECT.replace("  en: A free lunch for people in need.\n", ""))
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None
    [warning] = result.warnings
    assert (warning.line, warning.column) == (6, 3)
    assert "no English text" in warning.message
    assert str(warning).endswith("warning: " + warning.message)


def test_a_text_in_other_languages_alone_is_shown_and_the_warning_says_so(tmp_path: Path) -> None:
    make_knowledge(tmp_path, PROJECT + "funding:\n  de: ESF\n  fr: FSE\n")
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None
    [project] = result.knowledge.projects
    assert project.funding is not None and project.funding.get("bg") == "ESF"
    assert [(w.line, w.column, w.message) for w in result.warnings] == [
        (
            17,
            3,
            "no 'bg:' or 'en:' text here: the bot shows the 'de' text to everyone until "
            "you add them",
        ),
        (18, 3, "the bot speaks only bg and en: the 'fr' text is never shown"),
    ]


def test_drafts_are_skipped(tmp_path: Path) -> None:
    make_knowledge(tmp_path, PROJECT)
    (tmp_path / "projects" / "_draft.yaml").write_text("title: [broken", encoding="utf-8")
    (tmp_path / "projects" / ".hidden.yaml").write_text("\t\tbroken", encoding="utf-8")
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and not result.problems
    assert [p.id for p in result.knowledge.projects] == ["hot-lunch"]


def test_missing_municipality_file(tmp_path: Path) -> None:
    (tmp_path / "projects").mkdir()
    [(file, line, column, message, _)] = problems_of(tmp_path)
    assert (file, line, column) == ("municipality.yaml", 1, 1)
    assert "file is missing" in message


def test_minimal_project_written_by_someone_else(tmp_path: Path) -> None:
    minimal = "title: Нов парк\nstatus: planned\nsummary: Нов парк в центъра.\n"
    make_knowledge(tmp_path, minimal, name="new-park.yaml")
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and not result.problems
    project = result.knowledge.projects[0]
    assert project.title.get("en") == "Нов парк"
    assert project.partners is None and project.news == ()


def test_origin_is_kept(tmp_path: Path) -> None:
    make_knowledge(tmp_path, PROJECT)
    knowledge = load_knowledge(tmp_path).knowledge
    assert knowledge is not None
    news = knowledge.projects[0].news[0]
    assert news.origin.line == 9 and news.origin.file.endswith("hot-lunch.yaml")
