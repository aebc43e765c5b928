"""`munibot run` (and the commands that open the database) when something is wrong at start:
one sentence on stderr, exit 1, no hang, no secret shown."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from bot.storage import Storage
from tests.botapi.server import FakeBotAPI
from tests.telegram.harness import free_port

ROOT = Path(__file__).parent.parent
SECRET_TOKEN = "999:wrongSECRETtokenwrongSECRETtoken12345"
# The database opened read-only by SQLite, as it is when the file or its folder is not writable
# for the bot's user (permission bits cannot show it here: the tests may run as root).
READ_ONLY = (
    "import sys, aiosqlite; connect = aiosqlite.connect; "
    "aiosqlite.connect = lambda path, **kw: connect(f'file:{path}?mode=ro', uri=True, **kw); "
    "from bot.cli import main; sys.exit(main())"
)


async def munibot(
    *args: str, env: dict[str, str] | None = None, code: str | None = None
) -> asyncio.subprocess.Process:
    start = ["-c", code, *args] if code else ["-m", "bot", *args]
    return await asyncio.create_subprocess_exec(
        sys.executable,
        *start,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finished(process: asyncio.subprocess.Process) -> tuple[int, str]:
    """Exit code and stderr; a process that does not end within 60 s has hung (and is killed)."""
    try:
        _, err = await asyncio.wait_for(process.communicate(), 60)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    return process.returncode or 0, err.decode()


def last_line(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


async def test_a_rejected_token_is_one_sentence_without_the_token(
    api: FakeBotAPI, tmp_path: Path
) -> None:
    env = {"TELEGRAM_BOT_TOKEN": SECRET_TOKEN, "TELEGRAM_API_BASE_URL": api.url}
    code, err = await finished(await munibot("run", "--db", str(tmp_path / "db"), env=env))
    await api.stop()
    assert code == 1
    assert last_line(err) == (
        "munibot: Telegram rejected the token (401 Unauthorized): check TELEGRAM_BOT_TOKEN "
        "(@BotFather gives it)"
    )
    assert "wrongSECRET" not in err and "Traceback" not in err


async def test_an_unreachable_api_logs_one_line_per_attempt_and_says_so_on_exit(
    tmp_path: Path,
) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    env = {"TELEGRAM_BOT_TOKEN": SECRET_TOKEN, "TELEGRAM_API_BASE_URL": url}
    process = await munibot("run", "--db", str(tmp_path / "db"), env=env)
    assert process.stderr is not None
    lines = [""]
    while "did not answer getMe" not in lines[-1]:
        lines.append((await asyncio.wait_for(process.stderr.readline(), 60)).decode())
        assert lines[-1], f"munibot ended instead of trying again: {''.join(lines)}"
    process.send_signal(signal.SIGTERM)
    code, rest = await finished(process)
    assert code == 1
    assert f"WARNING bot.handlers.runner: Telegram's Bot API at {url} did not answer" in lines[-1]
    assert last_line(rest).startswith(f"munibot: stopped before Telegram's Bot API at {url}")
    assert "Traceback" not in "".join(lines) + rest


def corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "munibot.sqlite3"
    path.write_bytes(b"these are not the pages of a database " * 200)
    return path


@pytest.mark.parametrize("command", [["run"], ["chat"]])
async def test_a_damaged_database_is_one_sentence_naming_it(
    tmp_path: Path, command: list[str]
) -> None:
    env = {"TELEGRAM_BOT_TOKEN": SECRET_TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9"}
    db = corrupt(tmp_path)
    code, err = await finished(await munibot(*command, "--db", str(db), env=env))
    assert code == 1
    assert last_line(err) == (
        f"munibot: the database {db} is damaged (file is not a database): restore it from a "
        "backup, or move it away and the bot starts with an empty one"
    )
    assert "Traceback" not in err


async def test_a_read_only_database_is_one_sentence_naming_it(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await (await Storage.open(db)).close()  # created, writable
    env = {"TELEGRAM_BOT_TOKEN": SECRET_TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9"}
    code, err = await finished(await munibot("run", "--db", str(db), env=env, code=READ_ONLY))
    assert code == 1
    assert last_line(err).startswith(f"munibot: the database {db} cannot be written (")
    assert last_line(err).endswith(
        "give the user running munibot write access to the file and its folder, "
        "or set MUNIBOT_DB to a writable path"
    )


async def test_a_database_path_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file where a folder should be", encoding="utf-8")
    db = tmp_path / "file" / "munibot.sqlite3"
    env = {"TELEGRAM_BOT_TOKEN": SECRET_TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9"}
    code, err = await finished(await munibot("run", "--db", str(db), env=env))
    assert code == 1
    assert last_line(err).startswith(f"munibot: the database {db} cannot be written (")


@pytest.mark.parametrize("command", ["stats", "unanswered", "tickets"])
async def test_a_command_that_reads_the_database_does_not_make_an_empty_one(
    tmp_path: Path, command: str
) -> None:
    db = tmp_path / "typo.sqlite3"  # was: created empty, and "0 users" reported with exit 0
    code, err = await finished(await munibot(command, "--db", str(db)))
    assert code == 1 and not db.exists()
    assert err == (
        f"munibot: there is no database at {db}: the bot creates it when it first runs; "
        "give the bot's own with --db or MUNIBOT_DB\n"
    )


async def test_a_folder_given_as_the_database_is_one_sentence_without_a_traceback(
    tmp_path: Path,
) -> None:
    code, err = await finished(await munibot("stats", "--db", str(tmp_path)))
    assert code == 1 and "Traceback" not in err  # was: a thread's "Event loop is closed"
    assert err == (
        f"munibot: the database {tmp_path} is a folder: set MUNIBOT_DB (or --db) to a file in "
        f"it, e.g. {tmp_path / 'munibot.sqlite3'}\n"
    )


async def test_without_a_token_questions_piped_in_are_answered_in_the_console(
    tmp_path: Path,
) -> None:
    """`echo "..." | make run` with no token: the console chat answers what comes on stdin."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "", "MUNIBOT_DB": str(tmp_path / "bot.sqlite3")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate("колко струва паркът\n".encode()), 60)
    assert process.returncode == 0 and "Opening the console chat" in err.decode()
    assert "199\xa0467,56" in out.decode() or "199 467,56" in out.decode()


async def test_without_a_token_a_service_s_empty_stdin_is_an_error(tmp_path: Path) -> None:
    """Under a service manager (stdin is /dev/null) a missing token is reported, exit 1."""
    process = await munibot(
        "run", env={"TELEGRAM_BOT_TOKEN": "", "MUNIBOT_DB": str(tmp_path / "bot.sqlite3")}
    )
    code, err = await finished(process)
    assert code == 1 and last_line(err) == "munibot: no Telegram token is set (TELEGRAM_BOT_TOKEN)"


async def test_without_a_token_a_broken_base_is_its_problems_without_a_log_line(
    tmp_path: Path,
) -> None:
    """`make run` with no token on a broken base: the problems and one sentence, no INFO line."""
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    park = folder / "projects" / "park-block-66.yaml"
    park.write_text(park.read_text(encoding="utf-8").replace("completed", "finished", 1))
    env = {"TELEGRAM_BOT_TOKEN": "", "MUNIBOT_DB": str(tmp_path / "bot.sqlite3")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--knowledge", str(folder), cwd=ROOT,
        env={**os.environ, **env}, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, err = await asyncio.wait_for(process.communicate("колко струва паркът\n".encode()), 60)
    lines = err.decode().splitlines()
    assert process.returncode == 1 and lines[1] == "Opening the console chat instead."
    assert "unknown status 'finished'" in lines[3] and lines[4].startswith("munibot: ")
    assert len(lines) == 5, lines
