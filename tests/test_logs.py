"""Logs: the token never shows, one line per event, levels that mean something, JSON lines."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TimedOut

from bot import logs

TOKEN = "7012345678:AAH4f-Secret_part-of-the-token-1234567"


@pytest.fixture
def output() -> Iterator[io.StringIO]:
    """What the root handler writes, with the bot's logging set up as `munibot run` does."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    logs.add_secret(TOKEN)
    logs.setup(logging.INFO, stream=stream)
    yield stream
    root.handlers[:], _ = saved
    root.setLevel(saved[1])


def raised(error: Exception) -> Exception:
    try:
        raise error
    except Exception as caught:
        return caught


def test_the_token_is_hidden_in_messages_exceptions_and_tracebacks(
    output: io.StringIO, caplog: pytest.LogCaptureFixture
) -> None:
    log = logging.getLogger("bot.test")
    log.info("calling https://api.telegram.org/bot%s/getMe", TOKEN)
    log.error("start failed", exc_info=raised(InvalidToken(f"The token `{TOKEN}` was rejected")))
    log.error("quoted %s", TOKEN.replace(":", "%3A"))
    log.error("another bot's token 123456789:%s", "x" * 35)
    text = output.getvalue() + caplog.text
    assert TOKEN not in text and "%3A" not in text and "x" * 35 not in text
    assert text.count(logs.MASK) >= 8
    assert logs.redact(f"munibot: {TOKEN}") == f"munibot: {logs.MASK}"


@pytest.mark.parametrize(
    ("error", "level"),
    [
        (Forbidden("Forbidden: bot was blocked by the user"), "INFO"),
        (BadRequest("Bad Request: message is not modified"), "INFO"),
        (BadRequest("Bad Request: message to edit not found"), "INFO"),
        (NetworkError("httpx.ConnectError: All connection attempts failed"), "WARNING"),
        (TimedOut("Timed out"), "WARNING"),
        (BadRequest("Bad Request: can't parse entities"), "ERROR"),
        (RuntimeError("the engine broke"), "ERROR"),
    ],
)
def test_one_line_per_event_at_a_level_that_means_something(
    output: io.StringIO, caplog: pytest.LogCaptureFixture, error: Exception, level: str
) -> None:
    logging.getLogger("bot.test").error("handling update 5", exc_info=raised(error))
    [line] = output.getvalue().splitlines()
    assert f" {level} bot.test: handling update 5" in line and str(error) in line
    assert "Traceback" not in caplog.text or level == "ERROR"
    assert caplog.records[-1].levelname == level


def test_an_unexpected_error_says_where_it_happened(output: io.StringIO) -> None:
    logging.getLogger("bot.test").exception("boom", exc_info=raised(RuntimeError("bad")))
    [line] = output.getvalue().splitlines()
    assert "RuntimeError: bad (at " in line and "test_logs.py:" in line and "in raised" in line


def test_json_lines(caplog: pytest.LogCaptureFixture) -> None:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logs.add_secret(TOKEN)
    logs.setup(logging.INFO, "json", stream=stream)
    try:
        log = logging.getLogger("bot.test")
        log.info("ready: %d projects", 17)
        log.error("failed\nwith a second line", exc_info=raised(ValueError(f"token {TOKEN}")))
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["level"] == "INFO" and first["message"] == "ready: 17 projects"
    assert first["logger"] == "bot.test" and "error" not in first
    assert second["error"].startswith(f"ValueError: token {logs.MASK}")
    assert "Traceback" in second["traceback"] and TOKEN not in stream.getvalue()
