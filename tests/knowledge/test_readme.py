"""Every YAML example in the README is checked, as the comment before it says.

`<!-- check: project -->` (or municipality, faq): a whole file, which must be valid.
`<!-- check: project fields -->`: a few fields of a project; title, status and summary are added
where missing. `<!-- check: error "START" -->`: a mistake shown on purpose; the validator must
report one error whose message starts with START.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from bot.knowledge import load_knowledge

README = Path(__file__).parent.parent.parent / "README.md"
KNOWLEDGE = README.parent / "knowledge"
BLOCK = re.compile(
    r"(?:^ *<!-- check: (?P<check>[^\n]+?) -->\n)?^ *```yaml\n(?P<text>.*?)^ *```", re.S | re.M
)
REQUIRED = {"title": "title: Парк", "status": "status: planned", "summary": "summary: Нов парк."}


def blocks() -> list[tuple[str, str]]:
    """(how to check, text) of every YAML block of the README."""
    readme = README.read_text(encoding="utf-8")
    found = [(m["check"] or "", textwrap.dedent(m["text"])) for m in BLOCK.finditer(readme)]
    assert found, "the README has no YAML examples"
    return found


def write(root: Path, check: str, text: str) -> Path:
    """A knowledge folder holding the block where its kind belongs; returns the block's file."""
    (root / "projects").mkdir(parents=True)
    municipality = (KNOWLEDGE / "municipality.yaml").read_text(encoding="utf-8")
    (root / "municipality.yaml").write_text(municipality, encoding="utf-8")
    if check in ("municipality", "faq"):
        target = root / f"{check}.yaml"
    else:
        target = root / "projects" / "example.yaml"
    if check == "project fields":
        text += "".join(f"{line}\n" for key, line in REQUIRED.items() if f"{key}:" not in text)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize(("check", "text"), blocks(), ids=lambda v: v[:30].replace("\n", " "))
def test_readme_example(tmp_path: Path, check: str, text: str) -> None:
    kinds = ("project", "municipality", "faq", "project fields")
    assert check in kinds or check.startswith("error "), (
        "mark the block with <!-- check: KIND --> on the line before it (see this test's doc)"
    )
    write(tmp_path, check, text)
    result = load_knowledge(tmp_path)
    if check.startswith("error "):
        start = check.removeprefix("error ").strip('"')
        [error] = result.errors
        assert error.message.startswith(start), error.message
    else:
        assert result.knowledge is not None and result.problems == [], result.problems


def test_every_block_is_marked() -> None:
    unmarked = [text[:40] for check, text in blocks() if not check]
    assert unmarked == []
