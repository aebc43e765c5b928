"""What to answer about a project once the sentences are found: the best sentences to quote,
and the quoted sentences set above a field of the record."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.detail import Found
from bot.engine.facts import Fact
from bot.engine.lexicon import UNITS
from bot.engine.replies import quote
from bot.engine.reply import Reply
from bot.knowledge import Project

QUOTES = 2
_CURRENCY = "|".join(re.escape(u) for u in sorted(UNITS["money"], key=len, reverse=True))
# a sum of money: its digits (grouped by spaces, dots or commas), then a currency or "млн" first
_NOT_DIGIT = re.compile(r"\D")
_SUM = re.compile(rf"(\d(?:[\d\s.,]*\d)?)\s*(?:{_CURRENCY})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class ProjectReply:
    """What to answer about a project, and how sure the choice of sentence is."""

    reply: Reply
    topic: str | None
    answered: bool = True
    missing: bool = False
    quoted: tuple[Fact, ...] = ()
    certainty: float = 1.0


def best_facts(found: list[Found]) -> list[Fact]:
    """The best sentence, and the next one when it scores nearly as well (another source)."""
    if not found:
        return []
    kept: list[Fact] = []
    for item in found[:QUOTES]:
        fact = item.fact
        same_news = any(k.source == "news" and k.heading == fact.heading for k in kept)
        same_faq = any(k.source == "faq" and k.more == fact.more for k in kept)
        if (
            item.score >= 0.9 * found[0].score
            and not same_news
            and not same_faq
            and fact.texts not in [k.texts for k in kept]
        ):
            kept.append(fact)
    return kept


def titled(project: Project, lang: str, quoted: Reply, field: Reply) -> Reply:
    """The quoted sentences first under the project's name, then the field."""
    title = quote(project, [], lang)
    return title.then(quoted, blank=False).then(Reply(field.lines[1:]))


def sums(text: str) -> frozenset[str]:
    """The sums of money a text states, as their digits ("3 418 276,40 лв." and "3,418,276.40
    BGN" alike)."""
    return frozenset(_NOT_DIGIT.sub("", m.group(1)) for m in _SUM.finditer(text))


def new_sums_first(found: list[Found], field: Reply, lang: str) -> list[Found]:
    """The sentences that state a sum the budget's field does not, first: asked how much a part
    of the works cost ("the landslide on the road"), the summary's total repeats the field, the
    activity's own sum answers."""
    said = sums(field.plain())
    adding = [f for f in found if sums(f.fact.text(lang)) - said]
    return adding + [f for f in found if f not in adding]
