"""The sum of the listed projects' stated budgets, when a list asks what they cost ("колко
струват всички проекти общо", "what is the total budget of all projects")."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.engine import formatting as fmt
from bot.engine.compose import in_leva, project_list
from bot.engine.parsed import Parsed
from bot.engine.reply import Reply, ReplyBuilder
from bot.knowledge import Project
from bot.texts import t


def asks_total(parsed: Parsed) -> bool:
    """True when a list asks what its projects cost (no ranking by cost: that is a ranked list)."""
    return "list" in parsed.intents and parsed.topic == "budget" and not parsed.rank


def listed(projects: Sequence[Project], heading: str, lang: str, sums: bool = False) -> Reply:
    """The projects grouped by status under a heading; with sums, then the sum of their stated
    budgets (in leva, a total in euro converted) and how many state none."""
    reply = project_list(projects, heading, lang)
    if not sums or not projects:
        return reply
    priced = [p for p in projects if p.budget is not None and p.budget.total]
    if not priced:
        return reply.then(ReplyBuilder().line(t("list.no_budgets", lang)).build())
    total = sum((in_leva(p) for p in priced), Decimal(0))
    amount = fmt.money(total, "BGN", lang)
    line = t("list.total", lang, stated=len(priced), count=len(projects), amount=amount)
    missing = len(projects) - len(priced)
    line += " " + t("list.total_missing", lang, missing=missing) if missing else ""
    return reply.then(ReplyBuilder().line(line).build())
