"""The bot's HTTP server: Telegram's webhook and /healthz.

The secret header and the length are checked before a byte of the body is read (a request that
fails either is answered and its connection closed), bodies over MAX_BODY are refused, an
update_id that comes again is acknowledged without being handled twice, and /healthz answers
"ok" or "unavailable" and nothing else. Every handler streams, so no path reads a body it does
not want.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from tornado.http1connection import HTTP1Connection
from tornado.httpserver import HTTPServer
from tornado.web import Application as WebApplication
from tornado.web import RequestHandler, stream_request_body

from bot.handlers.lifecycle import App

log = logging.getLogger(__name__)
MAX_BODY = 1 << 20  # 1 MB: Telegram's updates are a few kB
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
REMEMBERED_UPDATES = 10_000
UNLIMITED = 1 << 62
HealthCheck = Callable[[], Awaitable[bool]]


class RecentIds:
    """The last REMEMBERED_UPDATES update ids, to handle each update once."""

    def __init__(self, size: int = REMEMBERED_UPDATES) -> None:
        self._order: deque[int] = deque()
        self._seen: set[int] = set()
        self.size = size

    def first_time(self, update_id: int) -> bool:
        """True the first time an id is seen (and remember it)."""
        if update_id in self._seen:
            return False
        self._seen.add(update_id)
        self._order.append(update_id)
        if len(self._order) > self.size:
            self._seen.discard(self._order.popleft())
        return True


class Hook:
    """What the webhook handler needs: the application, the secret, the ids already handled."""

    def __init__(self, application: App, secret: str) -> None:
        self.application = application
        self.secret = secret.encode()
        self.recent = RecentIds()
        self.refused = 0

    def authentic(self, header: str | None) -> bool:
        """Whether the secret header is the one given to setWebhook (compared in constant time)."""
        return hmac.compare_digest((header or "").encode(), self.secret)

    def note_refused(self) -> None:
        """Count a request without the secret; log the 1st, 2nd, 4th, 8th... of them."""
        self.refused += 1
        if self.refused & (self.refused - 1) == 0:
            log.warning("refused %d webhook request(s) without the right secret", self.refused)


@stream_request_body
class _Quiet(RequestHandler):
    """No Server header, no body beyond the status, no body read unless a subclass wants it."""

    def set_default_headers(self) -> None:
        """Say nothing about the server."""
        self.clear_header("Server")
        self.set_header("Content-Type", "text/plain; charset=utf-8")

    def compute_etag(self) -> None:
        """No ETag."""
        return None

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """The status code and nothing else."""
        self.finish(f"{status_code}\n")

    def limit_body(self, size: int) -> None:
        """Let tornado read at most size bytes of this request's body."""
        if isinstance(self.request.connection, HTTP1Connection):
            self.request.connection.set_max_body_size(size)

    def refuse(self, status: int) -> None:
        """Answer now; the connection then closes with the body unread (with no limit to
        enforce, tornado does not answer a second time about the length)."""
        self.limit_body(UNLIMITED)
        self.send_error(status)

    def data_received(self, chunk: bytes) -> None:
        """Bodies are not wanted here."""


class UpdateHandler(_Quiet):
    """POST <webhook path>: one update from Telegram."""

    def initialize(self, hook: Hook) -> None:
        """Keep the hook."""
        self.hook = hook
        self.body = bytearray()

    def prepare(self) -> None:
        """Refuse a wrong method, a wrong or missing secret and a body too big, before reading."""
        headers = self.request.headers
        length = headers.get("Content-Length", "")
        if self.request.method != "POST":
            self.refuse(405)
        elif not self.hook.authentic(headers.get(SECRET_HEADER)):
            self.hook.note_refused()
            self.refuse(403)
        elif "Transfer-Encoding" in headers or not length.isdigit():
            self.refuse(411)
        elif int(length) > MAX_BODY:
            self.refuse(413)
        else:
            self.limit_body(MAX_BODY)

    def data_received(self, chunk: bytes) -> None:
        """Collect the body (at most MAX_BODY bytes: tornado stops at the declared length)."""
        self.body += chunk

    async def post(self) -> None:
        """Queue the update unless it was already queued; 400 for what is not an update."""
        try:
            data = json.loads(self.body)
            update_id = data["update_id"]
            if not isinstance(update_id, int):
                raise TypeError("update_id is not a number")
            update = Update.de_json(data, self.hook.application.bot)
        except Exception as error:  # whatever the body is, the answer is 400, never a 500
            log.warning("refused a webhook body that is not an update: %s", error)
            self.send_error(400)
            return
        if self.hook.recent.first_time(update_id):
            await self.hook.application.update_queue.put(update)
        else:
            log.info("update %d came again; it was handled once", update_id)
        self.finish()


class HealthHandler(_Quiet):
    """GET /healthz: 200 "ok" when the bot answers, its knowledge is loaded and its database
    takes writes; 503 "unavailable" otherwise."""

    def initialize(self, check: HealthCheck) -> None:
        """Keep the check."""
        self.check = check

    async def prepare(self) -> None:
        """Answer before any body is read."""
        if self.request.method not in ("GET", "HEAD"):
            self.refuse(405)
        elif await self.check():
            self.finish("ok\n")
        else:
            self.set_status(503)
            self.finish("unavailable\n")


class NotFound(_Quiet):
    """Every other path."""

    def prepare(self) -> None:
        """404, body unread."""
        self.refuse(404)


def _access_log(handler: RequestHandler) -> None:
    """Requests are logged at DEBUG only: a flood of refused requests must not flood the log."""
    request = handler.request
    log.debug("%s %s -> %d", request.method, request.path, handler.get_status())


class WebhookServer:
    """The HTTP server on listen:port: the webhook at path (when given) and /healthz."""

    def __init__(
        self,
        application: App,
        health: HealthCheck,
        listen: str,
        port: int,
        path: str | None = None,
        secret: str = "",
    ) -> None:
        routes: list[Any] = [(r"/healthz", HealthHandler, {"check": health})]
        if path is not None:
            if not secret:
                raise ValueError("a webhook needs a secret")
            route = re.escape(path or "/")  # exactly the path Telegram posts to
            routes.append((route, UpdateHandler, {"hook": Hook(application, secret)}))
        self.web = WebApplication(routes, default_handler_class=NotFound, log_function=_access_log)
        self.listen, self.port = listen, port
        self._server: HTTPServer | None = None

    async def start(self) -> None:
        """Listen (raises OSError when the address is taken or not allowed)."""
        self._server = HTTPServer(
            self.web,
            max_body_size=MAX_BODY,
            idle_connection_timeout=60,
            body_timeout=30,
            max_header_size=16 * 1024,
        )
        self._server.listen(self.port, self.listen)
        log.info("listening on %s:%d", self.listen, self.port)

    async def stop(self) -> None:
        """Stop listening and close the open connections."""
        if self._server is not None:
            self._server.stop()
            await asyncio.wait_for(self._server.close_all_connections(), 5)
            self._server = None
