"""Narrow the sentences found for a question to those that state what it asks: the unit, the
period of a rate, the number of the things asked, the page asked for; and say what a question's
verb and price ask."""

from __future__ import annotations

import re

from bot.engine.detail import ANSWER_KINDS, NUMBERS, Found, measure_kinds
from bot.engine.facts import LINK_ABOUT, Fact
from bot.engine.lexicon import PAST_ENDINGS, WISH_WORDS
from bot.engine.measures import BY_NAME, OPEN, names_measure
from bot.engine.normalize import surface_words
from bot.engine.parsed import Parsed
from bot.engine.periods import periods_of
from bot.engine.question import LASTING

_PAST = tuple(PAST_ENDINGS)
_WISH = re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, WISH_WORDS)) + r")\s+\w", re.I)
MEASURES = frozenset({"length", "size", "weight", "percent", "duration"})  # asked by a unit


def counted_by(number: str, answer: str | None) -> bool:
    """True when a number of the question says which of the things counted ("колко души над
    65", "how many kids under 7"): a sentence stating it answers; a year only dates the works."""
    return answer in NUMBERS and not (len(number) == 4 and number[:2] in ("19", "20"))


def of_unit(found: list[Found], parsed: Parsed) -> list[Found]:
    """Only the sentences that state the very unit asked, when one of them holds something of
    the question ("колко км канавки": "23 км канавки", not "68 литра за 2 часа"): a number of
    another unit answers how long or how big only when no sentence states the unit (nor a count
    how big, when the question names a unit of area: "колко квадрата")."""
    if parsed.answer not in MEASURES:
        return found
    unit = measure_kinds(parsed) & ANSWER_KINDS[parsed.answer]
    of_unit = [f for f in found if unit & f.fact.kinds]
    return of_unit if any(f.support > 0 for f in of_unit) else found


def of_period(found: list[Found], parsed: Parsed) -> list[Found]:
    """Only the sentences that state the period a rate is asked for, when one of them holds
    something of the question ("по колко кораба на година": "60 спирания на кораби на година",
    not the summary's "кораби" with no period)."""
    asked = periods_of(parsed.text) if parsed.answer else frozenset()
    if not asked:
        return found
    of_period = [
        f
        for f in found
        if f.support > 0 and any(asked & periods_of(text) for text in f.fact.texts.values())
    ]
    return of_period or found


def of_measure(found: list[Found], answer: str | None, verbs_only: bool) -> list[Found]:
    """The sentences that state the very unit asked and hold one of the question's details
    ("до колко тона може да минава по пътя" ~ "до 25 тона"), when none holds more of them; any
    that states it when the details are only verbs, which say how, not what ("колко кубика ще
    чисти станцията": the station's "2 800 куб. м вода на ден")."""
    if answer not in MEASURES:
        return []
    return [
        f for f in found if (f.support > 0 or verbs_only) and ANSWER_KINDS[answer] & f.fact.kinds
    ]


def acts(parsed: Parsed) -> bool:
    """True when the question's verb is an action of its own ("ходи", "се качваш"), neither
    the works nor their lasting ("трае", "продължи"): a duration asked is that action's."""
    return not parsed.works and any(v not in LASTING for v in parsed.verbs)


def priced_elsewhere(parsed: Parsed, naming: set[str]) -> bool:
    """True when the thing whose price is asked is not the project: none of its words names it
    ("колко струва хлябът в пекарната": a price of bread, not the bakery's budget)."""
    return bool(parsed.priced) and naming.isdisjoint(parsed.priced)


def pages(found: list[Found], parsed: Parsed) -> list[Found]:
    """The project's pages whose titles name the page, photo, map or form the question names,
    when it asks where or whether there is one: "къде да видя снимки от ...", "where can I vote
    on ...", "има ли карта на пътеката" are answered by the page, not by where the works are (an
    "адрес" asked is rather the street's, unless a page's title says it)."""
    if parsed.answer != "place" and not (parsed.answer is None and parsed.yes_no):
        return []
    named = LINK_ABOUT.intersection(parsed.words)
    return [f for f in found if f.fact.source == "links" and not f.fact.terms.isdisjoint(named)]


def of_measures(found: list[Found], measures: frozenset[str]) -> list[Found]:
    """Only the sentences whose numbers state the measure asked by their unit ("колко квадрата
    асфалт": "53 480 кв.м", not the news that names the asphalt), when one does; of a measure the
    records also say in words of their own (people, jobs, sums), only when one of them holds
    something of the question."""
    stating = [f for f in found if not measures.isdisjoint(f.fact.measures)]
    if measures <= OPEN and not any(f.support > 0 for f in stating):
        return found
    # the very unit named first ("how many hectares": "38 600 ha", then "640 дка"), then a
    # sentence that names the measure ("височина до 3,4 м", not the summary's "2,8 км дига")
    strict = measures - OPEN
    return (
        sorted(
            stating,
            key=lambda f: (
                -len(measures & f.fact.measures),
                not names_measure(f.fact.texts.values(), strict),
            ),
        )
        or found
    )


def unmeasured(facts: list[Fact], measures: frozenset[str]) -> bool:
    """True when a measure is asked that no sentence of the record states ("колко киловата е"
    of a record with no kW; "колко дълбока е пещерата" of one that names no depth, measures.yaml
    by_name): its answer is "not stated", not a number of another unit or measure."""
    strict = measures - OPEN
    if not strict or all(strict.isdisjoint(f.measures) for f in facts):
        return bool(strict)
    return strict <= BY_NAME and not any(names_measure(f.texts.values(), strict) for f in facts)


def happened_first(found: list[Found], parsed: Parsed) -> list[Found]:
    """The sentences that say what happened before the goals' wishes, when the question asks in
    the past tense ("с колко на сто паднаха": "са паднали от 11 на 6 на сто", not "да паднат под
    3 на сто") and one of them holds the question as well."""
    past = any(w.endswith(_PAST) for w in surface_words(parsed.text) if len(w) > 4)
    if not past or not found or found[0].fact.source != "goals" or not _wish(found[0].fact):
        return found
    wanted = ANSWER_KINDS.get(parsed.answer or "", set())
    done = [
        f
        for f in found
        if f.fact.source != "goals"
        and f.support >= found[0].support
        and (not wanted or not wanted.isdisjoint(f.fact.kinds))
    ]
    return done + [f for f in found if f not in done] if done else found


def _wish(fact: Fact) -> bool:
    """True when a goal is said as a wish ("... да паднат под три на сто", "to bring ...")."""
    return any(_WISH.search(text) for text in fact.texts.values())
