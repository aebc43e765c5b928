"""What the dispatcher needs from a sender, what it reports, and how long it retries.

A Sender sends one HTML message and says, by the error it raises, what became of it:

| error        | meaning                                         | the delivery becomes          |
|--------------|-------------------------------------------------|-------------------------------|
| RateLimited  | 429: not sent; the whole bot waits retry_after  | pending again, after the wait |
| Blocked      | 403: the user blocked the bot                   | blocked                       |
| Rejected     | 400 and the like: it will never go              | failed, with the reason       |
| NotSent      | it never reached Telegram, or a 5xx             | pending again (back-off)      |
| any other    | the request left and no answer came (timeout)   | uncertain: never sent again   |
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bot.storage import Tally


class SendError(Exception):
    """A message may not have been sent; the reason is shown to admins."""


class RateLimited(SendError):
    """Telegram answered 429: wait retry_after seconds; the message was not sent."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"too many requests, retry after {retry_after:g} s")
        self.retry_after = retry_after


class Blocked(SendError):
    """Telegram answered 403: the user blocked the bot."""


class Rejected(SendError):
    """Telegram refused the message for good (chat not found, bad text...)."""


class NotSent(SendError):
    """The message surely did not arrive (no connection, or a 5xx): it may be sent again."""


class Sender(Protocol):
    """Sends one HTML message to a chat (with a keyboard as JSON, in a forum topic, if given);
    returns the Telegram message id."""

    async def send(
        self, chat_id: int, html: str, markup: str | None = None, thread_id: int | None = None
    ) -> int: ...


@dataclass(frozen=True)
class RetryPolicy:
    """How often a transient failure is tried again, and how long to wait between tries."""

    attempts: int = 5
    base: float = 2.0
    cap: float = 300.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Exponential back-off with jitter (between half and one and a half times)."""
        return min(self.cap, self.base * 2.0 ** (attempt - 1)) * rng.uniform(0.5, 1.5)


@dataclass(frozen=True)
class Progress:
    """Where a broadcast stands: its tally and the rate achieved (messages a second)."""

    broadcast_id: int
    tally: Tally
    rate: float
    finished: bool = False
    cancelled: bool = False

    @property
    def seconds_left(self) -> float | None:
        """The time to finish at the achieved rate."""
        return self.tally.left / self.rate if self.rate > 0 else None


ProgressCallback = Callable[[Progress], Awaitable[None]]
ProgressFactory = Callable[[int], ProgressCallback | None]
