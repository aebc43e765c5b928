"""munibot backup / restore: a copy of the database while the bot runs, and putting it back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.storage import MIGRATIONS, QuestionRecord, Storage
from tests.test_cli_admin import munibot, people


async def test_backup_while_the_bot_runs_then_restore(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await people(db, 5)
    running = await Storage.open(db)  # the bot, its latest writes still in the WAL
    await running.log_question(QuestionRecord(100, "в WAL", "bg", True, None, None, 1.0))
    copy = tmp_path / "copy.sqlite3"
    code, out, err = await munibot("backup", str(copy), "--db", str(db))
    await running.close()
    assert (code, err) == (0, "")
    assert out == (
        f"backed up {db} to {copy}: schema {len(MIGRATIONS)}, 5 users, 3 questions, 0 tickets\n"
    )
    db.unlink()
    code, out, err = await munibot("restore", str(copy), "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith(f"restored {db} from {copy}: schema {len(MIGRATIONS)}, 5 users")
    storage = await Storage.open(db)
    assert await storage.count_questions() == 3
    await storage.close()


async def test_restore_of_an_older_backup_brings_its_schema_up_to_date(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as connection:
        connection.executescript(MIGRATIONS[0])
        connection.execute("INSERT INTO users VALUES (1, 'en', 'x', 'x', 0)")
        connection.execute("PRAGMA user_version = 1")
    db = tmp_path / "munibot.sqlite3"
    code, out, err = await munibot("restore", str(old), "--db", str(db))
    assert (code, err) == (0, "")
    assert f"schema 1 (now {len(MIGRATIONS)}), 1 users" in out
    storage = await Storage.open(db)
    assert await storage.version() == len(MIGRATIONS) and await storage.language(1) == "en"
    await storage.close()


async def test_a_backup_that_cannot_be_made_is_one_sentence(tmp_path: Path) -> None:
    code, _, err = await munibot(
        "backup", str(tmp_path / "copy.sqlite3"), "--db", str(tmp_path / "none.sqlite3")
    )
    assert code == 1
    missing = tmp_path / "none.sqlite3"
    assert err == f"munibot: there is no database at {missing}: check MUNIBOT_DB (or --db)\n"
    (tmp_path / "junk.sqlite3").write_bytes(b"junk" * 100)
    code, _, err = await munibot(
        "restore", str(tmp_path / "junk.sqlite3"), "--db", str(tmp_path / "db.sqlite3")
    )
    assert code == 1 and err.startswith("munibot: ") and "is not a database" in err
    assert "Traceback" not in err and not (tmp_path / "db.sqlite3").exists()


async def test_a_backup_into_a_folder_names_the_file_it_made(tmp_path: Path) -> None:
    db = tmp_path / "munibot.sqlite3"
    await people(db, 2)
    (tmp_path / "nightly").mkdir()
    code, out, err = await munibot("backup", f"{tmp_path / 'nightly'}/", "--db", str(db))
    [made] = (tmp_path / "nightly").iterdir()
    assert (code, err) == (0, "") and out.startswith(f"backed up {db} to {made}: schema")
    code, out, err = await munibot("backup", f"{tmp_path / 'weekly'}/", "--db", str(db))
    assert (code, out) == (1, "") and not (tmp_path / "weekly").exists()
    assert err == f"munibot: there is no folder {tmp_path / 'weekly'}: create it, or name a file\n"
