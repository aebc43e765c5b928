"""The questions-per-day chart: a valid PNG whose bars have the right heights and colours."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from bot.knowledge import load_or_raise
from bot.services.chart import GREEN, HEIGHT, RED, WIDTH, bar_chart, grid_step
from bot.services.insights import Stats, render_stats

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"


def decode(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an unfiltered 8-bit RGB PNG (as bar_chart writes it)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        assert struct.unpack(">I", png[at + 8 + length : at + 12 + length])[0] == zlib.crc32(
            kind + data
        )
        chunks[kind], at = data, at + 12 + length
    width, height, depth, color = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, color) == (8, 2) and b"IEND" in chunks
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = width * 3 + 1
    rows = [raw[y * stride + 1 : (y + 1) * stride] for y in range(height)]
    assert all(raw[y * stride] == 0 for y in range(height))
    return width, height, rows


def column(rows: list[bytes], x: int) -> list[tuple[int, ...]]:
    return [tuple(row[x * 3 : x * 3 + 3]) for row in rows]


@pytest.mark.parametrize(
    ("days", "answered", "unanswered"),
    [
        ([("2026-11-05", 3, 1)], 3, 1),
        ([("2026-11-05", 0, 2)], 0, 2),
        ([("2026-11-05", 40, 10)], 40, 10),
    ],
)
def test_bar_heights_follow_the_counts(
    days: list[tuple[str, int, int]], answered: int, unanswered: int
) -> None:
    width, height, rows = decode(bar_chart(days))
    assert (width, height) == (WIDTH, HEIGHT)
    middle = column(rows, width // 2 + 20)  # through the one bar
    green, red = middle.count(GREEN), middle.count(RED)
    assert green + red > 0
    assert abs(green * unanswered - red * answered) <= max(answered, unanswered)


def test_each_day_gets_a_bar_and_an_empty_period_a_valid_picture() -> None:
    days = [(f"2026-11-{day:02d}", day % 4, 1) for day in range(1, 31)]
    _, _, rows = decode(bar_chart(days))
    bottom = rows[HEIGHT - 40]
    bars = sum(
        1
        for x in range(1, WIDTH)
        if tuple(bottom[x * 3 : x * 3 + 3]) in (GREEN, RED)
        and tuple(bottom[x * 3 - 3 : x * 3]) not in (GREEN, RED)
    )
    assert bars == 30
    assert decode(bar_chart([]))[:2] == (WIDTH, HEIGHT)


@pytest.mark.parametrize(
    ("largest", "step"), [(1, 1), (5, 1), (6, 2), (11, 5), (23, 5), (99, 20), (1234, 500)]
)
def test_grid_steps_are_round(largest: int, step: int) -> None:
    assert grid_step(largest) == step


@pytest.mark.parametrize(
    ("lang", "legend"),
    [("en", "🟩 answered, 🟥 not answered"), ("bg", "🟩 с отговор, 🟥 без отговор")],
)
def test_the_stats_reply_says_what_the_colours_mean(lang: str, legend: str) -> None:
    stats = Stats(7, {}, [("2026-11-05", 3, 1)], [], [], [])
    text = render_stats(stats, load_or_raise(KNOWLEDGE), lang).plain()
    assert legend in text


@pytest.mark.parametrize(
    ("lang", "tickets", "said"),
    [
        ("en", (0, 0, None, 0), "median time to answer: none answered yet,"),
        ("bg", (0, 0, None, 0), "медиана до отговора: още няма отговорени,"),
        ("en", (3, 2, 1.5, 1), "median time to answer: 1.5 h,"),
        ("bg", (3, 2, 1.5, 1), "медиана до отговора: 1,5 ч.,"),
    ],
)
def test_the_median_time_to_answer_says_when_none_was_answered(
    lang: str, tickets: tuple[int, int, float | None, int], said: str
) -> None:
    stats = Stats(7, {}, [("2026-11-05", 3, 1)], [], [], [], tickets=tickets)
    assert said in render_stats(stats, load_or_raise(KNOWLEDGE), lang).plain()
