"""Run the tests' Bot API server on its own (for benchmarks): python -m tests.botapi.serve."""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter

from aiohttp import web

from tests.botapi.server import FakeBotAPI


async def serve(port_file: str, rate_limit: float | None) -> None:
    api = FakeBotAPI()
    url = await api.start()
    api.rate_limit = rate_limit

    async def sent(request: web.Request) -> web.Response:
        counts = Counter(str(c.params["chat_id"]) for c in api.sent())
        return web.json_response(
            {"token": api.token, "sent": counts, "rejected": sum(1 for c in api.calls if c.error)}
        )

    stats = web.Application()
    stats.router.add_get("/sent", sent)
    runner = web.AppRunner(stats, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    stats_port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    with open(port_file, "w", encoding="utf-8") as handle:
        handle.write(f"{url} http://127.0.0.1:{stats_port} {api.token}\n")
    await asyncio.Event().wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("port_file")
    parser.add_argument("--rate-limit", type=float)
    args = parser.parse_args()
    asyncio.run(serve(args.port_file, args.rate_limit))
