"""The webhook under the body attack: `munibot run --webhook-url ...` in a process of its own,
many concurrent 95 MB POSTs without (or with a wrong) secret, and its peak memory as the kernel
counts it (VmHWM).

Run: .venv/bin/python benchmarks/webhook_bench.py  (appends its table to benchmarks/results.md)
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.broadcast_bench import server_process  # noqa: E402
from benchmarks.speed import machine  # noqa: E402
from benchmarks.unanswered_bench import publish  # noqa: E402
from tests.botapi import updates  # noqa: E402
from tests.telegram.harness import free_port  # noqa: E402

BODY = 95 * 2**20
CHUNK = b" " * 2**20  # the client sends one MB at a time and never holds the body
SECRET = "bench-secret"
CLIENTS = 8
ROUNDS = 3
CHAT = 4242


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in MB, from the kernel."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) // 1024
    return fields


async def post(port: int, secret: str | None, length: int, body: bytes | None = None) -> str:
    """POST /hook declaring length bytes and sending them while the server takes them; the
    status the server answered (read as it comes, even before the body is sent)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = f"POST /hook HTTP/1.1\r\nHost: bench\r\nContent-Length: {length}\r\n"
    head += "Content-Type: application/json\r\n"
    if secret is not None:
        head += f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n"
    answer = asyncio.create_task(reader.readline())
    try:
        writer.write((head + "\r\n").encode())
        for part in [body] if body is not None else [CHUNK] * (length // len(CHUNK)):
            if answer.done():
                break
            writer.write(part)
            await writer.drain()
    except OSError:
        pass  # the server answered and closed before the body was sent: as it should
    try:
        line = await asyncio.wait_for(answer, 30)
        return line.split(b" ")[1].decode() if line else "closed"
    except (OSError, TimeoutError):
        return "reset"
    finally:
        writer.close()


async def healthy(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        await asyncio.sleep(0.2)
    raise TimeoutError("the bot did not become healthy")


async def measure(folder: Path) -> list[tuple[str, str, int]]:
    """(attack, statuses the bot answered, peak RSS in MB after it) rows."""
    rows: list[tuple[str, str, int]] = []
    async with server_process(folder) as server:
        port = free_port()
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": server.token,
            "TELEGRAM_API_BASE_URL": server.url,
            "MUNIBOT_WEBHOOK_SECRET": SECRET,
            "MUNIBOT_DB": str(folder / "bench.sqlite3"),
        }
        command = [sys.executable, "-m", "bot", "run", "--webhook-url"]
        command += [f"http://127.0.0.1:{port}/hook", "--listen", "127.0.0.1", "--port", str(port)]
        bot = await asyncio.create_subprocess_exec(
            *command, cwd=ROOT, env=env, stderr=asyncio.subprocess.DEVNULL
        )
        try:
            await healthy(port)
            rows.append(("started, idle", "-", memory(bot.pid)["VmHWM"]))
            for name, secret, length in (
                ("95 MB bodies without the secret", None, BODY),
                ("95 MB bodies with a wrong secret", "wrong", BODY),
                ("95 MB bodies with the right secret", SECRET, BODY),
            ):
                statuses: Counter[str] = Counter()
                for _ in range(ROUNDS):
                    answers = await asyncio.gather(
                        *(post(port, secret, length) for _ in range(CLIENTS))
                    )
                    statuses.update(answers)
                shown = ", ".join(f"{count} x {status}" for status, count in statuses.items())
                rows.append(
                    (f"{ROUNDS} x {CLIENTS} concurrent {name}", shown, memory(bot.pid)["VmHWM"])
                )
            update = json.dumps({"update_id": 9, **updates.message(CHAT, "контакти")}).encode()
            answers = [await post(port, SECRET, len(update), update) for _ in range(3)]
            await asyncio.sleep(2)
            replies = server.stats()["copies"][CHAT]
            rows.append(
                (
                    f"one update posted 3 times: {replies} reply",
                    ", ".join(answers),
                    memory(bot.pid)["VmHWM"],
                )
            )
        finally:
            bot.terminate()
            await bot.wait()
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        rows = asyncio.run(measure(Path(folder)))
    lines = [
        "",
        "### Webhook under the body attack",
        "",
        f"Machine: {machine()}",
        "",
        "| what was posted | what the clients got | peak RSS of the bot so far (VmHWM) |",
        "|---|---|---|",
    ]
    lines += [f"| {what} | {statuses} | {peak} MB |" for what, statuses, peak in rows]
    publish(lines)


if __name__ == "__main__":
    main()
