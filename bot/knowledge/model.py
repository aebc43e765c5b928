"""The immutable, typed model of the knowledge base that the rest of the bot reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from bot.knowledge.fields import (
    Count,
    Currency,
    Date,
    Email,
    Money,
    Phone,
    Plain,
    Status,
    Url,
)
from bot.knowledge.values import Text


class Origin(BaseModel):
    """Where an item was written: file and 1-based line."""

    model_config = ConfigDict(frozen=True)
    file: str = ""
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class Node(BaseModel):
    """Base of every item: frozen, unknown fields refused, origin remembered."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    origin: SkipJsonSchema[Origin] = Field(default_factory=Origin, alias="__origin__")


class Link(Node):
    """A useful page."""

    title: Text
    url: Url


class Contact(Node):
    """A department or official to call."""

    name: Text
    role: Text | None = None
    phones: tuple[Phone, ...] = ()
    email: Email | None = None
    address: Text | None = None
    hours: Text | None = None
    url: Url | None = None


class Activity(Node):
    """One activity of a project."""

    title: Text
    summary: Text | None = None
    results: tuple[Text, ...] = ()


class NewsItem(Node):
    """A dated piece of news about a project."""

    date: Date
    title: Text
    summary: Text | None = None
    url: Url | None = None
    id: Plain | None = None  # a stable identity for announcements (an extension)


class QA(Node):
    """A question people ask, in their ways, and the answer staff want given."""

    questions: tuple[Plain, ...] = Field(min_length=1)
    answer: Text


class Contract(Node):
    """The grant contract."""

    number: Plain | None = None
    date: Date | None = None


class Budget(Node):
    """How much the project costs and who pays."""

    total: Money | None = None
    grant: Money | None = None
    own_contribution: Money | None = None
    currency: Currency = "BGN"

    @property
    def stated(self) -> bool:
        """True when any of the amounts is given."""
        return any(v is not None for v in (self.total, self.grant, self.own_contribution))


class Period(Node):
    """When the project runs."""

    start: Date | None = None
    end: Date | None = None
    months: Count | None = None


class Project(Node):
    """One municipal project (its id is its file name)."""

    id: SkipJsonSchema[str] = Field(default="", alias="__id__")
    title: Text
    short_title: Text | None = None
    aliases: tuple[Plain, ...] = ()
    status: Status
    summary: Text
    programme: Text | None = None
    programme_code: Plain | None = None
    funding: Text | None = None
    contract: Contract | None = None
    budget: Budget | None = None
    period: Period | None = None
    beneficiary: Text | None = None
    partners: tuple[Text, ...] | None = None
    contractors: tuple[Text, ...] = ()
    locations: tuple[Text, ...] = ()
    goals: tuple[Text, ...] = ()
    target_groups: tuple[Text, ...] = ()
    activities: tuple[Activity, ...] = ()
    results: tuple[Text, ...] = ()
    contacts: tuple[Contact, ...] = ()
    news: tuple[NewsItem, ...] = ()
    links: tuple[Link, ...] = ()
    faq: tuple[QA, ...] = ()

    def name(self, lang: str) -> str:
        """The short title, else the title."""
        return (self.short_title or self.title).get(lang)

    @property
    def start(self) -> dt.date | None:
        """The start date of the period (a contract date is not a start date)."""
        return self.period.start if self.period else None

    @property
    def first_date(self) -> dt.date | None:
        """The start date, else the contract date: for ordering projects, never for display."""
        return self.start or (self.contract.date if self.contract else None)

    @property
    def dated(self) -> bool:
        """True when the record gives a start, an end, a length or a contract date."""
        return bool(self.first_date or (self.period and (self.period.end or self.period.months)))

    @property
    def all_results(self) -> tuple[Text, ...]:
        """The project's results, else those of its activities."""
        return self.results or tuple(r for a in self.activities for r in a.results)


class Municipality(Node):
    """The municipality itself and its contacts."""

    name: Text
    summary: Text | None = None
    website: Url
    address: Text | None = None
    phones: tuple[Phone, ...] = ()
    email: Email | None = None
    hours: Text | None = None
    contacts: tuple[Contact, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the bot knows: the municipality, its projects and the general FAQ."""

    municipality: Municipality
    projects: tuple[Project, ...]
    faq: tuple[QA, ...] = ()
    by_id: dict[str, Project] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self.by_id.update({project.id: project for project in self.projects})

    def project(self, project_id: str) -> Project | None:
        """The project with this id, if any."""
        return self.by_id.get(project_id)

    def latest_news(self, limit: int = 10) -> list[tuple[Project, NewsItem]]:
        """News across all projects, newest first."""
        items = [(p, n) for p in self.projects for n in p.news]
        items.sort(key=lambda pair: (pair[1].date, pair[0].id), reverse=True)
        return items[:limit]

    def counts(self) -> dict[str, int]:
        """How many projects, activities, news items and FAQ entries there are."""
        return {
            "projects": len(self.projects),
            "activities": sum(len(p.activities) for p in self.projects),
            "news": sum(len(p.news) for p in self.projects),
            "faq": len(self.faq) + sum(len(p.faq) for p in self.projects),
        }


def total_amount(budget: Budget | None) -> Decimal | None:
    """The total of a budget, or the grant plus own contribution when no total is given."""
    if budget is None:
        return None
    if budget.total is not None:
        return budget.total
    if budget.grant is not None and budget.own_contribution is not None:
        return budget.grant + budget.own_contribution
    return budget.grant
