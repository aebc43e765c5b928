"""A file saved in another encoding than UTF-8 is named as such, with how to save it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import load_knowledge
from bot.knowledge.encodings import likely_encoding
from tests.knowledge.test_validation import make_knowledge

TEXT = "title: Парк в центъра\nstatus: ongoing\nsummary: Нов парк с пейки.\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("cp1251"), "Windows-1251"),  # Notepad's "ANSI" on a Bulgarian Windows
        (TEXT.encode("utf-16"), "UTF-16"),  # Notepad's "Unicode", with its BOM
        (TEXT.encode("utf-16-le"), "UTF-16"),  # without it
        (TEXT.encode() + b"funding: \xff\n", None),  # UTF-8 with a stray byte
        (b"title: \xff\xfe\xfd\n", None),  # three bytes tell no encoding
        ("title: Café\n".encode("cp1252"), None),  # not Cyrillic: not guessed
    ],
    ids=["cp1251", "utf-16 with BOM", "utf-16 without BOM", "stray byte", "few bytes", "cp1252"],
)
def test_the_encoding_a_file_was_saved_in_is_recognised(raw: bytes, encoding: str | None) -> None:
    assert likely_encoding(raw) == encoding


@pytest.mark.parametrize(
    ("codec", "line", "column", "named"),
    [("cp1251", 1, 8, "Windows-1251"), ("utf-16", 1, 1, "UTF-16")],
)
def test_the_validator_names_the_encoding_and_how_to_save_as_utf8(
    tmp_path: Path, codec: str, line: int, column: int, named: str
) -> None:
    make_knowledge(tmp_path, TEXT.encode(codec))
    [problem] = load_knowledge(tmp_path).problems
    assert (problem.line, problem.column) == (line, column)
    assert problem.message.startswith(f"the file is saved in the {named} encoding, not in UTF-8")
    assert "save it as UTF-8 (in Notepad: File, Save As, Encoding: UTF-8" in problem.message
