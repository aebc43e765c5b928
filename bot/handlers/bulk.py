"""The dispatcher's sender: one keep-alive aiohttp session posting sendMessage to the Bot API.

python-telegram-bot's request stack (httpx, then a Message object built from every answer)
costs about 3 ms of processor time a message; this sender about 0.4 ms. Telegram's answers map
to the dispatcher's errors as TelegramSender's do (bot/handlers/delivery.py).
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp

from bot.services.broadcast import Blocked, NotSent, RateLimited, Rejected, SendError


def _reason(description: str) -> str:
    """Telegram's description as python-telegram-bot words it ("Bad Request: chat not found"
    becomes "Chat not found"), so that admins read one wording whichever sender sent."""
    reason = description
    for prefix in ("Error: ", "[Error]: ", "Bad Request: "):
        reason = reason.removeprefix(prefix)
    return reason.capitalize() if reason != description else reason


def answer_error(status: int, answer: dict[str, Any]) -> SendError:
    """What a Bot API error answer means for a message: see bot.services.broadcast."""
    reason = _reason(str(answer.get("description") or f"HTTP {status}"))
    parameters = answer.get("parameters") or {}
    if status == 429 or "retry_after" in parameters:
        return RateLimited(float(parameters.get("retry_after") or 1))
    if status == 403:
        return Blocked(reason)
    if status >= 500:
        return NotSent(reason)
    return Rejected(reason)


class DirectSender:
    """Sends one HTML message straight to the Bot API; raises a SendError saying what became of
    the message (a connection refused: not sent; no answer after the request left: unknown)."""

    def __init__(self, api_base_url: str, token: str, timeout: float | None = None) -> None:
        self._url = f"{api_base_url}/bot{token}/sendMessage"
        self._timeout = aiohttp.ClientTimeout(total=None, connect=5, sock_read=timeout or 10)
        self._session: aiohttp.ClientSession | None = None

    async def send(
        self, chat_id: int, text: str, markup: str | None = None, thread_id: int | None = None
    ) -> int:
        """The message id of the sent message."""
        payload: dict[str, Any] = {
            "chat_id": chat_id,
            "text": text,
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        }
        if markup:
            payload["reply_markup"] = json.loads(markup)
        if thread_id is not None:
            payload["message_thread_id"] = thread_id
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=64)
            self._session = aiohttp.ClientSession(connector=connector, timeout=self._timeout)
        try:
            async with self._session.post(self._url, json=payload) as response:
                answer = await response.json(content_type=None)
                status = response.status
        except aiohttp.ClientConnectorError as error:  # before the request left
            raise NotSent(f"no connection to Telegram ({type(error).__name__})") from error
        except (TimeoutError, aiohttp.ClientError, ValueError) as error:
            raise SendError(f"no answer from Telegram ({type(error).__name__})") from error
        if status == 200 and answer.get("ok"):
            return int(answer["result"]["message_id"])
        raise answer_error(status, answer)

    async def close(self) -> None:
        """Close the session (its connections)."""
        if self._session is not None:
            await self._session.close()
