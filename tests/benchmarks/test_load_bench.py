"""The bot's starts as load_bench.py measures them: each kind of start reads what it says."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate_kb import generate
from benchmarks.load_bench import STARTS, starts


def test_each_start_reads_what_its_row_says(tmp_path: Path) -> None:
    generate(tmp_path / "kb", 12)
    found = starts(tmp_path / "kb", 1)
    assert list(found) == list(STARTS)
    reads = {kind: row["reads"] for kind, row in found.items()}
    assert reads == {"no cache": 13, "first start": 13, "unchanged": 0, "one changed": 1}
    assert all(0 < row["ready"] <= row["s"] for row in found.values())
    assert not (tmp_path / "kb.cache").exists()  # the cache file is not left behind
