"""Flood control, announcement drafts, news notifications, unanswered grouping, settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings
from bot.engine.lexicon import TOPICS
from bot.knowledge import load_or_raise
from bot.services.announcements import DraftError, split_versions
from bot.services.flood import FloodGuard, Verdict
from bot.services.insights import (
    collect_stats,
    render_stats,
    render_unanswered,
    stats_chart,
    unanswered_groups,
)
from bot.services.news import announce_new_news, news_key
from bot.storage import MIGRATIONS, QuestionRecord, Storage
from bot.texts import TEXTS, topic_name

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"


def test_flood_guard_notifies_once_then_ignores_until_the_window_passes() -> None:
    now = [0.0]
    guard = FloodGuard(limit=3, window=60, clock=lambda: now[0])
    verdicts = [guard.check(1) for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY, Verdict.IGNORE, Verdict.IGNORE]
    assert guard.check(2) is Verdict.ALLOW
    now[0] = 61
    assert guard.check(1) is Verdict.ALLOW


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<b>Здравейте</b>", ("<b>Здравейте</b>", None)),
        ("Здравейте\n---\nHello", ("Здравейте", "Hello")),
        ("  текст  \n ---  \n  text ", ("текст", "text")),
    ],
)
def test_announcement_versions(raw: str, expected: tuple[str, str | None]) -> None:
    assert split_versions(raw) == expected


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("<blink>x</blink>", "admin.bad_html"),
        ("<b>unclosed", "admin.bad_html"),
        ("a & b", "admin.bad_html"),
        ("x" * 5000, "admin.too_long"),
        ("   ", "admin.prompt"),
    ],
)
def test_announcement_errors(raw: str, key: str) -> None:
    with pytest.raises(DraftError) as caught:
        split_versions(raw)
    assert caught.value.key == key


async def test_news_baseline_then_new_items_once(tmp_path: Path) -> None:
    knowledge = load_or_raise(KNOWLEDGE)
    storage = await Storage.open(tmp_path / "db.sqlite3")
    await storage.follow(1, "hot-lunch")
    assert await announce_new_news(storage, knowledge) == []  # first start: baseline only
    assert await announce_new_news(storage, knowledge) == []
    hot = knowledge.project("hot-lunch")
    assert hot is not None
    await storage.execute("DELETE FROM announced_news WHERE news_key = ?", (news_key(hot.news[0]),))
    created = await announce_new_news(storage, knowledge)
    assert len(created) == 1
    assert await storage.pending(created[0]) and await announce_new_news(storage, knowledge) == []
    await storage.close()


async def test_unanswered_groups_near_duplicates(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db.sqlite3")
    for text, answered, confidence in [
        ("колко струва метрото", False, 0.0),
        ("Колко струва метрото?", False, 0.0),
        ("kolko struva metroto", False, 0.1),
        ("кога ще има басейн", False, 0.0),
        ("колко струва паркът", True, 0.9),
        ("кой финансира нещо", True, 0.4),
    ]:
        await storage.log_question(QuestionRecord(1, text, "bg", answered, None, None, confidence))
    groups = await unanswered_groups(storage, 30)
    assert [g.count for g in groups] == [3, 1, 1]
    assert "metroto" in groups[0].example or "метрото" in groups[0].example
    assert {g.example for g in groups[1:]} == {"кога ще има басейн", "кой финансира нещо"}
    figures = await collect_stats(storage, 30)
    assert figures.questions == 6 and round(figures.answered_share, 2) == 0.33
    assert (
        "6 (0.2 a day), 33% answered"
        in render_stats(figures, load_or_raise(KNOWLEDGE), "en").plain()
    )
    bulgarian = render_stats(figures, load_or_raise(KNOWLEDGE), "bg").plain()
    assert "6 (0,2 на ден), 33 % с отговор" in bulgarian  # a decimal comma in Bulgarian
    assert stats_chart(figures, "bg").startswith(b"\x89PNG")
    await storage.close()


@pytest.mark.parametrize(
    ("days", "lang", "title", "unanswered"),
    [
        (1, "bg", "Статистика за последния ден", "Въпроси без (сигурен) отговор за последния ден:"),
        (1, "en", "The last day", "Questions without a (sure) answer in the last day:"),
        (7, "bg", "Статистика за последните 7 дни", "отговор за последните 7 дни:"),
        (7, "en", "The last 7 days", "answer in the last 7 days:"),
    ],
)
async def test_one_day_is_said_in_the_singular(
    tmp_path: Path, days: int, lang: str, title: str, unanswered: str
) -> None:
    async with Storage.opened(tmp_path / "db.sqlite3") as storage:
        figures = await collect_stats(storage, days)
    text = render_stats(figures, load_or_raise(KNOWLEDGE), lang).plain()
    assert text.startswith(title + "\n")  # was: "за последните 1 дни", "The last 1 days"
    assert unanswered in render_unanswered([], days, lang).plain()


@pytest.mark.parametrize(
    ("lang", "topics", "languages"),
    [
        ("bg", ["• договор: 2", "• целеви групи: 1"], ["• български: 2", "• английски: 1"]),
        ("en", ["• contract: 2", "• target groups: 1"], ["• Bulgarian: 2", "• English: 1"]),
    ],
)
async def test_stats_name_topics_and_languages_in_the_reader_s_language(
    tmp_path: Path, lang: str, topics: list[str], languages: list[str]
) -> None:
    async with Storage.opened(tmp_path / "db.sqlite3") as storage:
        for topic, question_lang in (
            ("contract", "bg"),
            ("contract", "bg"),
            ("target_groups", "en"),
        ):
            record = QuestionRecord(1, "въпрос", question_lang, True, "hot-lunch", topic, 0.9)
            await storage.log_question(record)
        figures = await collect_stats(storage, 30)
    lines = render_stats(figures, load_or_raise(KNOWLEDGE), lang).plain().splitlines()
    assert all(line in lines for line in topics + languages), lines  # was: contract, bg


def test_every_topic_of_the_engine_has_a_name_in_both_languages() -> None:
    assert {
        topic for topic in TOPICS if set(TEXTS.get(f"topic.{topic}", {})) != {"bg", "en"}
    } == set()
    assert topic_name("target_groups", "bg") == "целеви групи"
    assert topic_name("something-new", "bg") == "something-new"  # a topic of an older version


def test_settings_from_environment_hide_the_token() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": "123:SECRET",
            "MUNIBOT_ADMIN_IDS": "42, 7",
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/",
        }
    )
    assert settings.admin_ids == {42, 7} and settings.api_base_url == "http://127.0.0.1:9"
    assert "SECRET" not in repr(settings) and "SECRET" not in str(settings)
    with pytest.raises(ConfigError):
        Settings.from_env({"MUNIBOT_ADMIN_IDS": "alice"})


def test_editor_settings() -> None:
    settings = Settings.from_env({"MUNIBOT_EDITOR_IDS": "5, 6", "MUNIBOT_FLOW_TIMEOUT": "600"})
    assert settings.editor_ids == {5, 6} and settings.flow_timeout == 600.0
    assert Settings.from_env({}).flow_timeout == 1800.0  # half an hour by default
    with pytest.raises(ConfigError, match="MUNIBOT_EDITOR_IDS must be Telegram user ids"):
        Settings.from_env({"MUNIBOT_EDITOR_IDS": "maria"})


def test_delivery_settings() -> None:
    settings = Settings.from_env(
        {
            "MUNIBOT_DELIVERY_ATTEMPTS": "7",
            "MUNIBOT_DELIVERY_RETRY_BASE": "0.5",
            "MUNIBOT_DELIVERY_TIMEOUT": "3",
            "MUNIBOT_DELIVERY_RETENTION_DAYS": "30",
        }
    )
    assert (settings.delivery_attempts, settings.delivery_retry_base) == (7, 0.5)
    assert (settings.delivery_timeout, settings.delivery_retention_days) == (3.0, 30)
    assert settings.delivery_workers == 0  # as few as the rate needs
    for name, value in [("MUNIBOT_DELIVERY_ATTEMPTS", "0"), ("MUNIBOT_DELIVERY_TIMEOUT", "-1")]:
        with pytest.raises(ConfigError, match=f"{name} must be at least"):
            Settings.from_env({name: value})


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("MUNIBOT_FLOOD_LIMIT", "inf", "must be a number"),  # was: "cannot convert float"
        ("MUNIBOT_PORT", "nan", "must be a number"),
        ("MUNIBOT_FLOW_TIMEOUT", "nan", "must be a number"),  # nan passed "at least 1"
        ("MUNIBOT_DELIVERY_TIMEOUT", "inf", "must be a number"),
        ("MUNIBOT_RETENTION_DAYS", "0", "must be at least 1"),  # would erase every question
        ("MUNIBOT_RETENTION_DAYS", "-1", "must be at least 1"),
        ("MUNIBOT_FLOOD_LIMIT", "-1", "must be at least 1"),
        ("MUNIBOT_RELOAD_INTERVAL", "0", "must be at least 0.1"),  # a busy loop
        ("MUNIBOT_BROADCAST_RATE", "-5", "must be at least 0"),
        ("MUNIBOT_BROADCAST_LEASE", "0", "must be at least 1"),
        ("MUNIBOT_PORT", "99999", "must be at most 65535"),
        ("MUNIBOT_PORT", "-1", "must be at least 0"),
        # retried for ever, each try failing the same way ("missing an 'http://' protocol")
        ("TELEGRAM_API_BASE_URL", "api.telegram.org", "must start with http:// or https://"),
        ("MUNIBOT_WEBHOOK_URL", "bot.example.bg/munibot", "must start with http:// or https://"),
    ],
)
def test_a_setting_out_of_its_range_is_one_clear_sentence(
    name: str, value: str, expected: str
) -> None:
    with pytest.raises(ConfigError, match=f"^{name} {expected}, not '{value}'$"):
        Settings.from_env({name: value})


async def test_storage_migrations_and_privacy(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db.sqlite3")
    assert await storage.version() == len(MIGRATIONS)
    await storage.set_language(5, "en")
    await storage.follow(5, "park-block-66")
    await storage.log_question(QuestionRecord(5, "въпрос", "bg", True, None, None, 1.0))
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=200)).isoformat()
    await storage.execute(
        "INSERT INTO questions (asked_at, user_id, text, lang, answered, "
        "confidence) VALUES (?, 6, 'стар', 'bg', 1, 1.0)",
        (old,),
    )
    cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(days=180)).isoformat()
    assert await storage.prune(cutoff) == 1
    await storage.forget(5)
    for table in ("users", "questions", "follows"):
        assert await storage.scalar(f"SELECT COUNT(*) FROM {table}") == 0
    await storage.close()
    reopened = await Storage.open(tmp_path / "db.sqlite3")
    assert await reopened.version() == len(MIGRATIONS)
    await reopened.close()
