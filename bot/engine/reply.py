"""A reply as lines of spans, rendered to Telegram HTML (escaped) or to plain text."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A piece of text, optionally bold or a link."""

    text: str
    url: str | None = None
    bold: bool = False

    def html(self) -> str:
        """This span as Telegram HTML with everything escaped."""
        body = html.escape(self.text, quote=False)
        if self.bold:
            body = f"<b>{body}</b>"
        if self.url:
            body = f'<a href="{html.escape(self.url, quote=True)}">{body}</a>'
        return body

    def plain(self) -> str:
        """This span as plain text (a link shows its address)."""
        if self.url and self.url != self.text:
            return f"{self.text} ({self.url})"
        return self.text


Line = tuple[Span, ...]


@dataclass(frozen=True)
class Reply:
    """The lines of one reply."""

    lines: tuple[Line, ...]

    def html(self) -> str:
        """The whole reply as Telegram HTML."""
        return "\n".join("".join(span.html() for span in line) for line in self.lines).strip()

    def plain(self) -> str:
        """The whole reply as plain text."""
        return "\n".join("".join(span.plain() for span in line) for line in self.lines).strip()

    def then(self, other: Reply, blank: bool = True) -> Reply:
        """This reply and, after an empty line (unless blank is False), another one."""
        gap: tuple[Line, ...] = ((),) if blank and self.lines and other.lines else ()
        return Reply((*self.lines, *gap, *other.lines))


class ReplyBuilder:
    """Collects lines of a reply."""

    def __init__(self) -> None:
        self._lines: list[Line] = []

    def line(self, *spans: Span | str) -> ReplyBuilder:
        """Add a line made of spans (plain strings become plain spans)."""
        self._lines.append(tuple(Span(s) if isinstance(s, str) else s for s in spans))
        return self

    def title(self, text: str) -> ReplyBuilder:
        """Add a bold heading line."""
        return self.line(Span(text, bold=True))

    def field(self, label: str, value: str) -> ReplyBuilder:
        """Add 'label: value' with the label in bold."""
        return self.line(Span(f"{label}: ", bold=True), value)

    def bullet(self, *spans: Span | str) -> ReplyBuilder:
        """Add a bulleted line."""
        return self.line("• ", *spans)

    def blank(self) -> ReplyBuilder:
        """Add an empty line (never two in a row, never first)."""
        if self._lines and self._lines[-1]:
            self._lines.append(())
        return self

    def build(self) -> Reply:
        """The finished reply."""
        lines = list(self._lines)
        while lines and not lines[-1]:
            lines.pop()
        return Reply(tuple(lines))
