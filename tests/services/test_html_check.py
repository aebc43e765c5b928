"""Telegram's HTML parse mode as the Bot API checks it (its parser's answers, and the "HTML
style" section of its documentation); the tests' Bot API server uses the same check."""

from __future__ import annotations

import pytest

from bot.services.announcements import DraftError, split_versions
from bot.services.html_check import EmptyText, ParseError, parse_html, units
from tests.botapi.server import ApiError, check_text

ACCEPTED = [
    ("<b>bold</b>, <strong>bold</strong>", "bold, bold"),
    ("<i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>", "ieunskd"),
    (
        '<span class="tg-spoiler">spoiler</span>, <tg-spoiler>spoiler</tg-spoiler>',
        "spoiler, spoiler",
    ),
    ("<span class=TG-SPOILER>x</span>", "x"),  # an unquoted value is a name token: no case
    ('<a href="http://www.example.com/">inline URL</a>', "inline URL"),
    ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
    ('<tg-time unix="1647531900" format="wDT">22:45 tomorrow</tg-time>', "22:45 tomorrow"),
    ('<pre><code class="language-python">x = 1</code></pre>', "x = 1"),
    ("<blockquote>quote</blockquote>", "quote"),
    ("<blockquote expandable>hidden</blockquote>", "hidden"),
    ("<B>upper</b> <i>x</>", "upper x"),  # names without case; </> closes the last tag
    ("&lt;&gt;&amp;&quot; &#128512; &#x1F600;", '<>&" 😀 😀'),
    ("<i>i</i><b></b>", "i"),  # an empty entity is dropped, the text is not empty
]
REFUSED = [
    ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ('<span class="spoiler">x</span>', 'Tag "span" must have class "tg-spoiler"'),
    ("<tg-emoji>👍</tg-emoji>", "Invalid custom emoji identifier specified"),
    ('<tg-emoji emoji-id="-5">👍</tg-emoji>', "Invalid custom emoji identifier specified"),
    ('<tg-time unix="1" format="x">t</tg-time>', "Invalid date-time format"),
    ("&#0;", "is not a character"),
    ("&#1114111;", "is not a character"),
    ("&#xD83D;", "unmatched surrogate code units"),
    ("&nbsp;", "Unsupported entity"),
    ("a & b", 'Unescaped "&" at byte offset 2'),
    ("a > b", 'Unescaped ">"'),
    ("<br>", 'Unsupported start tag "br" at byte offset 0'),
    ("a < b", 'Unsupported start tag "" at byte offset 2'),
    ("x <b", "Unclosed start tag at byte offset 2"),
    ("<a href", 'Unclosed start tag "a" at byte offset 0'),
    ("<a href=x/>y</a>", "Unexpected end of name token at byte offset 8"),
    ('<a ="x">y</a>', 'Empty attribute name in the tag "a" at byte offset 0'),
    ("x</b>", "Unexpected end tag at byte offset 1"),
    ("<b>x</b", "Unclosed end tag at byte offset 4"),
    ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
    ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
    ("д<br>", 'Unsupported start tag "br" at byte offset 2'),  # offsets in UTF-8 bytes
]


@pytest.mark.parametrize(("html", "plain"), ACCEPTED)
def test_what_telegram_accepts(html: str, plain: str) -> None:
    assert parse_html(html) == plain


@pytest.mark.parametrize(("html", "message"), REFUSED)
def test_what_telegram_refuses_with_its_message(html: str, message: str) -> None:
    with pytest.raises(ParseError) as refused:
        parse_html(html)
    assert message in str(refused.value)


@pytest.mark.parametrize("html", ["<b></b>", "<b> </b>\n", "<i></i><u></u>"])
def test_a_text_nothing_is_left_of_is_empty(html: str) -> None:
    with pytest.raises(EmptyText):
        parse_html(html)
    with pytest.raises(ApiError, match="message text is empty"):
        check_text(html, "HTML")


def test_length_is_counted_in_utf16_units_after_entities() -> None:
    assert units("😀" * 3000) == 6000
    with pytest.raises(DraftError) as refused:
        split_versions("😀" * 3000)
    assert refused.value.key == "admin.too_long" and refused.value.values["length"] == 6000
    assert split_versions("&amp;" * 4096)[0]  # 20,480 characters, 4,096 shown: fits
    with pytest.raises(ApiError, match="message is too long"):
        check_text("😀" * 2049, "HTML")
