"""A PNG bar chart of questions per day, drawn with the standard library alone.

Answered questions are green, unanswered red, stacked; the dates (MM-DD) and the counts on the
axis are the only writing (digits in a small pixel font), so no font and no plotting library are
needed; the reply the chart comes with says what the colours mean.
"""

from __future__ import annotations

import math
import struct
import zlib

WIDTH, HEIGHT = 800, 400
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 32
MAX_BAR = 48
SCALE = 2  # each pixel of the font is SCALE x SCALE
WHITE, AXIS, GRID = (255, 255, 255), (60, 60, 60), (225, 225, 225)
GREEN, RED = (46, 125, 50), (198, 40, 40)
Color = tuple[int, int, int]
GLYPHS = {  # 3 x 5 pixels, rows top to bottom
    "0": ("111", "101", "101", "101", "111"),
    "1": ("010", "110", "010", "010", "111"),
    "2": ("111", "001", "111", "100", "111"),
    "3": ("111", "001", "111", "001", "111"),
    "4": ("101", "101", "111", "001", "001"),
    "5": ("111", "100", "111", "001", "111"),
    "6": ("111", "100", "111", "101", "111"),
    "7": ("111", "001", "001", "001", "001"),
    "8": ("111", "101", "111", "101", "111"),
    "9": ("111", "101", "111", "001", "111"),
    "-": ("000", "000", "111", "000", "000"),
}
ADVANCE = 4 * SCALE  # glyph width and one pixel of space


class Canvas:
    """An RGB picture with rectangles and digits, saved as PNG."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(WHITE) * width * height)

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color) -> None:
        """Fill [x0, x1) x [y0, y1), clipped to the picture."""
        x0, x1 = max(0, x0), min(self.width, x1)
        row = bytes(color) * max(0, x1 - x0)
        for y in range(max(0, y0), min(self.height, y1)):
            start = (y * self.width + x0) * 3
            self.pixels[start : start + len(row)] = row

    def text(self, x: int, y: int, digits: str, color: Color = AXIS) -> None:
        """Write digits and dashes with their top-left corner at (x, y)."""
        for number, char in enumerate(digits):
            for row, bits in enumerate(GLYPHS[char]):
                for column, bit in enumerate(bits):
                    if bit == "1":
                        left = x + number * ADVANCE + column * SCALE
                        top = y + row * SCALE
                        self.rect(left, top, left + SCALE, top + SCALE, color)

    def png(self) -> bytes:
        """The picture as a PNG file (8-bit RGB, no filter)."""
        stride = self.width * 3
        raw = b"".join(
            b"\x00" + self.pixels[y * stride : (y + 1) * stride] for y in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def grid_step(largest: int, lines: int = 5) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... that reaches largest in at most `lines` steps."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if math.ceil(largest / (factor * magnitude)) <= lines:
                return factor * magnitude
        magnitude *= 10


def bar_chart(days: list[tuple[str, int, int]]) -> bytes:
    """(YYYY-MM-DD, answered, unanswered) per day as stacked bars."""
    canvas = Canvas(WIDTH, HEIGHT)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    base = TOP + plot_h
    largest = max((a + n for _, a, n in days), default=0) or 1
    step = grid_step(largest)
    top_value = step * math.ceil(largest / step)
    for value in range(0, top_value + 1, step):
        y = base - round(value * plot_h / top_value)
        canvas.rect(LEFT, y, LEFT + plot_w, y + 1, GRID if value else AXIS)
        label = str(value)
        canvas.text(LEFT - 6 - len(label) * ADVANCE, y - 5 * SCALE // 2, label)
    slot = plot_w / max(1, len(days))
    every = max(1, math.ceil((5 * ADVANCE + 8) / slot))
    for number, (day, answered, unanswered) in enumerate(days):
        middle = LEFT + round((number + 0.5) * slot)
        half = max(1, round(min(slot * 0.8, MAX_BAR) / 2))
        x0, x1 = middle - half, middle + half
        green_top = base - round(answered * plot_h / top_value)
        red_top = base - round((answered + unanswered) * plot_h / top_value)
        canvas.rect(x0, green_top, x1, base, GREEN)
        canvas.rect(x0, red_top, x1, green_top, RED)
        if number % every == 0:
            label = day[5:10]
            canvas.text(middle - len(label) * ADVANCE // 2, base + 8, label)
    canvas.rect(LEFT, TOP, LEFT + 1, base + 1, AXIS)
    return canvas.png()
