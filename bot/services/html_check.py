"""Telegram's HTML parse mode, as the Bot API checks it: the tags and entities it accepts."""

from __future__ import annotations

import html
import re

ALLOWED = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|"
    r"[^\s>]+))*)\s*>"
)
_ATTR = re.compile(r"([a-zA-Z-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class ParseError(ValueError):
    """The text is not valid Telegram HTML."""


def parse_html(text: str) -> str:
    """The plain text Telegram would show; raises ParseError as Telegram answers 400."""
    plain: list[str] = []
    stack: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "<":
            match = _TAG.match(text, position)
            if match is None:
                raise ParseError(f"Unsupported start tag at byte offset {position}")
            closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
            if name not in ALLOWED:
                raise ParseError(f'Unsupported start tag "{name}" at byte offset {position}')
            if closing:
                if not stack or stack[-1] != name:
                    raise ParseError(
                        f"Unmatched end tag at byte offset {position}, expected "
                        f'"</{stack[-1] if stack else ""}>", found "</{name}>"'
                    )
                stack.pop()
            else:
                found = {
                    m.group(1): m.group(2) or m.group(3) or m.group(4)
                    for m in _ATTR.finditer(attrs)
                }
                if name == "a" and not found.get("href"):
                    raise ParseError("Can't find href in the a tag")
                stack.append(name)
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if match is None:
                raise ParseError(f"Character entity expected at byte offset {position}")
            plain.append(html.unescape(match.group(0)))
            position = match.end()
        elif char == ">":
            raise ParseError(f"Unexpected end tag at byte offset {position}")
        else:
            plain.append(char)
            position += 1
    if stack:
        raise ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(plain)
