"""A Bot API server on 127.0.0.1 that behaves as Telegram documents it, for end-to-end tests.

It answers getMe, getUpdates (offsets, long polling), sendMessage, editMessageText,
editMessageReplyMarkup, answerCallbackQuery, answerInlineQuery, setMyCommands, setWebhook,
deleteWebhook, getWebhookInfo, sendPhoto, sendDocument, sendChatAction and getFile, and serves
the files users sent at {root}/file/bot{token}/{file_path} as Telegram does; it rejects what
Telegram rejects (text over 4096 characters, bad HTML, callback_data over 64 bytes) and can be
told to answer 429, 403, 400 or 5xx, to answer late (the message sent, the answer delayed), to
enforce a global message rate or a rate per chat, or to do some of that at random (Chaos). It
counts what each chat received, and its 429s.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from bot.services.html_check import EmptyText, ParseError, parse_html, units

TEXT_PARAMS = {
    "text",
    "caption",
    "query",
    "callback_query_id",
    "inline_query_id",
    "url",
    "secret_token",
    "description",
    "short_description",
    "language_code",
}
BOT_USER = {
    "id": 777000,
    "is_bot": True,
    "first_name": "Munibot",
    "username": "munibot_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}


class ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


ERRORS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


@dataclass
class Failure:
    """An injected failure: the next `count` calls of `method` (to `chat_id`) fail with `code`
    (not sent), or, with code 0, succeed but are answered only after `delay` seconds."""

    method: str
    code: int
    count: int = 1
    chat_id: int | None = None
    retry_after: int = 1
    delay: float = 0.0


@dataclass
class Chaos:
    """Random trouble on sendMessage: a share answered 5xx (not sent), a share answered slowly
    (sent, answered after slow_seconds: longer than the bot waits, when timeouts are wanted)."""

    error_rate: float = 0.0
    slow_rate: float = 0.0
    slow_seconds: tuple[float, float] = (0.5, 2.0)
    seed: int = 0


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    result: Any = None
    error: str | None = None
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # uploads: name, bytes


def check_markup(markup: Any) -> None:
    """Reject what Telegram rejects in an inline keyboard."""
    if not markup:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise ApiError(
                    400, "Bad Request: text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            url = button.get("url")
            if url is not None and not url.startswith(("http://", "https://", "tg://")):
                raise ApiError(400, "Bad Request: BUTTON_URL_INVALID")


def check_text(text: Any, parse_mode: Any) -> str:
    """The plain text of a message; raises as Telegram does for empty, long or bad HTML."""
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    plain = text
    if parse_mode == "HTML":
        try:
            plain = parse_html(text)
        except EmptyText:
            raise ApiError(400, "Bad Request: message text is empty") from None
        except ParseError as error:
            raise ApiError(400, f"Bad Request: can't parse entities: {error}") from None
    if units(plain) > 4096:
        raise ApiError(400, "Bad Request: message is too long")
    return plain


class FakeBotAPI:
    """The server, its recorded calls and the updates waiting for the bot."""

    def __init__(self, token: str = "123456:TEST-token") -> None:
        self.token = token
        self.calls: list[Call] = []
        self.failures: list[Failure] = []
        self.updates: list[dict[str, Any]] = []
        self.delivered: set[int] = set()
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {}
        self.messages: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
        self.members: dict[tuple[int, int], str] = {}  # (chat, user) -> status; else "left"
        self.rate_limit: float | None = None
        self.chat_limit: float | None = None  # messages a second one chat takes (429 beyond)
        self.chat_retry_after = 2
        self._chat_times: dict[int, list[float]] = defaultdict(list)
        self.chaos = Chaos()
        self.rejected_429 = 0  # answered 429 because of rate_limit or an injected failure
        self.errors_5xx = 0
        self.slow_answers = 0
        self._random = random.Random(0)
        self._sent_times: list[float] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._client: aiohttp.ClientSession | None = None
        self.url = ""
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id: file_path, content
        self._file_ids = itertools.count(1)

    async def start(self) -> str:
        """Listen on a free port of 127.0.0.1; returns the root URL."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        self._client = aiohttp.ClientSession()
        return self.url

    async def stop(self) -> None:
        """Stop listening (pending long polls and late answers end at once)."""
        self._closing.set()
        self._new_update.set()
        if self._client:
            await self._client.close()
        if self._runner:
            await self._runner.cleanup()

    # --- what tests do

    def fail(
        self,
        method: str,
        code: int,
        count: int = 1,
        chat_id: int | None = None,
        retry_after: int = 1,
    ) -> None:
        """Make the next calls of method fail with 429, 403, 400 (chat not found) or a 5xx."""
        self.failures.append(Failure(method, code, count, chat_id, retry_after))

    def slow(self, method: str, seconds: float, count: int = 1, chat_id: int | None = None) -> None:
        """Carry out the next calls of method, but answer only after seconds."""
        self.failures.append(Failure(method, 0, count, chat_id, delay=seconds))

    def set_chaos(self, chaos: Chaos) -> None:
        """Random 5xx and slow answers on sendMessage from now on."""
        self.chaos, self._random = chaos, random.Random(chaos.seed)

    def copies(self) -> Counter[int]:
        """How many messages each chat received (successful sendMessage calls)."""
        return Counter(int(c.params["chat_id"]) for c in self.sent())

    async def push(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates, or post it to the webhook; returns its update_id."""
        update_id = next(self._update_ids)
        update = {"update_id": update_id, **update}
        if self.webhook.get("url"):
            headers = {}
            if self.webhook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
            assert self._client is not None
            async with self._client.post(
                self.webhook["url"], json=update, headers=headers
            ) as response:
                self.webhook["last_status"] = response.status
            self.delivered.add(update_id)
        else:
            self.updates.append(update)
            self._new_update.set()
        return update_id

    def document(self, file_name: str, content: bytes, size: int | None = None) -> dict[str, Any]:
        """Keep a file a user sends; returns the message's 'document' field (size: what
        Telegram reports, when a test needs it to differ from the content's)."""
        number = next(self._file_ids)
        file_id = f"doc{number}"
        self.files[file_id] = (f"documents/file_{number}{_suffix(file_name)}", content)
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "mime_type": "application/x-yaml",
            "file_size": len(content) if size is None else size,
        }

    def sent(self, chat_id: int | None = None, method: str = "sendMessage") -> list[Call]:
        """Successful calls of method (to chat_id)."""
        return [
            c
            for c in self.calls
            if c.method == method
            and c.error is None
            and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)
        ]

    def texts(self, chat_id: int) -> list[str]:
        """The plain texts sent to a chat."""
        return [c.result["text"] for c in self.sent(chat_id)]

    # --- the API

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params, files=params.pop("__files__", {}))
        self.calls.append(call)
        try:
            delay = self._inject_failure(method, params)
            handler = getattr(self, f"api_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            call.result = await handler(params)
            if delay:  # done, but answered late (the client may have given up by then)
                self.slow_answers += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._closing.wait(), delay)
        except ApiError as error:
            call.error = error.description
            if error.code == 429:
                self.rejected_429 += 1
            elif error.code >= 500:
                self.errors_5xx += 1
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.code,
                "description": error.description,
            }
            if error.retry_after is not None:
                body["parameters"] = {"retry_after": error.retry_after}
            return web.json_response(body, status=error.code)
        return web.json_response({"ok": True, "result": call.result})

    async def _download(self, request: web.Request) -> web.Response:
        """A file by its file_path, as api.telegram.org/file/bot<token>/<file_path> serves it."""
        paths = {path: content for path, content in self.files.values()}
        if request.match_info["token"] != self.token or request.match_info["path"] not in paths:
            return web.Response(status=404, text="Not Found")
        self.calls.append(Call("download", {"file_path": request.match_info["path"]}))
        return web.Response(body=paths[request.match_info["path"]])

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data: dict[str, Any] = await request.json()
            return data
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                params[key] = "<file>"
                params.setdefault("__files__", {})[key] = (value.filename, value.file.read())
            elif not isinstance(value, str):
                params[key] = "<file>"
            elif key in TEXT_PARAMS:
                params[key] = value
            else:
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    params[key] = value
        return params

    def _inject_failure(self, method: str, params: dict[str, Any]) -> float:
        """Raise the injected error for this call, if any; else the delay of its answer."""
        chat_id = params.get("chat_id")
        for failure in self.failures:
            if (
                failure.method == method
                and failure.count > 0
                and (failure.chat_id is None or failure.chat_id == int(chat_id or 0))
            ):
                failure.count -= 1
                if failure.code == 0:
                    return failure.delay
                if failure.code == 429:
                    raise ApiError(
                        429,
                        f"Too Many Requests: retry after {failure.retry_after}",
                        failure.retry_after,
                    )
                raise ApiError(failure.code, ERRORS[failure.code])
        if method in ("sendMessage", "sendPhoto") and self.chat_limit and chat_id is not None:
            now, times = time.monotonic(), self._chat_times[int(chat_id)]
            times[:] = [t for t in times if now - t < 1.0]
            if len(times) >= self.chat_limit:
                raise ApiError(
                    429,
                    f"Too Many Requests: retry after {self.chat_retry_after}",
                    self.chat_retry_after,
                )
            times.append(now)
        if method in ("sendMessage", "sendPhoto") and self.rate_limit:
            now = time.monotonic()
            self._sent_times = [t for t in self._sent_times if now - t < 1.0]
            if len(self._sent_times) >= self.rate_limit:
                raise ApiError(429, "Too Many Requests: retry after 1", 1)
            self._sent_times.append(now)
        if method == "sendMessage":
            chaos, draw = self.chaos, self._random.random()
            if draw < chaos.error_rate:
                code = self._random.choice((500, 502, 503))
                raise ApiError(code, ERRORS[code])
            if draw < chaos.error_rate + chaos.slow_rate:
                return self._random.uniform(*chaos.slow_seconds)
        return 0.0

    async def api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT_USER

    async def api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        while not self.updates and time.monotonic() < deadline and not self._closing.is_set():
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
            except TimeoutError:
                break
        batch = self.updates[:limit]
        self.delivered.update(u["update_id"] for u in batch)
        return batch

    async def api_setWebhook(self, params: dict[str, Any]) -> bool:
        url = params.get("url") or ""
        if url and not url.startswith("https://") and "127.0.0.1" not in url:
            raise ApiError(400, "Bad Request: bad webhook: HTTPS url must be provided")
        self.webhook = {"url": url, "secret_token": params.get("secret_token")}
        return True

    async def api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self.updates.clear()
        return True

    async def api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }

    async def api_setMyCommands(self, params: dict[str, Any]) -> bool:
        scope = json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True)
        self.commands[(scope, params.get("language_code") or "")] = params["commands"]
        return True

    async def api_deleteMyCommands(self, params: dict[str, Any]) -> bool:
        scope = json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True)
        self.commands.pop((scope, params.get("language_code") or ""), None)
        return True

    def _message(self, chat_id: int, text: str, markup: Any, **extra: Any) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": BOT_USER,
            "text": text,
            **extra,
        }
        if markup and "inline_keyboard" in markup:  # as Telegram: only inline keyboards come back
            message["reply_markup"] = markup
        self.messages[chat_id][message["message_id"]] = message
        return message

    async def api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        if "chat_id" not in params:
            raise ApiError(400, "Bad Request: chat_id is empty")
        plain = check_text(params.get("text"), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        thread = (
            {"message_thread_id": params["message_thread_id"]}
            if params.get("message_thread_id")
            else {}
        )
        return self._message(int(params["chat_id"]), plain, params.get("reply_markup"), **thread)

    async def api_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        caption = params.get("caption")
        plain = check_text(caption, params.get("parse_mode")) if caption else ""
        check_markup(params.get("reply_markup"))
        return self._message(
            int(params["chat_id"]),
            plain,
            params.get("reply_markup"),
            photo=[{"file_id": "photo", "file_unique_id": "p", "width": 1, "height": 1}],
        )

    async def api_sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:
        caption = params.get("caption")
        plain = check_text(caption, params.get("parse_mode")) if caption else ""
        return self._message(
            int(params["chat_id"]),
            plain,
            params.get("reply_markup"),
            document={"file_id": "sent", "file_unique_id": "sent"},
        )

    async def api_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id") or "")
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = self.files[file_id]
        if len(content) > 20 * 1024 * 1024:
            raise ApiError(400, "Bad Request: file is too big")
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(content),
            "file_path": path,
        }

    async def api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        message = self.messages[chat_id].get(message_id)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        plain = check_text(params.get("text"), params.get("parse_mode"))
        markup = params.get("reply_markup")
        check_markup(markup)
        if plain == message["text"] and markup == message.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified")
        message.update(text=plain, reply_markup=markup, edit_date=int(time.time()))
        return message

    async def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        message = self.messages[chat_id].get(message_id)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        check_markup(params.get("reply_markup"))
        message["reply_markup"] = params.get("reply_markup")
        return message

    async def api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        if len(params.get("text") or "") > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    async def api_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        for result in results:
            if not 1 <= len(str(result.get("id", "")).encode()) <= 64:
                raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
            content = result.get("input_message_content") or {}
            check_text(content.get("message_text"), content.get("parse_mode"))
            check_markup(result.get("reply_markup"))
        return True

    async def api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        status = self.members.get((chat_id, user_id), "left")
        member: dict[str, Any] = {
            "status": status,
            "user": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
        }
        if status == "creator":
            member["is_anonymous"] = False
        return member

    async def api_sendChatAction(self, params: dict[str, Any]) -> bool:
        return True

    async def api_close(self, params: dict[str, Any]) -> bool:
        return True


def _suffix(file_name: str) -> str:
    return "." + file_name.rsplit(".", 1)[-1] if "." in file_name else ""
