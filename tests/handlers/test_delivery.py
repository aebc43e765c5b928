"""The admins' progress texts of a broadcast: counts, rate, time left, reasons, final report."""

from __future__ import annotations

import pytest

from bot.handlers.delivery import progress_text
from bot.services.broadcast import Progress
from bot.storage import DeliveryState
from bot.storage.deliveries import Tally


def progress(rate: float, finished: bool = False, **counts: int) -> Progress:
    tally = Tally(
        counts={DeliveryState(state).value: n for state, n in counts.items()},
        retrying=0,
        reasons=(("Chat not found", 1),) if counts.get("failed") else (),
        sent_last_minute=counts.get("sent", 0),
    )
    return Progress(broadcast_id=7, tally=tally, rate=rate, finished=finished)


CASES = [
    (
        progress(12.5, sent=25, pending=25),
        "en",
        ["Announcement #7", "sent 25", "left 25", "12.5 messages a second"],
    ),
    (progress(12.5, sent=25, pending=25), "bg", ["Съобщение №7", "12,5 съобщения в секунда"]),
    (progress(0.0, pending=40), "en", ["left 40"]),
    (
        progress(0.0, finished=True, sent=38, failed=1, blocked=1),
        "en",
        ["is done", "sent 38, failed 1, blocked 1", "Chat not found (1)"],
    ),
]


@pytest.mark.parametrize(("state", "lang", "shown"), CASES)
def test_progress_text(state: Progress, lang: str, shown: list[str]) -> None:
    text = progress_text(state, lang)
    assert all(part in text for part in shown), text


def test_no_rate_is_shown_before_anything_was_sent() -> None:
    assert "a second" not in progress_text(progress(0.0, pending=40), "en")
