"""Logging: one line per event (text or JSON lines), secrets hidden, levels that mean something.

Every record, whichever handler it reaches, is shaped once when it is made: the token and the
webhook secret are masked in its message and traceback, and an expected answer from Telegram
(the user blocked the bot, the message was not modified, the network failed) becomes one line at
INFO or WARNING instead of an ERROR with a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
import traceback
import urllib.parse
from typing import Any, TextIO

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

MASK = "<secret>"
TOKEN_SHAPE = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")  # any Telegram bot token
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET_LOGGERS = ("httpx", "httpcore")  # their INFO lines carry the token in the URL
EXPECTED_BAD_REQUESTS = (
    "message is not modified",
    "message to edit not found",
    "message to delete not found",
    "query is too old",
)
_secrets: set[str] = set()
_make_record = logging.getLogRecordFactory()


def add_secret(value: str | None) -> None:
    """Never show value, nor its URL-encoded form, in a log record or an error line."""
    if value:
        _secrets.update({value, urllib.parse.quote(value, safe="")})
        logging.setLogRecordFactory(_shaped_record)


def redact(text: str) -> str:
    """text with every secret, and anything shaped like a bot token, masked."""
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return TOKEN_SHAPE.sub(MASK, text)


def expected_level(error: BaseException) -> int | None:
    """The level for an answer from Telegram that is a normal outcome; None for a real error."""
    if isinstance(error, Forbidden):
        return logging.INFO
    if isinstance(error, BadRequest):
        text = error.message.lower()
        return logging.INFO if any(known in text for known in EXPECTED_BAD_REQUESTS) else None
    if isinstance(error, NetworkError | RetryAfter):
        return logging.WARNING
    return None


def one_line(error: BaseException) -> str:
    """`Type: message (at file:line in function)` of the innermost frame."""
    text = f"{type(error).__name__}: {error}"
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        last = frames[-1]
        where = last.filename.rsplit("/site-packages/", 1)[-1]
        text += f" (at {where}:{last.lineno} in {last.name})"
    return redact(text)


def _shaped_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _make_record(*args, **kwargs)
    message = record.getMessage()
    error = record.exc_info[1] if record.exc_info else None
    level = expected_level(error) if error is not None else None
    if error is not None and level is not None:
        record.exc_info, record.exc_text = None, None
        record.levelno, record.levelname = level, logging.getLevelName(level)
    shown = f"{message}: {type(error).__name__}: {error}" if level is not None else message
    clean = redact(shown)
    if clean != message:
        record.msg, record.args = clean, ()
    if record.exc_info:
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip())
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    return record


class LineFormatter(logging.Formatter):
    """`time LEVEL logger: message`, an exception on the same line (its traceback with --debug)."""

    def __init__(self, tracebacks: bool = False) -> None:
        super().__init__(TEXT_FORMAT)
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        """One line, unless tracebacks were asked for."""
        if self.tracebacks:
            return redact(super().format(record))
        line = super().formatMessage(self._with_time(record))
        if record.exc_info and record.exc_info[1] is not None:
            line += f" | {one_line(record.exc_info[1])}"
        return redact(line.replace("\n", " "))

    def _with_time(self, record: logging.LogRecord) -> logging.LogRecord:
        record.message = record.getMessage()
        record.asctime = self.formatTime(record)
        return record


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and error / traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line."""
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[1] is not None:
            entry["error"] = one_line(record.exc_info[1])
            entry["traceback"] = record.exc_text or self.formatException(record.exc_info)
        return redact(json.dumps(entry, ensure_ascii=False))


def setup(
    level: int, log_format: str = "text", debug: bool = False, stream: TextIO | None = None
) -> None:
    """Send every record to stream (stderr) in the chosen format ("text" or "json")."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else LineFormatter(debug))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.setLogRecordFactory(_shaped_record)
