"""Telegram's HTML parse mode, checked as the Bot API checks it: the plain text Telegram shows
(whose length, in UTF-16 units, is what its 4,096 limit counts) or the refusal it answers.

The scanner follows the Bot API's own parser (TDLib's parse_html: the syntax of tags and
attributes, names without case, `</>` closing the last tag, empty entities dropped, its error
messages with byte offsets) and the "HTML style" section of the Bot API documentation: only
the documented tags; `<span>` only with class "tg-spoiler"; `<tg-emoji>` only with a positive
`emoji-id`; `<tg-time>` with a documented `format`; `<blockquote expandable>`; only the named
entities &lt; &gt; &amp; &quot; and numeric references to a real character; a `<`, `>` or `&`
that is no part of a tag or an entity is refused, as the documentation requires, and so is a
text that nothing is left of.
"""

from __future__ import annotations

import re

TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "tg-emoji", "tg-time", "code", "pre", "blockquote",
    }
)  # fmt: skip
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
SPACES = " \t\n\r\v\f\0"
_NAME_TOKEN = re.compile(r"[A-Za-z0-9.-]*")
_NUMERIC = re.compile(r"&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));?")
_NAMED = re.compile(r"&([A-Za-z]+);?")
_TIME_FORMAT = re.compile(r"r|w?[dD]?[tT]?")


class ParseError(ValueError):
    """The text is not valid Telegram HTML (Telegram answers 400 "can't parse entities")."""


class EmptyText(ParseError):
    """Nothing is left of the text (Telegram answers 400 "message text is empty")."""


def units(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def parse_html(text: str) -> str:
    """The plain text Telegram would show; raises ParseError as Telegram answers 400."""
    return _Scanner(text).plain()


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text, self.size = text, len(text)

    def offset(self, index: int) -> int:
        """Telegram reports byte offsets in UTF-8."""
        return len(self.text[:index].encode("utf-8", "surrogatepass"))

    def at(self, index: int) -> str:
        """The character at index; NUL past the end (TDLib reads a C string)."""
        return self.text[index] if index < self.size else "\0"

    def plain(self) -> str:
        text, out, i = self.text, [], 0
        stack: list[str] = []
        while i < self.size:
            char = text[i]
            if char == "&":
                decoded, i = self.reference(i)
                out.append(decoded)
            elif char == ">":
                raise ParseError(f'Unescaped ">" at byte offset {self.offset(i)}: write &gt;')
            elif char != "<":
                out.append(char)
                i += 1
            elif self.at(i + 1) == "/":
                i = self.end_tag(i, stack)
            else:
                i = self.start_tag(i, stack)
        if stack:
            raise ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
        plain = "".join(out)
        if not plain.strip():
            raise EmptyText("message text is empty")
        return plain

    def reference(self, i: int) -> tuple[str, int]:
        """A character reference at i: its character and where the text goes on."""
        numeric = _NUMERIC.match(self.text, i)
        if numeric is not None:
            digits, hexadecimal = numeric.groups()
            code = int(digits, 10) if digits else int(hexadecimal, 16)
            if 0xD800 <= code <= 0xDFFF:
                raise ParseError(
                    "Text contains invalid Unicode characters after decoding HTML entities, "
                    "check for unmatched surrogate code units"
                )
            if code == 0 or code >= 0x10FFFF or numeric.end() - i > 10:
                raise ParseError(
                    f'"{numeric.group(0)}" at byte offset {self.offset(i)} is not a character'
                )
            return chr(code), numeric.end()
        named = _NAMED.match(self.text, i)
        if named is not None and named.group(1) in NAMED:
            return NAMED[named.group(1)], named.end()
        if named is not None:
            raise ParseError(
                f'Unsupported entity "{named.group(0)}" at byte offset {self.offset(i)}: '
                "only &lt; &gt; &amp; &quot; and numeric ones are"
            )
        raise ParseError(f'Unescaped "&" at byte offset {self.offset(i)}: write &amp;')

    def start_tag(self, begin: int, stack: list[str]) -> int:
        """A start tag at begin, checked and pushed; the index after its '>'."""
        i = begin + 1
        while self.at(i) not in SPACES and self.at(i) != ">":
            i += 1
        if i >= self.size:
            raise ParseError(f"Unclosed start tag at byte offset {self.offset(begin)}")
        name = self.text[begin + 1 : i].lower()
        if name not in TAGS:
            raise ParseError(f'Unsupported start tag "{name}" at byte offset {self.offset(begin)}')
        attributes, i = self.attributes(i, name, begin)
        self.check(name, attributes, begin)
        stack.append(name)
        return i + 1

    def attributes(self, i: int, tag: str, begin: int) -> tuple[dict[str, str], int]:
        """The attributes of a start tag from i on, and the index of its '>'."""
        found: dict[str, str] = {}
        while True:
            while i < self.size and self.at(i) in SPACES:
                i += 1
            if self.at(i) == ">":
                return found, i
            start = i
            while self.at(i) not in SPACES and self.at(i) not in "=>/\"'":
                i += 1
            name = self.text[start:i]
            if not name:
                raise ParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {self.offset(begin)}'
                )
            while i < self.size and self.at(i) in SPACES:
                i += 1
            if i >= self.size:
                raise ParseError(f'Unclosed start tag "{tag}" at byte offset {self.offset(begin)}')
            if self.at(i) != "=":
                found[name] = ""  # an attribute without a value: <blockquote expandable>
                continue
            i += 1
            while i < self.size and self.at(i) in SPACES:
                i += 1
            if i >= self.size:
                raise ParseError(f'Unclosed start tag "{tag}" at byte offset {self.offset(begin)}')
            found[name], i = self.value(i)
            if i >= self.size:
                raise ParseError(f"Unclosed start tag at byte offset {self.offset(begin)}")

    def value(self, i: int) -> tuple[str, int]:
        """An attribute's value at i (a name token, lowercased, or a quoted string with its
        references decoded), and where the tag goes on."""
        quote = self.at(i)
        if quote not in "\"'":
            token = _NAME_TOKEN.match(self.text, i)
            end = token.end() if token else i
            if self.at(end) not in SPACES and self.at(end) != ">":
                raise ParseError(f"Unexpected end of name token at byte offset {self.offset(i)}")
            return self.text[i:end].lower(), end
        chars, i = [], i + 1
        while i < self.size and self.text[i] != quote:
            if self.text[i] == "&":
                try:
                    decoded, i = self.reference(i)
                except ParseError:
                    decoded, i = "&", i + 1  # kept as it is, as Telegram does in attributes
                chars.append(decoded)
            else:
                chars.append(self.text[i])
                i += 1
        return "".join(chars), (i + 1 if i < self.size else i)

    def check(self, tag: str, attributes: dict[str, str], begin: int) -> None:
        """What the documentation requires of a tag's attributes."""
        if tag == "span" and attributes.get("class") != "tg-spoiler":
            raise ParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self.offset(begin)}'
            )
        emoji = attributes.get("emoji-id", "")
        if tag == "tg-emoji" and not (
            emoji.isascii() and emoji.isdigit() and 0 < int(emoji) < 2**63
        ):
            raise ParseError("Invalid custom emoji identifier specified")
        if tag == "tg-time" and not _TIME_FORMAT.fullmatch(attributes.get("format", "")):
            raise ParseError(
                f'Invalid date-time format "{attributes["format"]}" at byte offset '
                f"{self.offset(begin)}: write r, or w, d or D, t or T in that order"
            )

    def end_tag(self, begin: int, stack: list[str]) -> int:
        """An end tag at begin, matched with the last start tag; the index after its '>'."""
        if not stack:
            raise ParseError(f"Unexpected end tag at byte offset {self.offset(begin)}")
        i = begin + 2
        while self.at(i) not in SPACES and self.at(i) != ">":
            i += 1
        name = self.text[begin + 2 : i].lower()
        while i < self.size and self.at(i) in SPACES:
            i += 1
        if self.at(i) != ">":
            raise ParseError(f"Unclosed end tag at byte offset {self.offset(begin)}")
        if name and name != stack[-1]:
            raise ParseError(
                f"Unmatched end tag at byte offset {self.offset(begin)}, expected "
                f'"</{stack[-1]}>", found "</{name}>"'
            )
        stack.pop()
        return i + 1
