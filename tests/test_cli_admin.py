"""munibot broadcast / stats / unanswered from the shell, against the tests' Bot API server."""

from __future__ import annotations

import asyncio
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.storage import QuestionRecord, Storage
from tests.botapi.server import FakeBotAPI

ROOT = Path(__file__).parent.parent


async def munibot(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode or 0, out.decode(), err.decode()


async def people(db: Path, count: int) -> None:
    storage = await Storage.open(db)
    for user in range(100, 100 + count):
        await storage.set_subscribed(user, True)
        if user % 2:
            await storage.set_language(user, "en")
    await storage.follow(100, "park-block-66")
    await storage.log_question(
        QuestionRecord(100, "колко струва метрото", "bg", False, None, None, 0.0)
    )
    await storage.log_question(
        QuestionRecord(101, "колко струва метрото?", "bg", False, None, None, 0.0)
    )
    await storage.close()


async def test_broadcast_from_the_shell(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    await people(db, 40)
    (tmp_path / "bg.txt").write_text("<b>Внимание</b>: ремонт", encoding="utf-8")
    (tmp_path / "en.txt").write_text("<b>Notice</b>: repairs", encoding="utf-8")
    api = FakeBotAPI()
    await api.start()
    try:
        api.fail("sendMessage", 403, chat_id=105)
        api.fail("sendMessage", 400, chat_id=106)
        api.fail("sendMessage", 500, chat_id=107)
        api.fail("sendMessage", 429, count=2, retry_after=1)
        env = {
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.url,
            "MUNIBOT_BROADCAST_RATE": "200",
            "MUNIBOT_DELIVERY_RETRY_BASE": "0.05",
        }
        code, out, _ = await munibot(
            "broadcast",
            "--text-file",
            str(tmp_path / "bg.txt"),
            "--text-file-en",
            str(tmp_path / "en.txt"),
            "--dry-run",
            "--db",
            str(db),
            env=env,
        )
        assert code == 0 and "recipients: 40" in out and not api.sent()
        code, out, err = await munibot(
            "broadcast",
            "--text-file",
            str(tmp_path / "bg.txt"),
            "--text-file-en",
            str(tmp_path / "en.txt"),
            "--db",
            str(db),
            env=env,
        )
        assert code == 0, err
        assert "sent: 38, failed: 1, blocked: 1, uncertain: 0" in out
        assert "failed (1): Chat not found" in out and "messages a second" in out
        counts = Counter(int(c.params["chat_id"]) for c in api.sent())
        assert set(counts.values()) == {1} and len(counts) == 38 and counts[107] == 1
        assert "Notice" in api.texts(101)[0] and "Внимание" in api.texts(100)[0]
        code, out, _ = await munibot(
            "broadcast",
            "--text-file",
            str(tmp_path / "bg.txt"),
            "--project",
            "park-block-66",
            "--dry-run",
            "--db",
            str(db),
            env=env,
        )
        assert "recipients: 1" in out
    finally:
        await api.stop()


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("Внимание: ремонт на улицата".encode("cp1251"), "saved in Windows-1251, not in UTF-8"),
        ("Notice: repairs".encode("utf-16"), "saved in UTF-16, not in UTF-8"),
        (b"ok \xff", "saved in another encoding (byte 0xff), not in UTF-8"),
    ],
)
async def test_a_text_file_in_another_encoding_is_named(
    tmp_path: Path, raw: bytes, said: str
) -> None:
    (tmp_path / "notice.txt").write_bytes(raw)
    code, _, err = await munibot(
        "broadcast",
        "--text-file",
        str(tmp_path / "notice.txt"),
        "--db",
        str(tmp_path / "db.sqlite3"),
    )
    assert code == 1 and said in err and "save it as UTF-8" in err and "Traceback" not in err


async def test_broadcast_errors_are_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("<blink>x", encoding="utf-8")
    code, _, err = await munibot(
        "broadcast", "--text-file", str(tmp_path / "bad.txt"), "--db", str(tmp_path / "db.sqlite3")
    )
    assert code == 1 and "not valid Telegram HTML" in err and "Traceback" not in err
    (tmp_path / "ok.txt").write_text("ok", encoding="utf-8")
    code, _, err = await munibot(
        "broadcast",
        "--text-file",
        str(tmp_path / "ok.txt"),
        "--project",
        "no-such",
        "--db",
        str(tmp_path / "db.sqlite3"),
    )
    assert code == 1 and "no project 'no-such'" in err
    (tmp_path / "empty.txt").write_text("\n", encoding="utf-8")
    code, _, err = await munibot(
        "broadcast",
        "--text-file",
        str(tmp_path / "empty.txt"),
        "--db",
        str(tmp_path / "db.sqlite3"),
    )
    assert code == 1 and "empty.txt has no text to announce" in err and "/cancel" not in err


async def test_a_broadcast_to_nobody_still_says_what_was_sent(tmp_path: Path) -> None:
    """The contract: the recipients' count and, when done, sent / failed / blocked; a script
    reading those lines gets them when there was no one to send to, too."""
    (tmp_path / "ok.txt").write_text("ok", encoding="utf-8")
    code, out, _ = await munibot(
        "broadcast", "--text-file", str(tmp_path / "ok.txt"), "--db", str(tmp_path / "db.sqlite3")
    )
    assert code == 0
    assert out.splitlines() == ["recipients: 0", "sent: 0, failed: 0, blocked: 0, uncertain: 0"]


async def test_stats_and_unanswered(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    await people(db, 3)
    code, out, _ = await munibot("stats", "--png", str(tmp_path / "chart.png"), "--db", str(db))
    assert code == 0 and "3 in all" in out and "0% answered" in out
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, out, _ = await munibot("unanswered", "--days", "7", "--db", str(db))
    assert code == 0 and "2 × колко струва метрото" in out


async def test_stats_while_the_knowledge_base_has_errors(tmp_path: Path) -> None:
    """Staff broke a file (here: no municipality.yaml yet): the figures are still shown."""
    db = tmp_path / "db.sqlite3"
    await people(db, 3)
    (tmp_path / "knowledge").mkdir()
    code, out, err = await munibot(
        "stats", "--db", str(db), "--knowledge", str(tmp_path / "knowledge")
    )
    assert code == 0 and "3 in all" in out and "projects are named by their id" in err


@pytest.mark.parametrize(
    ("where", "reason"),
    [("missing/chart.png", "No such file or directory"), (".", "Is a directory")],
)
async def test_a_chart_that_cannot_be_written_is_one_sentence(
    tmp_path: Path, where: str, reason: str
) -> None:
    png, db = tmp_path / where, tmp_path / "db.sqlite3"
    await (await Storage.open(db)).close()
    code, _, err = await munibot("stats", "--png", str(png), "--db", str(db))
    # was: "munibot: unexpected error: [Errno 2] ..."
    assert (code, err) == (1, f"munibot: cannot write the chart to {png}: {reason}\n")


@pytest.mark.parametrize(
    ("command", "days"), [("unanswered", "-3"), ("unanswered", "0"), ("stats", "0"), ("stats", "x")]
)
async def test_days_that_are_not_a_period_are_bad_usage(
    tmp_path: Path, command: str, days: str
) -> None:
    code, out, err = await munibot(command, "--days", days, "--db", str(tmp_path / "db.sqlite3"))
    assert code == 2 and out == "" and "--days" in err and "from 1 to 3650" in err


async def test_a_broadcast_too_long_for_telegram_is_refused_before_anything_is_sent(
    tmp_path: Path,
) -> None:
    """3,000 emoji are 3,000 characters but 6,000 UTF-16 units, which Telegram counts."""
    db = tmp_path / "db.sqlite3"
    await people(db, 3)
    (tmp_path / "emoji.txt").write_text("😀" * 3000, encoding="utf-8")
    api = FakeBotAPI()
    await api.start()
    try:
        env = {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.url}
        code, _, err = await munibot(
            "broadcast", "--text-file", str(tmp_path / "emoji.txt"), "--db", str(db), env=env
        )
        assert code != 0 and "6000" in err
        assert not api.sent()
    finally:
        await api.stop()
