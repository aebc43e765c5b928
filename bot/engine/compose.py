"""Compose replies from the structured fields, so amounts, dates and numbers are exact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from bot.engine import formatting as fmt
from bot.engine.reply import Reply, ReplyBuilder, Span
from bot.knowledge import Contact, KnowledgeBase, Municipality, NewsItem, Project, Text
from bot.texts import months, t

NEWS_IN_REPLY = 5


def _bullets(builder: ReplyBuilder, values: Iterable[Text], lang: str) -> None:
    for value in values:
        builder.bullet(value.get(lang))


def contact_lines(builder: ReplyBuilder, contact: Contact, lang: str) -> None:
    """A contact: name (role), phones, e-mail, address, hours, page."""
    role = f" – {contact.role.get(lang)}" if contact.role else ""
    builder.bullet(Span(contact.name.get(lang), bold=True), role)
    if contact.phones:
        builder.line("   ", t("label.phone", lang), ": ", ", ".join(contact.phones))
    if contact.email:
        builder.line("   ", t("label.email", lang), ": ", contact.email)
    if contact.address:
        builder.line("   ", t("label.address", lang), ": ", contact.address.get(lang))
    if contact.hours:
        builder.line("   ", t("label.hours", lang), ": ", contact.hours.get(lang))
    if contact.url:
        builder.line("   ", Span(contact.url, url=contact.url))


def municipality_contacts(
    builder: ReplyBuilder,
    town: Municipality,
    lang: str,
    full: bool = True,
    lead: Sequence[str] = (),
) -> None:
    """The municipality's address, phones, e-mail, site (and named contacts when full), after
    the lines of lead."""
    if full:
        builder.title(f"{t('heading.municipality_contacts', lang)} – {town.name.get(lang)}")
    for line in lead:
        builder.line(line)
    if town.phones:
        builder.field(t("label.phone", lang), ", ".join(town.phones))
    if town.email:
        builder.field(t("label.email", lang), town.email)
    if full and town.address:
        builder.field(t("label.address", lang), town.address.get(lang))
    if full and town.hours:
        builder.field(t("label.hours", lang), town.hours.get(lang))
    builder.line(
        Span(f"{t('label.website', lang)}: ", bold=True), Span(town.website, url=town.website)
    )
    if full and town.contacts:
        builder.blank()
        for contact in town.contacts:
            contact_lines(builder, contact, lang)


def news_line(builder: ReplyBuilder, item: NewsItem, lang: str, prefix: str = "") -> None:
    """'• 11 юни 2024 г. – title' with the title linked when there is a URL."""
    title = item.title.get(lang)
    builder.bullet(f"{fmt.date(item.date, lang)} – {prefix}", Span(title, url=item.url))
    if item.summary:
        builder.line("   ", item.summary.get(lang))


def _missing(builder: ReplyBuilder, key: str, town: Municipality, lang: str) -> bool:
    builder.line(t(key, lang))
    builder.blank().line(t("missing.ask", lang))
    municipality_contacts(builder, town, lang, full=False)
    return True


STATUSES = ("ongoing", "planned", "completed")  # the order of a list's groups


def by_status(projects: Sequence[Project]) -> list[Project]:
    """Projects in the order a list shows them: ongoing, planned, then completed."""
    return sorted(projects, key=lambda p: STATUSES.index(p.status))


def project_list(projects: Sequence[Project], heading: str, lang: str) -> Reply:
    """Projects grouped by status under a heading (or "none" when a filter found none)."""
    builder = ReplyBuilder().title(heading)
    if not projects:
        return builder.line(t("list.none", lang)).build()
    for status in STATUSES:
        group = [p for p in projects if p.status == status]
        if group:
            builder.blank().line(Span(t(f"heading.group.{status}", lang), bold=True))
            for project in group:
                builder.bullet(project.name(lang))
    return builder.build()


def in_leva(project: Project) -> Decimal:
    """A project's total in leva (a total in euro converted), for comparing budgets."""
    budget = project.budget
    if budget is None or budget.total is None:
        return Decimal(0)
    return budget.total if budget.currency == "BGN" else fmt.convert(budget.total, "EUR")[0]


def budget_list(projects: Sequence[Project], heading: str, lang: str, some: bool = False) -> Reply:
    """Projects with their totals, in the order given; when there are none, that none passed
    the filters, or (some) that none of those that did states its budget."""
    builder = ReplyBuilder().title(heading)
    if not projects:
        return builder.line(t("list.no_budgets" if some else "list.none", lang)).build()
    for project in projects:
        budget = project.budget
        assert budget is not None and budget.total is not None
        builder.bullet(f"{project.name(lang)} – {fmt.money(budget.total, budget.currency, lang)}")
    return builder.build()


def first_dated(project: Project) -> tuple[str, dt.date] | None:
    """The first date a record gives of a project, with what it is: its start, else its
    contract's date, else its first news item's."""
    if project.first_date:
        return ("list.started" if project.start else "list.contracted"), project.first_date
    first_news = min((item.date for item in project.news), default=None)
    return ("list.first_news", first_news) if first_news else None


def dated_list(projects: Sequence[Project], heading: str, lang: str, some: bool = False) -> Reply:
    """Projects with the first date their records give (an undated one: upcoming), in the
    order given; when there are none, that none passed the filters, or (some) that none of
    those that did states a date."""
    builder = ReplyBuilder().title(heading)
    if not projects:
        return builder.line(t("list.no_dates" if some else "list.none", lang)).build()
    for project in projects:
        dated = first_dated(project)
        said = (
            t(dated[0], lang, date=fmt.date(dated[1], lang)) if dated else t("list.upcoming", lang)
        )
        builder.bullet(f"{project.name(lang)} – {said}")
    return builder.build()


class Composer:
    """Builds the reply for one project and one topic, in one language."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.town = knowledge.municipality
        self._topics: dict[str, Callable[[ReplyBuilder, Project, str], bool]] = {
            "summary": self._summary,
            "budget": self._budget,
            "dates": self._dates,
            "contract": self._contract,
            "programme": self._programme,
            "activities": self._activities,
            "goals": self._list("goals"),
            "results": self._results,
            "target_groups": self._list("target_groups"),
            "partners": self._partners,
            "contractors": self._list("contractors"),
            "contacts": self._contacts,
            "news": self._news,
            "location": self._list("locations"),
            "status": self._status,
        }

    def project(self, project: Project, topic: str, lang: str) -> tuple[Reply, bool]:
        """The reply, and True when the asked fact is missing from the knowledge base."""
        builder = ReplyBuilder().title(project.name(lang))
        missing = self._topics.get(topic, self._summary)(builder, project, lang)
        return builder.build(), missing

    def lacking(self, project: Project, topic: str, lang: str) -> Reply:
        """That the field asked is not in our data for the project, and whom to ask; no other
        fact."""
        builder = ReplyBuilder().title(project.name(lang))
        _missing(builder, f"missing.{topic}", self.town, lang)
        return builder.build()

    def faq(self, answer: Text, lang: str, project: Project | None = None) -> Reply:
        """A staff-written answer, under the project's name when it is about one."""
        builder = ReplyBuilder()
        if project:
            builder.title(project.name(lang))
        return builder.line(answer.get(lang)).build()

    def _summary(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        if p.short_title and p.short_title.get(lang) != p.title.get(lang):
            b.line(Span(p.title.get(lang)))
        b.line(p.summary.get(lang))
        b.blank().field(t("label.status", lang), t(f"status.{p.status}", lang))
        total = p.budget.total if p.budget else None
        if p.budget and total is not None:
            b.field(t("label.total", lang), fmt.money(total, p.budget.currency, lang))
        self._period_lines(b, p, lang)
        return False

    def _budget(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        budget = p.budget
        if budget is None or not budget.stated:
            if p.funding:
                b.field(t("label.funding", lang), p.funding.get(lang))
            return _missing(b, "missing.budget", self.town, lang)
        cur = budget.currency
        if budget.total is not None:
            b.field(t("label.total", lang), fmt.money(budget.total, cur, lang))
        if budget.grant is not None:
            share = ""
            if budget.total:
                percent = fmt.percent(budget.grant, budget.total, lang)
                share = f", {t('label.share', lang, percent=percent)}"
            b.field(t("label.grant", lang), fmt.money(budget.grant, cur, lang) + share)
        if budget.own_contribution is not None:
            b.field(t("label.own", lang), fmt.money(budget.own_contribution, cur, lang))
        if p.funding:
            b.field(t("label.funding", lang), p.funding.get(lang))
        b.blank().line(t("rate.note", lang))
        return False

    def _period_lines(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        period = p.period
        signed = p.contract.date if p.contract and not p.start else None
        if p.start:
            b.field(t("label.start", lang), fmt.date(p.start, lang))
        elif signed:
            b.field(t("label.contract_signed", lang), fmt.date(signed, lang))
        if period and period.end:
            b.field(t("label.end", lang), fmt.date(period.end, lang))
        if period and period.months:
            b.field(t("label.duration", lang), months(period.months, lang))
        return p.dated

    def _dates(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        if not self._period_lines(b, p, lang):
            b.field(t("label.status", lang), t(f"status.{p.status}", lang))
            if p.news:
                b.blank().line(Span(t("dates.from_news", lang), bold=True))
                for item in sorted(p.news, key=lambda n: n.date)[:NEWS_IN_REPLY]:
                    news_line(b, item, lang)
                b.blank()
            return _missing(b, "missing.dates", self.town, lang)
        if not (p.period and p.period.end) and p.status != "completed":
            b.line(t("missing.end", lang))
        b.field(t("label.status", lang), t(f"status.{p.status}", lang))
        return False

    def _contract(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        contract = p.contract
        if contract is None or not (contract.number or contract.date):
            return _missing(b, "missing.contract", self.town, lang)
        if contract.number:
            b.field(t("label.contract_number", lang), contract.number)
        if contract.date:
            b.field(t("label.contract_date", lang), fmt.date(contract.date, lang))
        if p.programme:
            b.field(t("label.programme", lang), p.programme.get(lang))
        return False

    def _programme(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        if not (p.programme or p.funding or p.programme_code):
            if p.beneficiary:  # who applied is known when what funds it is not
                b.field(t("label.beneficiary", lang), p.beneficiary.get(lang))
            return _missing(b, "missing.programme", self.town, lang)
        if p.programme:
            b.field(t("label.programme", lang), p.programme.get(lang))
        if p.programme_code:
            b.field(t("label.programme_code", lang), p.programme_code)
        if p.funding:
            b.field(t("label.funding", lang), p.funding.get(lang))
        if p.budget and p.budget.grant is not None:
            b.field(t("label.grant", lang), fmt.money(p.budget.grant, p.budget.currency, lang))
        if p.beneficiary:
            b.field(t("label.beneficiary", lang), p.beneficiary.get(lang))
        return False

    def _activities(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        if not p.activities:
            return _missing(b, "missing.activities", self.town, lang)
        b.line(Span(t("heading.activities", lang), bold=True))
        for activity in p.activities:
            b.bullet(Span(activity.title.get(lang), bold=True))
            if activity.summary:
                b.line("   ", activity.summary.get(lang))
        return False

    def _results(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        results = p.all_results
        if not results:
            return _missing(b, "missing.results", self.town, lang)
        b.line(Span(t("heading.results", lang), bold=True))
        _bullets(b, results, lang)
        return False

    def _list(self, field: str) -> Callable[[ReplyBuilder, Project, str], bool]:
        heading = "location" if field == "locations" else field
        key = f"missing.{heading}"

        def compose(b: ReplyBuilder, p: Project, lang: str) -> bool:
            values: Sequence[Text] = getattr(p, field)
            if not values:
                return _missing(b, key, self.town, lang)
            b.line(Span(t(f"heading.{heading}", lang), bold=True))
            _bullets(b, values, lang)
            return False

        return compose

    def _partners(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        if p.partners is None:
            return _missing(b, "missing.partners", self.town, lang)
        if not p.partners:
            b.line(t("partners.none", lang))
            return False
        b.line(Span(t("heading.partners", lang), bold=True))
        _bullets(b, p.partners, lang)
        return False

    def _contacts(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        if p.contacts:
            b.line(Span(t("heading.contacts", lang), bold=True))
            for contact in p.contacts:
                contact_lines(b, contact, lang)
            b.blank()
        else:
            b.line(t("missing.contacts", lang)).blank()
        municipality_contacts(b, self.town, lang, full=False)
        return False

    def _news(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        if not p.news:
            b.line(t("missing.news", lang))
            self._links(b, p, lang)
            return True
        b.line(Span(t("heading.news", lang), bold=True))
        ordered = sorted(p.news, key=lambda n: n.date, reverse=True)
        for item in ordered[:NEWS_IN_REPLY]:
            news_line(b, item, lang)
        if len(ordered) > NEWS_IN_REPLY:
            b.line(t("news.more", lang, n=len(ordered)))
        self._links(b, p, lang)
        return False

    def _links(self, b: ReplyBuilder, p: Project, lang: str) -> None:
        if p.links:
            b.blank().line(Span(t("heading.links", lang), bold=True))
            for link in p.links:
                b.bullet(Span(link.title.get(lang), url=link.url))

    def _status(self, b: ReplyBuilder, p: Project, lang: str) -> bool:
        b.line(t(f"status.sentence.{p.status}", lang))
        self._period_lines(b, p, lang)
        if p.summary:  # "готов ли е?": what it is (or was) besides whether it is done
            b.blank().line(p.summary.get(lang))
        return False

    def municipality(self, lang: str) -> Reply:
        """The municipality's contacts."""
        builder = ReplyBuilder()
        municipality_contacts(builder, self.town, lang)
        return builder.build()

    def news_notification(self, project: Project, item: NewsItem, lang: str) -> Reply:
        """A followed project's new news item, as it is sent to followers."""
        builder = ReplyBuilder().line(Span(f"📰 {project.name(lang)}", bold=True))
        news_line(builder, item, lang)
        return builder.build()

    def latest_news(self, lang: str, limit: int = 8) -> Reply:
        """The newest news items across all projects."""
        builder = ReplyBuilder().title(t("heading.latest_news", lang))
        latest = self.knowledge.latest_news(limit)
        if not latest:
            builder.line(t("news.none", lang))
        for project, item in latest:
            news_line(builder, item, lang, prefix=f"{project.name(lang)}: ")
        return builder.build()
