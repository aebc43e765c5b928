"""The command line as operators and scripts call it: exit codes, output, errors."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import COMMANDS, main

ROOT = Path(__file__).parent.parent
KNOWLEDGE = ROOT / "knowledge"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )


def test_validate_shipped_knowledge_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", "--knowledge", str(KNOWLEDGE)]) == 0
    out = capsys.readouterr().out
    assert "17 projects" in out and "0 errors, 0 warnings" in out


def test_validate_reports_file_line_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        "name: X\nwebsite: https://x.bg\n", encoding="utf-8"
    )
    (tmp_path / "projects" / "a.yaml").write_text(
        "title: A\nstatus: done\nsummary: S\n", encoding="utf-8"
    )
    assert main(["validate", "--knowledge", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "a.yaml:2:9: unknown status 'done'" in captured.out
    assert "not valid" in captured.err


@pytest.mark.parametrize(
    ("written", "said"),
    [("yes", "the word 'yes' (yes/no)"), ("No", "the word 'No' (yes/no)"), ("2", "the number 2")],
)
def test_validate_names_what_a_status_was_read_as(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, said: str
) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        "name: X\nwebsite: https://x.bg\n", encoding="utf-8"
    )
    (tmp_path / "projects" / "a.yaml").write_text(
        f"title: A\nstatus: {written}\nsummary: S\n", encoding="utf-8"
    )
    assert main(["validate", "--knowledge", str(tmp_path)]) == 1
    assert f"a.yaml:2:9: unknown status {said};" in capsys.readouterr().out


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    (tmp_path / "municipality.yaml").write_text(
        "name: {bg: Община}\nwebsite: https://x.bg\n", encoding="utf-8"
    )
    assert main(["validate", "--knowledge", str(tmp_path)]) == 0
    assert main(["validate", "--strict", "--knowledge", str(tmp_path)]) == 1


def test_ask_prints_plain_text() -> None:
    done = run("ask", "Колко струва проектът за мониторинг?")
    assert done.returncode == 0
    assert "79\u00a0829,24" in done.stdout and "<b>" not in done.stdout


def test_ask_json_and_batch() -> None:
    done = run("ask", "--json", "kolko struva parka")
    assert json.loads(done.stdout)["project"] == "park-block-66"
    batch = run(
        "ask",
        "--batch",
        stdin="kolko struva parka\n\nwho pays for the hot lunch\nколко струва метрото?\n",
    )
    lines = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [line["project"] for line in lines] == ["park-block-66", "hot-lunch", None]
    assert lines[2]["answered"] is False


def test_a_file_saved_on_windows_is_read_without_its_bom_and_crlf() -> None:
    done = run("ask", "--batch", stdin="\ufeffkolko struva parka\r\nwho pays for the hot lunch\r\n")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["question"] for line in lines] == [
        "kolko struva parka",  # was: "\ufeffkolko struva parka"
        "who pays for the hot lunch",
    ]


def test_a_batch_file_not_in_utf8_is_named_once_and_how_to_save_it() -> None:
    lines = "колко струва паркът\nкога свършва паркът\n".encode("cp1251")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--batch"],
        input=lines,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 2
    warning = done.stderr.decode()
    assert warning.startswith("munibot: line 1 is not UTF-8: open it in your editor and save it")
    assert warning.count("\n") == 1


def test_batch_with_a_question_on_the_command_line_is_a_usage_error() -> None:
    done = run("ask", "--batch", "кога")  # was: the question was silently dropped, exit 0
    assert done.returncode == 2 and "drop --batch" in done.stderr and done.stdout == ""


def test_a_huge_line_is_answered_from_its_first_4096_characters() -> None:
    # was: no answer for minutes (100,000 letters: 4 min); a Telegram message holds 4,096 at most
    huge = "колко струва паркът " + "а" * 100_000
    batch = run("ask", "--batch", stdin=f"{huge}\nколко струва паркът\n")
    assert [json.loads(line)["project"] for line in batch.stdout.splitlines()] == [
        "park-block-66",
        "park-block-66",
    ]
    assert batch.stderr == (
        "munibot: line 1 has 100,020 characters; the first 4,096 "
        "(the most a Telegram message holds) were read\n"
    )


def test_ask_batch_conversation_carries_context_until_an_empty_line() -> None:
    turns = "колко струва паркът\nа кога свърши?\nкога ще има басейн\nкой го финансира?\n"
    turns += "\nа кога свърши?\n"
    done = run("ask", "--batch", "--json", "--conversation", stdin=turns)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["project"] for line in lines] == [
        "park-block-66",
        "park-block-66",
        None,
        "park-block-66",
        None,
    ]
    assert "20 май 2014" in lines[1]["reply"] and lines[2]["answered"] is False
    assert lines[4]["answered"] is False  # a new conversation: which project?
    assert run("ask", "--conversation", "x").returncode == 2


def test_output_cut_short_by_a_pipe_is_no_error(tmp_path: Path) -> None:
    """`munibot ask --batch < questions | head -1`: the reader leaves early; no error is printed."""
    with subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "MUNIBOT_DB": str(tmp_path / "bot.sqlite3")},
    ) as process:
        assert process.stdin and process.stdout and process.stderr
        process.stdin.write(b"kolko struva parka\n" * 400)
        process.stdin.close()
        assert b"park-block-66" in process.stdout.readline()
        process.stdout.close()  # as `head -1` does
        errors = process.stderr.read().decode()
        assert process.wait(timeout=60) != 0 and errors == ""


def test_ask_with_lang() -> None:
    done = run("ask", "--lang", "en", "--json", "колко струва паркът")
    assert json.loads(done.stdout)["lang"] == "en"


def test_bad_usage_exits_2() -> None:
    assert run("ask").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("ask", "--lang", "de", "x").returncode == 2
    done = run("run", "--webhook-url", "bot.example.bg/munibot")
    assert done.returncode == 2 and "must start with https://" in done.stderr


def test_broken_knowledge_is_one_clear_sentence(tmp_path: Path) -> None:
    done = run("ask", "--knowledge", str(tmp_path / "missing"), "x")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "munibot:" in done.stderr


@pytest.mark.parametrize("command", ["ask", "chat"])
def test_an_invalid_base_is_its_problems_and_one_sentence_without_a_log_line(
    tmp_path: Path, command: str
) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_bytes((KNOWLEDGE / "municipality.yaml").read_bytes())
    (tmp_path / "projects" / "a.yaml").write_text("title: x\nstatus: finished\nsummary: y\n")
    done = run(command, "--knowledge", str(tmp_path), *(["x"] if command == "ask" else []))
    lines = done.stderr.splitlines()
    assert done.returncode == 1 and len(lines) == 2, done.stderr
    assert "a.yaml:2:9: unknown status 'finished'" in lines[0] and "has errors" in lines[1]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: munibot {command} ")


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (["ask", "--batch", "--json", "--conversation"], ""),
        (["chat"], "Здравейте! Аз съм ботът на Община Септември."),
    ],
)
def test_a_closed_stdin_reads_as_an_empty_one(tmp_path: Path, args: list[str], out: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args, "--db", str(tmp_path / "db.sqlite3")],
        text=True,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        preexec_fn=lambda: os.close(0),  # as `munibot ... <&-` in a shell
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(out)


def test_chat_keeps_follow_up_context(tmp_path: Path) -> None:
    done = run(
        "chat",
        "--db",
        str(tmp_path / "chat.sqlite3"),
        stdin="колко струва паркът\nа кога приключи?\n/lang en\nand the goals?\n",
    )
    assert done.returncode == 0
    assert "199\u00a0467,56" in done.stdout and "20 май 2014" in done.stdout
    assert "green spaces" in done.stdout
    stats = run("stats", "--db", str(tmp_path / "chat.sqlite3"))
    assert "Questions: 3" in stats.stdout


def test_run_without_token_says_how_to_get_one() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        text=True,
        capture_output=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 1
    assert "TELEGRAM_BOT_TOKEN" in done.stderr and "@BotFather" in done.stderr


def test_chat_answers_the_lines_it_can_despite_invalid_utf8(tmp_path: Path) -> None:
    lines = (
        "колко струва паркът\n".encode() + b"\xff\xfe\xc3 \x80 bad bytes\n" + "контакти\n".encode()
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--db", str(tmp_path / "chat.sqlite3")],
        input=lines,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert "199\u00a0467,56" in out and "7777" in out  # the line before and the line after


class BreaksTheFile(io.StringIO):
    """The lines of a console chat; before the second, a project file is saved broken."""

    def __init__(self, lines: str, file: Path) -> None:
        super().__init__(lines)
        self.file, self.read = file, 0

    def readline(self, size: int | None = -1) -> str:
        self.read += 1
        if self.read == 2:
            text = self.file.read_text(encoding="utf-8")
            self.file.write_text(text.replace("completed", "finished", 1), encoding="utf-8")
        return super().readline()


def test_the_console_chat_tells_a_broken_edit_without_a_log_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    park = folder / "projects" / "park-block-66.yaml"
    monkeypatch.setattr(sys, "stdin", BreaksTheFile("здравей\nколко струва паркът\n", park))
    assert main(["chat", "--knowledge", str(folder), "--db", str(tmp_path / "db.sqlite3")]) == 0
    out, err = capsys.readouterr()
    assert "⚠️ Базата знания има грешки" in out and "непознат статус 'finished'" in out
    assert err == ""
