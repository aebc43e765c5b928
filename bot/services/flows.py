"""Multi-step flows (an upload waiting for confirmation, /addnews, an /undo, a broadcast draft):
one per user, stored in the database so that a restart loses none; idle ones time out."""

from __future__ import annotations

import secrets
import time
from dataclasses import replace
from typing import Any

from bot.storage import FlowState, Storage


class Flows:
    """Start, read, move on and end the users' flows."""

    def __init__(self, storage: Storage, timeout: float) -> None:
        self.storage = storage
        self.timeout = timeout

    async def start(
        self, user_id: int, chat_id: int, kind: str, step: str, **data: Any
    ) -> FlowState:
        """Begin a flow (any earlier one of the user ends); its buttons carry data['n']."""
        state = FlowState(user_id, chat_id, kind, step, {"n": secrets.randbelow(10**9), **data}, 0)
        await self.storage.save_flow(state)
        return state

    async def current(self, user_id: int) -> tuple[FlowState | None, bool]:
        """The user's flow and False; or None and True when it had been left idle too long
        (it is ended now); or None and False when there is none."""
        state = await self.storage.flow(user_id)
        if state is None:
            return None, False
        if state.updated_at < time.time() - self.timeout:
            await self.storage.end_flow(user_id)
            return None, True
        return state, False

    async def advance(self, state: FlowState, step: str, **data: Any) -> FlowState:
        """Move the flow to step, adding data."""
        moved = replace(state, step=step, data={**state.data, **data})
        await self.storage.save_flow(moved)
        return moved

    async def end(self, user_id: int) -> bool:
        """End the user's flow; False when there was none."""
        return await self.storage.end_flow(user_id)

    async def expire(self) -> list[FlowState]:
        """End every flow left idle too long; returns them (their users may be told)."""
        idle = await self.storage.idle_flows(time.time() - self.timeout)
        for state in idle:
            await self.storage.end_flow(state.user_id)
        return idle
