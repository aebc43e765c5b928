"""The mistakes staff make, tried as a new staff member would: no value is silently changed,
and each mistake is reported on its own line with the real cause and the fix."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.knowledge import Project, Severity, load_knowledge
from bot.services.problem_texts import problem_text
from tests.knowledge.test_validation import make_knowledge, problems_of

BASE = "title: Парк\nstatus: ongoing\nsummary: Нов парк.\n"
TWO_LANGUAGES = "title: Парк\nstatus: ongoing\nsummary:\n  bg: Нов парк.\n"

# (case, lines after BASE, what to read from the project, what staff typed)
AS_WRITTEN: list[tuple[str, str, Callable[[Project], object], str]] = [
    (
        "contract number with leading zeros (YAML 1.1 octal)",
        "contract:\n  number: 0012345\n",
        lambda p: p.contract and p.contract.number,
        "0012345",
    ),
    ("programme code 0012 (octal)", "programme_code: 0012\n", lambda p: p.programme_code, "0012"),
    (
        "underscore in a contract number",
        "contract:\n  number: 12_345\n",
        lambda p: p.contract and p.contract.number,
        "12_345",
    ),
    (
        "the English word 'no' (yes/no)",
        "short_title:\n  bg: Не\n  en: no\n",
        lambda p: p.short_title and p.short_title.get("en"),
        "no",
    ),
    (
        "office hours 8:30 (sexagesimal)",
        "contacts:\n  - name: Кметство\n    hours: 8:30\n",
        lambda p: p.contacts[0].hours and p.contacts[0].hours.get("bg"),
        "8:30",
    ),
    (
        "a phone typed without quotes",
        "contacts:\n  - name: Кметство\n    phones: [035617777]\n",
        lambda p: p.contacts[0].phones,
        ("035617777",),
    ),
    (
        "a phone with + typed without quotes",
        "contacts:\n  - name: Кметство\n    phones: [+359356177]\n",
        lambda p: p.contacts[0].phones,
        ("+359356177",),
    ),
]


@pytest.mark.parametrize(
    ("case", "lines", "read", "typed"), AS_WRITTEN, ids=[c[0] for c in AS_WRITTEN]
)
def test_text_is_taken_exactly_as_written(
    tmp_path: Path, case: str, lines: str, read: Callable[[Project], object], typed: object
) -> None:
    make_knowledge(tmp_path, BASE + lines)
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None, result.problems
    assert read(result.knowledge.projects[0]) == typed


@pytest.mark.parametrize(
    ("typed", "currency"),
    [
        *[(typed, "BGN") for typed in ("лв.", "лева", "лев", "leva")],
        *[(typed, "EUR") for typed in ("€", "евро", "Евро", "euro")],
    ],
)
def test_the_currency_as_people_write_it_is_understood(
    tmp_path: Path, typed: str, currency: str
) -> None:
    make_knowledge(tmp_path, BASE + f"budget:\n  total: 100\n  currency: {typed}\n")
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None, result.problems
    budget = result.knowledge.projects[0].budget
    assert budget is not None and budget.currency == currency


# (case, project file, line, column, words the one error must contain)
MISTAKES = [
    (
        "amount with a leading zero",
        BASE + "budget:\n  total: 0012\n",
        5,
        10,
        ["the amount 0012 starts with 0", "0012 becomes 10", "write 12"],
    ),
    (
        "amount with an underscore",
        BASE + "budget:\n  total: 12_345\n",
        5,
        10,
        ["the amount 12_345 has '_'", "write 12345"],
    ),
    ("months with a leading zero", BASE + "period:\n  months: 09\n", 5, 11, ["write 9"]),
    ("months read as octal", BASE + "period:\n  months: 010\n", 5, 11, ["write 10"]),
    (
        "a quote never closed",
        BASE.replace("summary: Нов", 'summary: "Нов') + "aliases: [парк]\n",
        3,
        10,
        ["the quote opened here is never closed", "add the closing quote"],
    ),
    (
        "a quote closed only lines later (the README followed literally)",
        BASE + 'contract:\n  number: "BG-13   # in quotes\n  date: 2024-03-15\n'
        'budget:   # no spaces, no "лв."\n  total: 10\n',
        5,
        11,
        ["the quote opened here is closed only on line 7", "add the closing quote"],
    ),
    (
        "Word quotes around a text with a colon",
        BASE.replace("title: Парк", "title: “Парк: нов”"),
        1,
        8,
        ["“ is a typographic quote", "straight double quotes"],
    ),
    (
        "a colon in a text that holds Bulgarian quotes: the colon is the cause",
        BASE.replace("title: Парк", "title: ДЗЗД „Аква“ (съдружници: „Хидро“ ООД)"),
        1,
        31,
        ["a colon ':' stands where YAML does not expect one", "double quotes"],
    ),
    (
        "Word quotes around a phone",
        BASE + "contacts:\n  - name: X\n    phones: [“+359 3561 7777”]\n",
        6,
        14,
        ["wrapped in typographic quotes", 'write "+359 3561 7777" with straight quotes'],
    ),
    ("a typo in a required field", BASE.replace("summary", "sumary"), 3, 1, ["did you mean"]),
    (
        "a group's name without its colon: YAML stops on the line after it",
        BASE + "contacts\n  - name: Иван Петров\n    role: кмет\n",
        4,
        1,
        ["the field name 'contacts' has no ':' after it", "write 'contacts:'"],
    ),
    (
        "a field without its colon, before another field",
        BASE.replace("summary: Нов парк.", "summary Нов парк.\nlocations: [с. Брезе]"),
        3,
        1,
        ["the field name 'summary' has no ':' after it", "write 'summary: ...'"],
    ),
    (
        "a field without its colon inside a group",
        BASE + "budget:\n  total 38000\n  grant: 30000\n",
        5,
        3,
        ["the field name 'total' has no ':' after it"],
    ),
    (
        "a field named in Bulgarian",
        BASE + "бюджет:\n  total: 5\n",
        4,
        1,
        ["unknown field 'бюджет'", "field names are written in English: write 'budget'"],
    ),
    (
        "a required field named in Bulgarian (it is not 'missing' besides)",
        BASE.replace("status:", "статус:"),
        2,
        1,
        ["unknown field 'статус'", "field names are written in English: write 'status'"],
    ),
    (
        "a required field of a group named in Bulgarian",
        BASE + "news:\n  - дата: 2024-06-11\n    title: Откриване\n",
        5,
        5,
        ["unknown field 'дата'", "write 'date'"],
    ),
    (
        "a list written as one text, with commas",
        BASE + "contacts:\n  - name: X\n    phones: 0888 123 456, +359 2 987 6543\n",
        6,
        13,
        ["expected a list but found one text", "[0888 123 456, +359 2 987 6543]", "'- '"],
    ),
    (
        "a list of one written as one text",
        BASE + "contractors: „Строител“ ЕООД\n",
        4,
        14,
        ["found one text, '„Строител“ ЕООД'", "[„Строител“ ЕООД]"],
    ),
    (
        "a contact's field named in Bulgarian, of two words",
        BASE + "contacts:\n  - name: X\n    работно време: 8-17\n",
        6,
        5,
        ["unknown field 'работно време'", "write 'hours'"],
    ),
    (
        "en: not indented",
        TWO_LANGUAGES + "en: New park\n",
        5,
        1,
        ["'en' is a language code, not a field", "'summary'", "indent it by 2 spaces"],
    ),
    (
        "en: after a one-language text",
        BASE + "en: New park\n",
        4,
        1,
        ["'en' is a language code", "write 'summary:' alone on line 3"],
    ),
    (
        "en: indented too much",
        TWO_LANGUAGES + "    en: New park\n",
        5,
        7,
        ["indented more than line 4", "indent it with 2 spaces"],
    ),
    (
        "en: indented too little",
        TWO_LANGUAGES + " en: New park\n",
        5,
        2,
        ["not lined up", "line 4 has 2 spaces"],
    ),
    (
        "a contract field at the top",
        BASE + "contract:\n  date: 2024-01-01\nperiod:\n  start: 2024-01-01\nnumber: 5\n",
        8,
        1,
        ["'number' is not a field here", "one of 'contract'"],
    ),
    (
        "a typo in a language code",
        TWO_LANGUAGES.replace("bg:", "bu:") + "  en: New park\n",
        4,
        3,
        ["'bu' is not a language code", "did you mean 'bg'?"],
    ),
    (
        "a language code in capitals",
        TWO_LANGUAGES + "  EN: New park\n",
        5,
        3,
        ["'EN' must be written in lowercase: 'en'"],
    ),
    (
        "text that starts with '*'",
        BASE + "aliases: [*парк]\n",
        4,
        11,
        ["'*' starts a YAML alias", "put text that starts with '*' in quotes"],
    ),
    (
        "an amount in euro written as text: the currency must not be lost",
        BASE + "budget:\n  total: 250 000 €\n",
        5,
        10,
        ["write 250000", "'currency: EUR'"],
    ),
    (
        "an amount with the euro sign first",
        BASE + "budget:\n  total: € 1.250.000,50\n",
        5,
        10,
        ["write 1250000.50", "'currency: EUR'"],
    ),
    (
        "a non-breaking space from Word as indentation",
        TWO_LANGUAGES.replace("  bg:", "\u00a0 bg:"),
        4,
        1,
        ["a non-breaking space", "type an ordinary space"],
    ),
    (
        "a non-breaking space from Word after a field's colon",
        BASE.replace("status: ", "status:\u00a0"),
        2,
        8,
        ["a non-breaking space", "type an ordinary space"],
    ),
    (
        "a non-breaking space from Word after a list item's dash",
        BASE + "goals:\n  -\u00a0повече зеленина\n",
        5,
        4,
        ["a non-breaking space", "type an ordinary space"],
    ),
    (
        "list items started with Word's dash",
        BASE + "goals:\n– повече зеленина\n– нови пейки\n",
        5,
        1,
        ["'–' is a dash as Word types it", "'- '"],
    ),
    (
        "a control character pasted from a PDF",
        BASE.replace("Нов парк", "Нов\x01парк"),
        3,
        13,
        ["control character #x0001"],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "line", "column", "words"), MISTAKES, ids=[c[0] for c in MISTAKES]
)
def test_mistake_names_its_cause_on_its_line(
    tmp_path: Path, case: str, text: str, line: int, column: int, words: list[str]
) -> None:
    make_knowledge(tmp_path, text, name="park.yaml")
    errors = [p for p in problems_of(tmp_path) if p[4] is Severity.ERROR]
    assert len(errors) == 1, errors
    _, got_line, got_column, message, _ = errors[0]
    assert (got_line, got_column) == (line, column), message
    for word in words:
        assert word in message, message


# (file name, where, severity, words)
FILES = [
    ("Нов Парк.yaml", "projects", Severity.ERROR, ["not a valid project id", "nov-park.yaml"]),
    ("stadium.yaml.txt", "projects", Severity.ERROR, ["'.txt'", "rename it to stadium.yaml"]),
    ("Стадион.txt", "projects", Severity.ERROR, ["rename it to stadion.yaml"]),
    ("Hall.YAML", "projects", Severity.ERROR, ["lowercase: hall.yaml"]),
    ("photo.jpg", "projects", Severity.WARNING, ["not read", "start its name with '_'"]),
    ("faq.yaml.txt", ".", Severity.ERROR, ["rename it to faq.yaml"]),
    ("hall.yaml", ".", Severity.ERROR, ["only municipality.yaml and faq.yaml", "projects"]),
    ("Municipality.yaml", ".", Severity.ERROR, ["rename it to municipality.yaml"]),
    ("municipality (1).yaml", ".", Severity.ERROR, ["rename it to municipality.yaml"]),
    ("munitsipality.yaml", ".", Severity.ERROR, ["rename it to municipality.yaml"]),
    ("FAQ.yml", ".", Severity.ERROR, ["rename it to faq.yaml"]),
    ("notes.docx", ".", Severity.WARNING, ["only .yaml files are"]),
]


@pytest.mark.parametrize(("name", "where", "severity", "words"), FILES, ids=[f[0] for f in FILES])
def test_file_that_is_not_read_is_reported_with_the_fix(
    tmp_path: Path, name: str, where: str, severity: Severity, words: list[str]
) -> None:
    make_knowledge(tmp_path, BASE, name="park.yaml")
    (tmp_path / where / name).write_text(BASE, encoding="utf-8")
    [(file, line, column, message, got)] = problems_of(tmp_path)
    assert (file, line, column, got) == (name, 1, 1, severity)
    for word in words:
        assert word in message, message


def test_schema_files_and_drafts_are_not_reported(tmp_path: Path) -> None:
    make_knowledge(tmp_path, BASE, name="park.yaml")
    for name in ("schema.json", "municipality.schema.json", "faq.schema.json", "_notes.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "projects" / "_draft.yaml.txt").write_text(BASE, encoding="utf-8")
    assert problems_of(tmp_path) == []


def test_months_that_disagree_with_the_dates_are_a_warning_and_kept(tmp_path: Path) -> None:
    period = "period:\n  start: 2013-11-13\n  end: 2014-11-13\n  months: 9\n"
    make_knowledge(tmp_path, BASE + period)
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None
    assert result.knowledge.projects[0].period.months == 9  # type: ignore[union-attr]
    [warning] = result.warnings
    assert (warning.line, warning.column) == (7, 11)
    assert "months: 9 does not match 2013-11-13 to 2014-11-13 (about 12 months)" in str(warning)


def test_a_warning_marked_checked_is_set_aside_and_counted(tmp_path: Path) -> None:
    period = "period:\n  start: 2013-11-13\n  end: 2014-11-13\n  months: 9  # checked: as stated\n"
    make_knowledge(tmp_path, BASE + period)
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and result.problems == []
    assert [p.line for p in result.checked] == [7]


def test_an_error_cannot_be_marked_checked(tmp_path: Path) -> None:
    make_knowledge(tmp_path, BASE + "budget:\n  total: 0012  # checked\n")
    assert load_knowledge(tmp_path).knowledge is None


@pytest.mark.parametrize(
    ("lines", "line", "column", "words"),
    [
        ("short_title: “Паркът”\n", 4, 14, ["wrapped in typographic quotes “”", "straight"]),
        ("short_title:\n  bg: Парк\n  de: Park\n", 6, 3, ["only bg and en", "'de'"]),
        ("budget:\n  total: 1.200\n", 5, 10, ["three digits after the dot", "write 1200"]),
        ("short_title: Парк #3 в центъра\n", 4, 19, ["ends before '#3 в центъра'", "quotes"]),
        ("contract:\n  number: №12 #45\n", 5, 15, ["ends before '#45'", "double quotes"]),
        ("short_title: Пар\u200bкът\n", 4, 17, ["an invisible character (U+200B)", "delete"]),
        ("aliases: [пар\u00adка]\n", 4, 14, ["an invisible character (U+00AD)", "delete"]),
    ],
    ids=[
        "Word quotes around a whole text",
        "a language the bot does not speak",
        "a dot between thousands, as Bulgarians write 1.200 leva",
        "a '#' in a text: the rest of the line is a comment",
        "a '#' in a contract number",
        "a zero-width space from a web page",
        "a soft hyphen from Word",
    ],
)
def test_doubtful_texts_are_warnings(
    tmp_path: Path, lines: str, line: int, column: int, words: list[str]
) -> None:
    make_knowledge(tmp_path, BASE + lines)
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None
    [warning] = [p for p in result.warnings if "English" not in p.message]
    assert (warning.line, warning.column) == (line, column)
    for word in words:
        assert word in warning.message


def test_comments_after_values_are_no_warning(tmp_path: Path) -> None:
    make_knowledge(tmp_path, BASE.replace("ongoing", "ongoing  #в изпълнение") + "goals: [a] # b\n")
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and not result.warnings, result.warnings


def test_bulgarian_quotes_inside_a_text_are_fine(tmp_path: Path) -> None:
    make_knowledge(tmp_path, BASE + "contractors: [„Строител“ ЕООД, „НИКО 96“]\n")
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and result.problems == []


def test_two_news_items_with_one_id_are_an_error_on_the_second(tmp_path: Path) -> None:
    news = (
        "news:\n"
        "  - date: 2024-05-01\n    title: Започна ремонтът\n    id: start\n"
        "  - date: 2024-06-01\n    title: Ремонтът приключи\n    id: start\n"
    )
    make_knowledge(tmp_path, BASE + news)
    [problem] = load_knowledge(tmp_path).problems
    assert (problem.line, problem.column) == (10, 9)
    assert "the news id 'start' is already given on line 7" in str(problem)


def test_an_alias_given_to_two_projects_is_a_warning_at_the_second(tmp_path: Path) -> None:
    """Copying a project file keeps its aliases: 'центъра' then names two projects."""
    make_knowledge(tmp_path, BASE + "aliases: [площада, центъра]\n", name="ploshtad.yaml")
    (tmp_path / "projects" / "zala.yaml").write_text(
        BASE + "aliases:\n  - залата\n  - Центъра\n", encoding="utf-8"
    )
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None
    [warning] = result.warnings
    assert (Path(warning.file).name, warning.line, warning.column) == ("zala.yaml", 6, 5)
    assert warning.message.startswith("the alias 'Центъра' is also one of the project 'ploshtad'")
    assert problem_text(warning, "bg").endswith(
        "предупреждение: псевдонимът „Центъра“ е и на проекта „ploshtad“: въпрос с него не може "
        "да ги различи; оставете го само на единия или, ако и двата наистина се наричат така, "
        "добавете „# checked“ в края на този ред"
    )


def test_an_alias_both_projects_really_go_by_is_set_aside_with_checked(tmp_path: Path) -> None:
    """'# checked' on the alias's line sets the warning aside, as for the other warnings."""
    make_knowledge(tmp_path, BASE + "aliases: [площада, центъра]\n", name="ploshtad.yaml")
    (tmp_path / "projects" / "zala.yaml").write_text(
        BASE + "aliases:\n  - залата\n  - Центъра  # checked\n", encoding="utf-8"
    )
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and result.warnings == []
    [aside] = result.checked
    assert (Path(aside.file).name, aside.line) == ("zala.yaml", 6)


@pytest.mark.parametrize("kind", ["pipe", "broken link"])
@pytest.mark.parametrize(("where", "fix"), [("projects", "project's .yaml"), (".", "faq.yaml")])
def test_an_entry_that_is_no_regular_file_is_a_warning(
    tmp_path: Path, kind: str, where: str, fix: str
) -> None:
    """A pipe or a link to nothing among the projects, or beside municipality.yaml, is reported,
    and the rest still loads."""
    make_knowledge(tmp_path, BASE, name="park.yaml")
    entry = tmp_path / where / "stadium.yaml"
    if kind == "pipe":
        os.mkfifo(entry)
    else:
        entry.symlink_to(tmp_path / "nowhere.yaml")
    [(file, line, column, message, severity)] = problems_of(tmp_path)
    assert (file, line, column, severity) == ("stadium.yaml", 1, 1, Severity.WARNING)
    assert "not a regular file" in message and fix in message and "remove it" in message
    result = load_knowledge(tmp_path)
    assert result.knowledge is not None and len(result.knowledge.projects) == 1


def test_a_draft_pipe_beside_municipality_yaml_is_not_reported(tmp_path: Path) -> None:
    make_knowledge(tmp_path, BASE, name="park.yaml")
    os.mkfifo(tmp_path / "_later.yaml")
    (tmp_path / ".hidden").symlink_to(tmp_path / "nowhere")
    assert problems_of(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "fix"), [("municipality.yaml", "at least 'name'"), ("faq.yaml", "delete it")]
)
def test_an_empty_file_is_deleted_only_when_the_bot_can_do_without_it(
    tmp_path: Path, name: str, fix: str
) -> None:
    """An empty municipality.yaml was told 'fill it in or delete it': deleted, it is missing."""
    make_knowledge(tmp_path, BASE, name="park.yaml")
    (tmp_path / name).write_text("# \n\n", encoding="utf-8")
    [(file, line, column, message, severity)] = problems_of(tmp_path)
    assert (file, line, column, severity) == (name, 1, 1, Severity.ERROR)
    assert message.startswith("the file is empty") and fix in message
    assert ("delete" in message) is (name == "faq.yaml")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("https//www.septemvri.bg/a.htm", "https://www.septemvri.bg/a.htm"),
        ("https:/septemvri.bg", "https://septemvri.bg"),
        ("htps://septemvri.bg", "https://septemvri.bg"),
        ("http:\\\\septemvri.bg", "http://septemvri.bg"),
        ("https;//septemvri.bg", "https://septemvri.bg"),
    ],
)
def test_a_mistyped_start_of_a_web_address_is_told_with_the_address_to_write(
    tmp_path: Path, typed: str, meant: str
) -> None:
    """'https//x' was 'not a web address; write a full address such as https://www.example.bg'."""
    make_knowledge(tmp_path, BASE + f"links:\n  - title: Сайт\n    url: '{typed}'\n", "park.yaml")
    [(_, line, column, message, _)] = problems_of(tmp_path)
    assert (line, column) == (6, 10)
    assert message.endswith(f"is mistyped: write {meant}"), message


def test_an_address_with_a_space_is_no_mistyped_start(tmp_path: Path) -> None:
    make_knowledge(tmp_path, BASE + "links:\n  - title: Сайт\n    url: https://a.bg/x y\n")
    [(_, _, _, message, _)] = problems_of(tmp_path)
    assert "is not a web address" in message


def test_a_file_with_a_wrong_name_has_its_content_checked_in_the_same_run(
    tmp_path: Path,
) -> None:
    make_knowledge(tmp_path, BASE.replace("ongoing", "в изпълнение"), name="new_park.yaml")
    problems = problems_of(tmp_path)
    assert [(p[0], p[1], p[2]) for p in problems] == [
        ("new_park.yaml", 1, 1),  # rename it to new-park.yaml
        ("new_park.yaml", 2, 9),  # unknown status: did you mean 'ongoing'?
    ]
    assert "rename it to new-park.yaml" in problems[0][3] and "'ongoing'" in problems[1][3]


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        ("period:\n  months: 18 месеца\n", ["'18 месеца' has a word", "the number alone, 18"]),
        ("period:\n  months: 6 months\n", ["the number alone, 6"]),
        (
            "contacts:\n  - name: Иван\n    email: ivan@x.bg, maria@x.bg\n",
            ["more than one e-mail address in 'ivan@x.bg, maria@x.bg'", "a contact of its own"],
        ),
    ],
    ids=["months in words", "months in English", "two e-mail addresses"],
)
def test_a_value_with_more_than_the_field_holds_is_told_what_to_keep(
    tmp_path: Path, lines: str, words: list[str]
) -> None:
    make_knowledge(tmp_path, BASE + lines)
    [problem] = problems_of(tmp_path)
    for word in words:
        assert word in problem[3], problem[3]
