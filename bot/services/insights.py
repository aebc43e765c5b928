"""What citizens ask: usage figures, a chart of questions per day, and the unanswered questions."""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
from dataclasses import dataclass

from bot.engine.reply import Reply, ReplyBuilder, Span
from bot.knowledge import KnowledgeBase
from bot.services.chart import bar_chart
from bot.services.grouping import QuestionGroup, group_questions
from bot.storage import Storage
from bot.texts import name_or_key, period, t, topic_name

UNSURE_BELOW = 0.6


@dataclass
class Stats:
    """Usage figures over a period."""

    days: int
    users: dict[str, int]
    per_day: list[tuple[str, int, int]]
    projects: list[tuple[str, int, int]]
    topics: list[tuple[str, int, int]]
    languages: list[tuple[str, int, int]]
    thumbs_up: int = 0
    thumbs_down: int = 0
    chart: bytes = b""  # drawn in a worker thread when collected
    tickets: tuple[int, int, float | None, int] = (0, 0, None, 0)  # opened, answered, median h, FAQ

    @property
    def questions(self) -> int:
        """Questions in the period."""
        return sum(a + n for _, a, n in self.per_day)

    @property
    def answered_share(self) -> float:
        """Share of them answered."""
        return sum(a for _, a, _ in self.per_day) / self.questions if self.questions else 0.0


def since(days: int) -> str:
    """The ISO time `days` ago."""
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")


async def collect_stats(storage: Storage, days: int = 30) -> Stats:
    """Users, questions per day, top projects, topics and languages, feedback, and the chart
    (drawn off the event loop)."""
    users = await storage.user_counts(since(7), since(30))
    data = await storage.question_stats(since(days))
    _, up, down = data["feedback"][0]
    chart = await asyncio.to_thread(bar_chart, data["days"])
    opened, answered, hours, learned = await storage.ticket_figures(since(days))
    median = statistics.median(hours) if hours else None
    return Stats(
        days,
        users,
        data["days"],
        data["project"],
        data["topic"],
        data["lang"],
        up,
        down,
        chart,
        (opened, answered, median, learned),
    )


def _decimal(value: float, lang: str) -> str:
    """One decimal, with the decimal comma in Bulgarian."""
    return f"{value:.1f}".replace(".", "," if lang == "bg" else ".")


def render_stats(stats: Stats, knowledge: KnowledgeBase | None, lang: str) -> Reply:
    """The figures as a reply."""
    b = ReplyBuilder().title(t("stats.title", lang, period=period(stats.days, lang)))
    b.field(t("stats.users", lang), t("stats.users_value", lang, **stats.users))
    questions = t(
        "stats.questions_value",
        lang,
        total=stats.questions,
        share=round(stats.answered_share * 100),
        per_day=_decimal(stats.questions / stats.days, lang),
    )
    b.field(t("stats.questions", lang), questions if stats.questions else t("stats.none", lang))
    b.field(t("stats.feedback", lang), f"👍 {stats.thumbs_up}  👎 {stats.thumbs_down}")
    opened, answered, median, learned = stats.tickets
    hours = (
        t("stats.no_answer_yet", lang)
        if median is None
        else t("stats.hours", lang, hours=_decimal(median, lang))
    )
    b.field(
        t("stats.tickets", lang),
        t("stats.tickets_value", lang, opened=opened, answered=answered, hours=hours, faq=learned),
    )
    if stats.questions:  # the chart's legend; a period without questions has no chart
        b.field(
            t("stats.chart_title", lang, period=period(stats.days, lang)),
            f"🟩 {t('stats.answered', lang)}, 🟥 {t('stats.unanswered', lang)}",
        )

    def project_name(name: str) -> str:
        project = knowledge.project(name) if knowledge else None
        return project.name(lang) if project else name

    for label, rows, named in (
        ("stats.projects", stats.projects, project_name),
        ("stats.topics", stats.topics, lambda topic: topic_name(topic, lang)),
        (
            "stats.languages",
            stats.languages,
            lambda code: name_or_key("language.name.", code, lang),
        ),
    ):
        if rows:
            b.line(Span(t(label, lang), bold=True))
            for name, count, _ in rows:
                b.bullet(f"{named(name)}: {count}")
    return b.build()


def stats_chart(stats: Stats, lang: str) -> bytes:
    """A PNG bar chart of questions per day, answered and not (it has no words: the stats
    reply says what it shows, in lang)."""
    return stats.chart or bar_chart(stats.per_day)


async def unanswered_groups(
    storage: Storage, days: int = 30, limit: int = 20
) -> list[QuestionGroup]:
    """The most frequent questions not answered, answered unsurely or given 👎, grouped (in a
    worker thread: the event loop goes on answering)."""
    rows = await storage.unanswered(since(days), UNSURE_BELOW)
    return await asyncio.to_thread(group_questions, [text for text, _ in rows], limit)


def render_unanswered(groups: list[QuestionGroup], days: int, lang: str) -> Reply:
    """The groups as a reply."""
    b = ReplyBuilder().title(t("unanswered.title", lang, period=period(days, lang)))
    if not groups:
        return b.line(t("unanswered.none", lang)).build()
    for group in groups:
        b.bullet(f"{group.count} × ", Span(group.example[:200]))
    return b.line("").line(t("unanswered.hint", lang)).build()
