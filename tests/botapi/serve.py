"""Run the tests' Bot API server on its own (for benchmarks): python -m tests.botapi.serve.

Beside the Bot API, on a port of their own: GET /sent (its counts), GET /count (messages sent)
and POST /push (a JSON list of updates to deliver).
"""

from __future__ import annotations

import argparse
import asyncio
import logging

from aiohttp import web

from tests.botapi.server import Chaos, FakeBotAPI


async def serve(port_file: str, rate_limit: float | None, chaos: Chaos) -> None:
    api = FakeBotAPI()
    url = await api.start()
    api.rate_limit = rate_limit
    api.set_chaos(chaos)

    async def sent(request: web.Request) -> web.Response:
        return web.json_response(
            {
                "token": api.token,
                "sent": {str(chat): count for chat, count in api.copies().items()},
                "rejected": api.rejected_429,
                "errors_5xx": api.errors_5xx,
                "slow": api.slow_answers,
            }
        )

    async def count(request: web.Request) -> web.Response:
        return web.json_response({"sent": len(api.sent())})

    async def push(request: web.Request) -> web.Response:
        for update in await request.json():
            await api.push(update)
        return web.json_response({"pushed": True})

    stats = web.Application()
    stats.router.add_get("/sent", sent)
    stats.router.add_get("/count", count)
    stats.router.add_post("/push", push)
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
    parser.add_argument("--error-rate", type=float, default=0.0, help="share answered 5xx")
    parser.add_argument("--slow-rate", type=float, default=0.0, help="share answered late")
    parser.add_argument("--slow-min", type=float, default=0.5)
    parser.add_argument("--slow-max", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)  # clients killed with -9
    chaos = Chaos(args.error_rate, args.slow_rate, (args.slow_min, args.slow_max), args.seed)
    asyncio.run(serve(args.port_file, args.rate_limit, chaos))
