"""A broadcast's progress, from the database, for the admin's status message and the shell."""

from __future__ import annotations

import logging
import time

from bot.services.broadcast import Progress, ProgressCallback
from bot.storage import BroadcastRow, Storage

log = logging.getLogger(__name__)
PROGRESS_EVERY = 2.0


async def progress_of(storage: Storage, broadcast_id: int) -> Progress | None:
    """Where a broadcast stands now (whichever process sends it); None if there is none."""
    row = await storage.broadcast(broadcast_id)
    if row is None:
        return None
    tally = await storage.broadcast_tally(broadcast_id)
    return Progress(
        broadcast_id,
        tally,
        row.rate(tally),
        finished=row.state in ("done", "cancelled"),
        cancelled=row.state == "cancelled",
    )


class Reporter:
    """Passes a run's progress to its callback at most every two seconds, and at the end."""

    def __init__(self, storage: Storage, row: BroadcastRow, callback: ProgressCallback | None):
        self.storage, self.row, self.callback = storage, row, callback
        self._last = 0.0
        self._busy = False

    async def maybe_report(self) -> None:
        """Report unless one was made in the last two seconds (or is being made)."""
        if self.callback and not self._busy and time.monotonic() - self._last >= PROGRESS_EVERY:
            await self.report()

    async def report(self) -> Progress:
        """Report now."""
        self._busy = True
        try:
            progress = await progress_of(self.storage, self.row.id)
            assert progress is not None, "a broadcast being sent exists"
            if self.callback is not None:
                try:
                    await self.callback(progress)
                except Exception:  # a failed status edit must not stop the broadcast
                    log.exception("progress report for broadcast %s failed", self.row.id)
        finally:
            self._last, self._busy = time.monotonic(), False
        return progress
