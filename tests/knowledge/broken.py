"""A corpus of broken knowledge bases: one case for every message the validator can produce.

Each case names the wording it is made for (the key of its Bulgarian version in texts.yaml,
edit.problem.*) and the files that differ from a small valid base (None: the file is absent;
{".": None}: there is no knowledge folder at all).
"""

from __future__ import annotations

from pathlib import Path

import yaml

P = "title: Парк\nstatus: ongoing\nsummary: Нов парк.\n"
PROJECT = "projects/park.yaml"
MUNICIPALITY = "name: Община Тест\nwebsite: https://example.bg\n"


def project(text: str) -> dict[str, str | bytes | None]:
    """The base with the project file reading text."""
    return {PROJECT: text}


def alias_laughs() -> str:
    """Aliases of aliases: 10 ** 5 values from a few lines."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, previous in zip("bcde", "abcd", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    return P + "\n".join(lines) + "\n"


# (the wording the case is made for, the files that differ from the base)
LINK = "link to: "  # a file written as a link to the path after it
CASES: list[tuple[str, dict[str, str | bytes | None]]] = [
    # YAML that cannot be read, explained
    ("colon", project(P + "funding: Евро: фондове\n")),
    ("missing_colon", project(P + "funding: >\n a\n b\n  c\n5 6\n")),
    ("field_without_colon", project(P + "funding: >\n a\n b\n  c\nx y\n")),
    ("field_without_colon", project(P + "contacts\n  - name: Иван\n")),
    ("syntax", project(P + "funding: Евро: фондове\n")),  # "YAML syntax error: " + the hint
    ("block_end_line", project(P + ", x\n")),
    ("spaces_above", project(P + ", x\n")),  # "(line 3 has 0 spaces)" in block_end_line
    ("never_closed", project(P + 'funding: "ЕСФ\n')),
    ("alias", project(P + "funding: *\n")),
    ("anchor", project(P + "funding: &\n")),
    ("at_sign", project(P + "funding: @ЕСФ\n")),
    ("runaway_quote", project(P + 'funding: "ЕСФ\ngoals: [a]\nx: "y"\n')),
    ("typographic_syntax", project(P + "funding: „ЕСФ“: фондове\n")),
    ("indented_more", project(P + "funding: ЕСФ\n  bg: ЕСФ\n")),
    ("tab", project(P + "goals:\n  - a\n  -\tb: c\n")),
    ("tab_indent", project(P + "funding:\n\tbg: ЕСФ\n")),
    ("nbsp", project(P + "funding:\u00a0ЕСФ\n")),
    ("word_dash", project(P + "goals:\n– a\n– b\n")),
    ("invisible", project(P + "funding: ЕС\u200bФ\n")),
    ("hash_in_text", project(P + "funding: Фонд #2\n")),
    ("control_character", project(P + "funding: ЕС\x01Ф\n")),
    ("second_document", project(P + "---\ntitle: x\n")),
    ("unknown_alias", project(P + "funding: *esf\n")),
    ("tag", project(P + "funding: !foo ЕСФ\n")),
    ("too_deep", project(P + "funding: " + "[" * 60 + "]" * 60 + "\n")),
    ("duplicate_key", project(P + "status: planned\n")),
    ("alias_repeats", project(alias_laughs())),
    ("too_many_values", project(P + "goals: [" + "a, " * 50_001 + "]\n")),
    ("key_not_word", project(P + "[a, b]: c\n")),
    ("alias_inside", project(P + "goals: &g [a, *g]\n")),
    # the YAML reader's own words
    ("yaml_start_token", project(P + "funding: a %b\nx: %y\n")),
    ("yaml_letter", {PROJECT: "%YAML1.1\n---\n" + P}),
    ("yaml_version_dot", {PROJECT: "%YAML 1x\n---\n" + P}),
    ("yaml_version_space", {PROJECT: "%YAML 1.1x\n---\n" + P}),
    ("yaml_digit", {PROJECT: "%YAML x.1\n---\n" + P}),
    ("yaml_space", {PROJECT: "%TAG !a!x y\n---\n" + P}),
    ("yaml_line_end", project(P + "funding: |  x\n")),
    ("yaml_block_indicator", project(P + "funding: |x\n  a\n")),
    ("yaml_block_zero", project(P + "funding: |0\n  a\n")),
    ("yaml_tag_mark", {PROJECT: "%TAG !a x\n---\n" + P}),
    ("yaml_tag_uri", project(P + "funding: !<> x\n")),
    ("yaml_tag_close", project(P + "funding: !<a\n")),
    ("yaml_tag_escape", project(P + "funding: !a%zz x\n")),
    ("yaml_escape", project(P + 'funding: "ЕС\\qФ"\n')),
    ("yaml_hex", project(P + 'funding: "ЕС\\x4"\n')),
    ("yaml_dash_here", project(P + "funding: - ЕСФ\n")),
    ("yaml_question_here", project(P + "funding: ? ЕСФ\n")),
    ("yaml_document_start", project(P + "...\nx\n")),
    ("yaml_two_versions", {PROJECT: "%YAML 1.1\n%YAML 1.1\n---\n" + P}),
    ("yaml_version", {PROJECT: "%YAML 2.0\n---\n" + P}),
    ("yaml_unknown_directive", {PROJECT: "%FOO bar\n---\n" + P}),
    ("yaml_flow_list", project(P + "goals: [a, b}\n")),
    ("yaml_flow_group", project(P + "budget: {total: 1\n")),
    ("yaml_tag_twice", {PROJECT: "%TAG !a! x\n%TAG !a! y\n---\n" + P}),
    ("yaml_tag_undefined", project(P + "funding: !x!y ЕСФ\n")),
    ("yaml_no_value", project(P + "funding: ]\n")),
    ("unreadable", project(P + "funding: ]\n")),  # the reader's words; check the indentation
    # files that are not read
    ("empty_file", project("")),
    ("empty_municipality", {"municipality.yaml": "# name: ...\n"}),
    ("not_utf8", {PROJECT: P.encode() + b"funding: \xff\n"}),
    ("not_utf8_named", {PROJECT: (P + "funding: ЕСФ\n").encode("cp1251")}),
    ("not_utf8_named", {PROJECT: (P + "funding: ЕСФ\n").encode("utf-16")}),
    ("too_big", project(P + "# " + "x" * 1_200_000 + "\n")),
    ("file_shape", project("- title: Парк\n")),
    ("faq_shape", {"faq.yaml": "questions: [a]\nanswer: b\n"}),
    ("unread_case", {"projects/Park.YAML": P}),
    ("unread_txt", {"projects/park.yaml.txt": P}),
    ("unread_other", {"projects/park.jpg": "x"}),
    ("unread_special", {"projects/stadium.yaml": LINK + "nowhere.yaml"}),
    ("unread_root", {"park.yaml": P}),
    ("unread_special_root", {"faq.yaml": LINK + "nowhere.yaml"}),
    ("root_file_name", {"Municipality.yaml": MUNICIPALITY}),
    ("bad_file_name", {"projects/Нов Парк.yaml": P}),
    ("id_twice", {"projects/old/park.yaml": P}),
    (
        "alias_twice",
        {"projects/a.yaml": P + "aliases: [парка]\n", "projects/b.yaml": P + "aliases: [парка]\n"},
    ),
    ("no_municipality", {"municipality.yaml": None}),
    ("no_folder", {".": None}),
    # fields
    ("unknown_field_meant", project(P + "sumary: x\n")),
    ("unknown_field", project(P + "xyz: 1\n")),
    ("unknown_field_bulgarian", project(P + "бюджет:\n  total: 5\n")),
    ("language_not_field_alone", project(P + "funding: ЕСФ\nen: ESF\n")),
    ("language_not_field", project(P + "funding:\n  bg: ЕСФ\nen: ESF\n")),
    ("field_of_above", project(P + "contract:\n  number: 1\ndate: 2024-01-01\n")),
    ("field_of_group", project(P + "months: 5\n")),
    ("missing", project("title: Парк\nsummary: Нов парк.\n")),
    ("group_expected", project(P + "contract: 5\n")),
    ("list_expected", project(P + "goals: 5\n")),
    ("list_as_text", project(P + "goals: ala, bala\n")),
    ("list_empty", project(P + "faq:\n  - questions: []\n    answer: Да.\n")),
    # values
    ("status_meant", project(P.replace("ongoing", "done"))),
    ("status", project(P.replace("ongoing", "xyz"))),
    ("status_type", project(P.replace("ongoing", "[a]"))),
    ("currency", project(P + "budget:\n  currency: USD\n")),
    ("currency_type", project(P + "budget:\n  currency: [a]\n")),
    ("underscore", project(P + "budget:\n  total: 1_000\n")),
    ("leading_zero", project(P + "period:\n  months: 012\n")),
    ("money_type", project(P + "budget:\n  total: [1]\n")),
    ("money_text", project(P + 'budget:\n  total: "около 1 000 лв."\n')),
    ("money_text_fix", project(P + "budget:\n  total: 1 000,50 лв.\n")),
    ("money_text_euro", project(P + "budget:\n  total: 1 000,50 €\n")),
    ("money_three_decimals", project(P + "budget:\n  total: 1.200\n")),
    ("money_negative", project(P + "budget:\n  total: -5\n")),
    ("count_type", project(P + "period:\n  months: много\n")),
    ("count_type", project(P + "period:\n  months: _\n")),  # not Python's int() error
    ("count_positive", project(P + "period:\n  months: 0\n")),
    ("count_words", project(P + "period:\n  months: 18 месеца\n")),
    ("emails_in_one", project(P + "contacts:\n  - name: Иван\n    email: a@x.bg, b@x.bg\n")),
    ("date_format", project(P + "period:\n  start: 13.11.2013\n")),
    ("date_unreal", project(P + "period:\n  start: 2013-02-30\n")),
    ("date_type", project(P + "period:\n  start: скоро\n")),
    ("url_mistyped", project(P + "links:\n  - title: Сайт\n    url: https//septemvri.bg\n")),
    ("url_scheme", project(P + "links:\n  - title: Сайт\n    url: www.septemvri.bg\n")),
    ("url_invalid", project(P + "links:\n  - title: Сайт\n    url: септември\n")),
    ("url_type", project(P + "links:\n  - title: Сайт\n    url: [a]\n")),
    ("phone", project(P + "contacts:\n  - name: Кмет\n    phones: [кмет]\n")),
    ("email", project(P + "contacts:\n  - name: Кмет\n    email: kmet\n")),
    ("email_type", project(P + "contacts:\n  - name: Кмет\n    email: [a]\n")),
    ("short_text", project(P + "aliases: [[a]]\n")),
    ("value_empty", project(P + 'aliases: [""]\n')),
    ("typographic_value", project(P.replace("ongoing", "“ongoing”"))),
    # texts
    ("text_empty", project(P + 'funding: ""\n')),
    ("no_text", project(P + "funding: {}\n")),
    ("lang_text_empty", project(P + "funding:\n  bg:\n")),
    ("text_expected", project(P + "funding: [a]\n")),
    ("language_meant", project(P + "funding:\n  bu: ЕСФ\n")),
    ("language", project(P + "funding:\n  xyz: ЕСФ\n")),
    ("language_case", project(P + "funding:\n  BG: ЕСФ\n")),
    ("missing_language", project(P + "funding:\n  bg: ЕСФ\n")),
    ("unshown_language", project(P + "funding:\n  bg: ЕСФ\n  en: ESF\n  de: ESF\n")),
    ("other_language_alone", project(P + "funding:\n  de: ESF\n  fr: FSE\n")),
    ("typographic_text", project(P + "funding: “ЕСФ”\n")),
    # facts that disagree
    ("end_before_start", project(P + "period:\n  start: 2024-05-01\n  end: 2023-05-01\n")),
    ("months", project(P + "period:\n  start: 2024-01-01\n  end: 2024-12-31\n  months: 3\n")),
    ("grant", project(P + "budget:\n  total: 10\n  grant: 20\n")),
    ("budget_sum", project(P + "budget:\n  total: 10\n  grant: 5\n  own_contribution: 4\n")),
    (
        "completed_ahead",
        project(P.replace("ongoing", "completed") + "period:\n  end: 2999-01-01\n"),
    ),
    (
        "completed_unstarted",
        project(P.replace("ongoing", "completed") + "period:\n  start: 2999-01-01\n"),
    ),
    ("planned_past", project(P.replace("ongoing", "planned") + "period:\n  start: 2001-01-01\n")),
    ("ongoing_ended", project(P + "period:\n  end: 2001-01-01\n")),
    ("ongoing_unstarted", project(P + "period:\n  start: 2999-01-01\n")),
    (
        "phones_in_one",
        project(P + "contacts:\n  - name: Иван\n    phones: [0888 123 456 / 032 123 456]\n"),
    ),
    (
        "news_id_twice",
        project(
            P
            + "news:\n  - date: 2024-01-01\n    title: А\n    id: a\n"
            + "  - date: 2024-02-01\n    title: Б\n    id: a\n"
        ),
    ),
]


_MARK = yaml.Mark("park.yaml", 0, 0, 0, None, None)
# what no file makes the YAML reader say (hints kept for its other versions), as errors
READER_ERRORS: list[tuple[str, yaml.YAMLError]] = [
    ("cannot_read", yaml.YAMLError("no position")),
    ("cannot_read_here", yaml.MarkedYAMLError(problem_mark=_MARK)),
    (
        "unclosed_quote",
        yaml.MarkedYAMLError(problem="found unexpected end of stream", problem_mark=_MARK),
    ),
    (  # a block ends only below the line where it started
        "block_end",
        yaml.MarkedYAMLError(problem="expected <block end>, but found '-'", problem_mark=_MARK),
    ),
    (  # "expected <block end>" comes first in every error pyyaml gives in a block collection
        "list_item",
        yaml.MarkedYAMLError("while parsing a block collection", _MARK, "", _MARK),
    ),
]


def build(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """The knowledge folder of a case under root: the base, with files written over it."""
    folder = root / "knowledge"
    if files.get(".", "") is None:
        return folder
    base: dict[str, str | bytes | None] = {"municipality.yaml": MUNICIPALITY, PROJECT: P}
    for name, content in {**base, **files}.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            continue
        if isinstance(content, str) and content.startswith(LINK):  # a link to nothing
            path.symlink_to(folder / content.removeprefix(LINK))
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder
