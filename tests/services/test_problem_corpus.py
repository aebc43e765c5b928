"""Every message the validator can produce is told in Bulgarian, on the same line and column.

The corpus (tests/knowledge/broken.py) holds one broken knowledge base for every wording in
texts.yaml (edit.problem.*); the last test reads the validator's source, so that a sentence
added there without a wording (and so without a Bulgarian version) fails too.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.knowledge import Problem, agreement, filecache, files, load_knowledge
from bot.knowledge.yamlsyntax import syntax_problem
from bot.services.problem_texts import PREFIX, problem_text, translated, wordings
from bot.texts import TEXTS
from tests.knowledge.broken import CASES, READER_ERRORS, build

KNOWLEDGE = Path(__file__).parents[2] / "bot" / "knowledge"
WORDINGS = {key[len(PREFIX) :] for key in TEXTS if key.startswith(PREFIX)}
# values as written: quoted, or a path
WRITTEN = re.compile(r"'[^']*'|„[^“]*“|\"[^\"]*\"|“[^”]*”|\S*/\S*")
ENGLISH = re.compile(
    r"(?<![\w-])(the|a|an|is|are|of|to|and|or|not|in|it|with|here|but|found|expected|file|line|this|"
    r"be|must|cannot|has|no|as|by|for|on|at|which|check|delete|put|add|write|text|value|"
    r"number|date|list|quote|field|error)(?![\w-])",
    re.IGNORECASE,
)


def assert_told_in_bulgarian(problem: Problem) -> tuple[str, ...]:
    """The wordings of problem, after checking that nothing of it stays in English."""
    found = wordings(problem.message)
    assert found is not None, f"no Bulgarian version: {problem.message}"
    bulgarian = translated(problem.message, "bg")
    assert not ENGLISH.findall(WRITTEN.sub("", bulgarian)), bulgarian
    assert problem_text(problem, "bg").startswith(
        f"{problem.file}:{problem.line}:{problem.column}: "
    )
    assert problem_text(problem, "en") == str(problem)
    return found


@pytest.mark.parametrize(("wording", "files"), CASES, ids=[case[0] for case in CASES])
def test_every_message_of_a_broken_base_is_told_in_bulgarian(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    wording: str,
    files: dict[str, str | bytes | None],
) -> None:
    monkeypatch.chdir(tmp_path)  # files are shown as staff would type them: knowledge/...
    monkeypatch.setattr(agreement, "today", lambda: dt.date(2026, 6, 1))  # a status checked
    problems = load_knowledge(build(tmp_path, files)).problems
    assert problems
    found = {key for problem in problems for key in assert_told_in_bulgarian(problem)}
    assert PREFIX + wording in found


@pytest.mark.parametrize(("wording", "error"), READER_ERRORS, ids=[e[0] for e in READER_ERRORS])
def test_what_no_file_makes_the_yaml_reader_say_is_told_too(
    wording: str, error: yaml.YAMLError
) -> None:
    problem = syntax_problem(error, "title: x\n", "park.yaml")
    assert PREFIX + wording in assert_told_in_bulgarian(problem)


def test_a_file_the_bot_may_not_read_is_told_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(path: Path) -> tuple[bytes, int]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(filecache, "read_limited", denied)
    [problem, *_] = load_knowledge(build(tmp_path, {})).problems
    assert PREFIX + "file_unreadable" in assert_told_in_bulgarian(problem)


def test_a_folder_the_bot_may_not_list_is_told_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = build(tmp_path, {})
    (folder / "projects" / "old").mkdir()
    listing = files.os.scandir

    def denied(path: Path) -> Any:
        if Path(path).name == "old":
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(files.os, "scandir", denied)
    [problem] = load_knowledge(folder).problems
    assert problem.file.endswith("old") and (problem.line, problem.column) == (1, 1)
    assert PREFIX + "folder_unreadable" in assert_told_in_bulgarian(problem)


def test_the_corpus_reaches_every_wording() -> None:
    made_for = {case[0] for case in CASES} | {error[0] for error in READER_ERRORS}
    made_for |= {"file_unreadable", "folder_unreadable"}  # made by the tests above
    assert made_for == WORDINGS


# what the validator looks for in the YAML reader's errors, or describes values with
# (problem_texts._DESCRIBED), rather than sentences it says
NOT_SAID = {
    "mapping values are not allowed",
    "could not find expected ':'",
    "expected <block end>",
    "while parsing a block collection",
    "found unexpected end of stream",
    "found character '\\t'",
    "while scanning an alias",
    "while scanning an anchor",
    "found character '@'",
    "found character '`'",
    "while scanning a quoted scalar",
    "while scanning a simple key",
    "maximum nesting depth",
    "error(s) in the knowledge base",
    "nothing (the value is empty)",
    "the word '",
    "' (yes/no)",
    "the number",
}
# tables of words, examples shown as written, and the skeleton and schema (bilingual already)
NOT_MESSAGES = {"_EXAMPLES", "ISO_LANGUAGES", "_LATIN", "_STATUS_WORDS", "BULGARIAN_FIELDS"}
SOURCES = sorted(set(KNOWLEDGE.glob("*.py")) - {KNOWLEDGE / "schema.py", KNOWLEDGE / "skeleton.py"})


def sentences(path: Path) -> list[str]:
    """The fixed parts of every string in path's code that reads as words (no docstrings)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))  # a docstring
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id in NOT_MESSAGES for t in targets):
            skipped.update(id(inner) for inner in ast.walk(node))
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in node.values)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr):
            parts = [p.value if isinstance(p, ast.Constant) else "\0" for p in node.values]
            found += "".join(str(part) for part in parts).split("\0")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
    return [s.strip() for s in found if " " in s.strip() and re.search("[a-z]{2}", s)]


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_every_sentence_the_validator_writes_has_a_wording(path: Path) -> None:
    english = [TEXTS[PREFIX + key]["en"] for key in WORDINGS]
    for sentence in sentences(path):
        bare = sentence.removeprefix("YAML syntax error: ")
        assert sentence in NOT_SAID or any(bare in wording for wording in english), sentence
