"""Answer a question about one project: the sentence that states the detail asked, the field
of the topic asked (with the sentence beside it when both help), or "our data does not say"."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.absent import unsaid
from bot.engine.beside import names_unit
from bot.engine.chosen import ProjectReply, best_facts, new_sums_first, titled
from bot.engine.compose import Composer
from bot.engine.detail import (
    ANSWER_KINDS,
    CUE_BONUS,
    FOUND,
    NUMBERS,
    DetailFinder,
    Found,
    field_answers,
    measure_kinds,
    states_field,
)
from bot.engine.events import COMPLETION, dates_event, event_terms
from bot.engine.facts import ROLES, Fact
from bot.engine.headings import NamedPart, heading_named
from bot.engine.landmark import asks_landmark, landmarks
from bot.engine.lexicon import EACH_WORDS, PROJECT_NOUNS
from bot.engine.lists import asks_kinds, asks_list, lists_first, with_list
from bot.engine.measures import OPEN, asked_measures, quantity
from bot.engine.narrowing import (
    acts,
    counted_by,
    happened_first,
    of_measure,
    of_measures,
    of_period,
    of_unit,
    pages,
    priced_elsewhere,
    unmeasured,
)
from bot.engine.normalize import terms
from bot.engine.parsed import Parsed
from bot.engine.progress import asks_hours, asks_progress, asks_whats_up, latest_progress
from bot.engine.replies import not_found, quote
from bot.engine.reply import Reply
from bot.engine.roles import party, party_reply
from bot.engine.since import asks_since, asks_until, ended, since_dated, until_dated
from bot.engine.subject import WORK_TERMS
from bot.engine.unstated import declines_lacking, field_lacking, never_stated, other_party, unstated
from bot.knowledge import Project

# The summary says what is done, and why, when no activity or goal is written down.
FALLBACK_TOPICS = {"activities": "summary", "goals": "summary", "results": "summary"}
MEASURED = 0.55  # how sure a sentence is that only the unit asked chose
_REACHED = frozenset({"phones", "email"})  # how a party is reached, asked
UNSURE = 0.6  # how sure a field is as the answer when the question's details are nowhere
ELSEWHERE = 0.5  # ... and when the question's subject is a thing the project never mentions
WHOLE = 0.99  # ("... сцената за сватба": a sum saved by renting it is no fee for a wedding)
KIND_ALONE = frozenset({"person", "time"})  # kinds a sentence states rarely enough to answer
_EACH = frozenset(t for word in EACH_WORDS for t in terms(word))
_PROJECT = frozenset(t for word in PROJECT_NOUNS for t in terms(word))


class ProjectAnswers:
    """Chooses between a quoted sentence and a topic's field for one project."""

    def __init__(self, composer: Composer, details: DetailFinder) -> None:
        self.composer = composer
        self.details = details

    def _holds(self, number: int, word: str) -> bool:
        return self.details.index.holds(number, word)

    def _known_verb(self, word: str) -> bool:
        """True when the knowledge base holds the verb, or a noun made from it ("отоплява":
        "отопление"), or it names an event ("свършиха": "завършено"): it may choose the
        sentence."""
        index = self.details.index
        return bool(index.lookup(word) or index.vocabulary.verb_nouns(word) or event_terms([word]))

    def _kind_alone(
        self, parsed: Parsed, number: int, details: list[str], found: list[Found]
    ) -> bool:
        """True when a who- or what-time question says nothing the record holds beyond the
        project's name ("пробуда кой я е писал тоя проект", "what time does the bus leave") and
        the best sentence states who or the time."""
        kinds = ANSWER_KINDS.get(parsed.answer or "", set())
        return (
            parsed.answer in KIND_ALONE
            and bool(found)
            and not kinds.isdisjoint(found[0].fact.kinds)
            and not any(self._holds(number, w) for w in details)
        )

    def _progress(self, project: Project, number: int, places: set[str], lang: str) -> ProjectReply:
        """The project's status, then (while its works go on) the latest sentence stating the
        share of them done, of the place asked when one says it."""
        reply, _ = self.composer.project(project, "status", lang)
        place_terms = frozenset(m.term for w in places for m in self.details.index.lookup(w))
        done = self._latest(project, number, place_terms)
        if done:
            reply = titled(project, lang, quote(None, done, lang), reply)
        return ProjectReply(reply, "status", quoted=tuple(done))

    def never_stated(self, parsed: Parsed, number: int, lang: str) -> bool:
        """True when the question asks what the record never states: a wage, a thing unnamed."""
        facts, details = self.details.book.of(number)[0], self.details
        return never_stated(parsed, facts) or unsaid(parsed, details, number, lang)

    def answer(self, parsed: Parsed, number: int, lang: str, topic: str | None) -> ProjectReply:
        """The reply about project number for the question parsed (topic may come from the chat)."""
        project = self.details.index.projects[number]
        if parsed.strange or self.never_stated(parsed, number, lang):
            # "кога има концерт в читалището": no record speaks of a concert; "каква заплата
            # взима докторът": nor of a wage
            return ProjectReply(not_found(project, lang), None, answered=False, certainty=0.2)
        # a place the chat asked about names the project too when it is where the whole is
        placed = [w for w in parsed.extra if any(w in place for place in parsed.places)]
        naming = self.details.naming(number, [*parsed.content, *placed])
        asked_of = [w for w in parsed.content if w not in naming]  # "the phone of NIKO 96": a
        reached = topic == "contacts" and not _REACHED.isdisjoint(parsed.town_fields)  # firm's
        if reached and other_party(self.details.book.of(number)[0], asked_of, parsed.text):
            return ProjectReply(not_found(project, lang), None, answered=False, certainty=0.2)
        if (
            parsed.works
            and parsed.answer == "date"
            and any(
                w not in WORK_TERMS and not self.details.describes(number, w)
                for w in parsed.subjects
            )
        ):  # "кога ще ремонтират читалището": the project's works are not on a chitalishte
            return ProjectReply(not_found(project, lang), None, answered=False, certainty=0.2)
        asked = party(parsed, self.details.book.of(number)[0], project, frozenset(naming))
        if asked is not None and asked.field:  # "who did the restoration works": contractors
            topic = asked.field
        elif asked is not None and (named := party_reply(project, asked, self.composer, lang)):
            return ProjectReply(named[0], named[1], quoted=asked.facts, certainty=named[2])
        places = self.details.one_of_places(number, parsed)  # "чешмата в Букак": which one
        naming -= places
        if parsed.answer is None and parsed.content and ROLES.issuperset(parsed.content):
            parsed = replace(parsed, answer="person")  # "а зъболекар": a role alone asks who
        if asks_hours(parsed, self.details.book.of(number)[0]):  # "в кои дни работи пазарът"
            parsed = replace(parsed, answer="time", topic=None)
            topic = None if topic in ("dates", "location") else topic
        answer = parsed.answer
        if answer == "person":  # "как се казва докторката": the role asked is a detail
            roles = {w for w in parsed.content if self.details.role_asked(number, w)}
            naming -= ROLES | roles
            places = set() if roles else places  # a contact's role: theirs for every place
        details = [  # an unknown verb form says nothing about which sentence answers
            w
            for w in (*parsed.content, *parsed.extra)
            if w not in naming
            and w not in parsed.described
            and (not w.isdigit() or counted_by(w, answer))
            and not names_unit(w, answer)
            and (w not in parsed.verbs or self._known_verb(w))
        ]
        marked = landmarks(self.details.book.of(number)[0]) if asks_landmark(parsed.text) else []
        if marked and topic in (None, "summary", "location"):  # "срещу какво": "срещу църквата"
            facts = best_facts(marked)
            where, _ = self.composer.project(project, "location", lang)
            reply = titled(project, lang, quote(None, facts, lang), where)
            return ProjectReply(reply, "location", quoted=tuple(facts), certainty=1.0)
        if asks_progress(parsed, details, places):  # "на какъв етап е": status, latest share
            return self._progress(project, number, places, lang)
        if not details and answer is None and topic in (None, "summary"):
            # "санираха ли детската градина Червена шапчица": the words that found the project
            # in its places, not its title or summary, are the detail: the sentence naming them
            described = {w for w in naming if self.details.describes(number, w)}
            if described - WORK_TERMS:  # the project is named by what it is about, and more
                details = [w for w in naming if w not in described and w not in WORK_TERMS]
        if not details and answer in ANSWER_KINDS:  # "колко метра е довеждащият водопровод"
            details = self.details.parts(number, naming, answer)
        part = NamedPart()
        if not details and topic in (None, "summary"):  # "колко голяма е детската площадка"
            forms = lambda word: {m.term for m in self.details.index.lookup(word)}  # noqa: E731
            nouns = naming - parsed.finite - parsed.sure_verbs  # a verb says how, a heading what
            part = heading_named(self.details.book.of(number)[0], nouns, forms)
            details = part.words
        if answer == "length" and not details and not _PROJECT.isdisjoint(parsed.words):
            answer = "duration"  # "how long is the park project": a project lasts, it is no road
            parsed = replace(parsed, answer=answer)
        measures = asked_measures(parsed)  # "колко квадрата", "на каква кота", "колко нафта"
        record = self.details.book.of(number)[0]
        clock = answer != "time" or any("time" in f.kinds for f in record)  # a time asked, stated
        if quantity(parsed) and unmeasured(record, measures):
            return ProjectReply(not_found(project, lang), None, answered=False, certainty=0.2)
        if topic == "budget" and measures - OPEN:  # "с колко може да се кара": a speed
            topic = None
        found = of_period(
            of_unit(
                [
                    f
                    for f in self.details.search(number, parsed, details, naming)
                    if self.details.answers(f.fact, answer)
                ],
                parsed,
            ),
            parsed,
        )
        found = part.under(of_measures(found, measures), measure_kinds(parsed), measures - OPEN)
        listing = asks_list(parsed.text) and answer is None  # "какви дървета садят"
        found = lists_first(found, parsed.text) if listing else found
        found = happened_first(found, parsed)  # "с колко паднаха": the results, not the goals
        linked = pages(found, parsed)
        if linked and topic in (None, "location"):  # "къде да видя снимките": the page, of
            facts = best_facts(linked)  # whichever place
            sure = min(1.0, 0.6 + 0.4 * linked[0].support)
            return ProjectReply(
                quote(project, facts, lang), "summary", quoted=tuple(facts), certainty=sure
            )
        if places:  # of the sentences that hold the question, those about the village asked
            # (or under a heading that names it: a news item "Открит селският дом в с. Ветровица")
            place_terms = {m.term for w in places for m in self.details.index.lookup(w)}
            about = [
                f
                for f in found
                if f.support >= FOUND and not (f.fact.terms | f.fact.about).isdisjoint(place_terms)
            ]
            # the village's own item of the places speaks of it alone ("с. Пчеларци (145 тела)")
            own = [f for f in about if f.fact.source == "locations" and answer in NUMBERS]
            found = own or about or found
        counted = [
            f for f in found if f.counted and self.details.answers(f.fact, answer or "count")
        ]
        strong = [f for f in found if f.support >= FOUND] or counted
        if counted and not naming.isdisjoint(parsed.counted):
            # "колко домашни помощници работеха по патронажа": the thing counted also names the
            # project, so it is no detail; the sentence that counts it comes first
            strong = counted
        numbers = {w for w in details if w.isdigit()}  # "от 14 до 29 години": which ones
        stating = [f for f in found if f.support >= FOUND and numbers <= f.fact.terms]
        strong = stating if numbers and stating else strong
        if answer == "amount" and "unit" in parsed.intents:  # the price of one thing or one use
            # is stated for all it names, or answers a question people ask (an FAQ's)
            strong = [f for f in strong if f.support >= WHOLE or f.fact.source == "faq"]
        # a sentence that holds all the question's details is sure; details nothing holds are not
        certainty = (
            min(1.0, 0.6 + 0.4 * strong[0].support) if strong else UNSURE if details else 1.0
        )
        if not strong and measures and found and not measures.isdisjoint(found[0].fact.measures):
            strong, certainty = found, MEASURED  # the unit asked alone chose the sentence
        # "колко месеца ще трае проектът": nothing asked beyond the project, so its own period
        # ("колко месеца е предвидено да трае ремонтът": the works' own, whatever the verb)
        each = not _EACH.isdisjoint(parsed.words)  # "на една сграда": how long each one takes
        whole_period = answer == "duration" and not details and not each
        whole_period &= not acts(parsed) or not WORK_TERMS.isdisjoint(parsed.words)
        if not strong and not whole_period:  # the unit asked alone chooses the sentence: an
            verbs_only = bool(details) and set(details) <= parsed.verbs  # answer, not a sure one
            strong = of_measure(found, answer, verbs_only)
            certainty = MEASURED if strong else certainty
        if any(not self._holds(number, w) for w in parsed.subjects - WORK_TERMS):
            certainty *= ELSEWHERE  # "колко деца има в училището": no school in this project
        if not strong and (
            (answer == "amount" and ("unit" in parsed.intents or priced_elsewhere(parsed, naming)))
            or (
                answer in ANSWER_KINDS
                and any(  # the works ("ремонтът") are the project itself, never a thing in it
                    self._holds(number, w) and not self.details.describes(number, w)
                    for w in details
                    if w not in WORK_TERMS
                )
            )
        ):
            # "колко струва нощувка в хижата": the record speaks of nights, but states no price
            # of one; the project's budget is not the answer
            return ProjectReply(not_found(project, lang), None, answered=False, certainty=0.2)
        timed = [f for f in found if "duration" in f.fact.kinds]
        if timed and answer == "duration" and not whole_period and (acts(parsed) or each):
            # "за колко време се ходи до ...": how long the walk takes, not the project; "на
            # една сграда": how long each one takes
            facts = best_facts(timed)
            return ProjectReply(
                quote(project, facts, lang), "summary", quoted=tuple(facts), certainty=certainty
            )
        events = event_terms(parsed.words) if answer == "date" else frozenset()
        works = set(details) <= WORK_TERMS  # nothing asked but the project or its works
        if events <= COMPLETION and works and project.period and project.period.end:
            events = frozenset()  # "кога приключва салонът": the project's own end, no part's
        dated = [f for f in found if dates_event(f.fact, events)]
        if not dated and answer == "date" and asks_since(parsed.text):  # "от коя година е
            things = [w for w in parsed.content if w not in WORK_TERMS | parsed.verbs]  # сградата"
            lookup = self.details.index.lookup
            dated = since_dated(found, (frozenset(m.term for m in lookup(w)) for w in things))
        if not dated and answer == "date" and asks_until(parsed.text) and not ended(project):
            dated = until_dated(record)  # "до коя година ще го има": "(2021–2027)"
        if dated:  # "кога е откриването": first the sentence that dates the opening, then dates
            facts = best_facts(dated)
            dates, missing = self.composer.project(project, "dates", lang)
            quoted = quote(None, facts, lang)
            reply = quote(project, facts, lang) if missing else titled(project, lang, quoted, dates)
            return ProjectReply(reply, "dates", quoted=tuple(facts), certainty=certainty)
        if whole_period and topic in (None, "summary"):
            topic = "dates"
        if topic and not field_answers(topic, answer) and answer in ("date", "duration"):
            # "колко месеца ще се строи по договор": the contract states no duration, the dates do
            topic = "dates"
        if topic and topic != "summary":
            fits = field_answers(topic, answer)
            reply, missing = self.composer.project(project, topic, lang)
            cued = [f for f in found if f.support >= CUE_BONUS]
            if fits and not missing:  # an event the question names is dated by its news; a
                # cue the field does not say ("в кой квартал": "кв. 187") by its sentence
                others = [f for f in cued if f.fact.source not in ("news", "links")]
                lacking = self.details.lacking(parsed.cues, reply) if others else frozenset()
                cued = [f for f in cued if f not in others or not lacking.isdisjoint(f.fact.terms)]
            if missing and answer:  # the field is empty: a sentence of the kind asked
                cued += [f for f in found if f not in cued and states_field(f.fact, topic)]
            if answer == "amount" and fits and not missing:  # a part's own sum, not the total
                strong = new_sums_first(strong, reply, lang)
            extra = best_facts(strong or cued)
            if missing and not extra and answer == "count" and parsed.counted:
                # "а колко души?" of a record that counts no one: no summary stands for a count
                return ProjectReply(not_found(project, lang), None, answered=False, certainty=0.2)
            if missing and not extra and topic in FALLBACK_TOPICS:
                topic = FALLBACK_TOPICS[topic]  # "not described", and what the summary says
                summary, _ = self.composer.project(project, topic, lang)
                reply = Reply(reply.lines[:2]).then(Reply(summary.lines[1:]))
            if extra:
                quoted = quote(None, extra, lang)
                reply = (
                    reply.then(quoted)
                    if fits and not missing
                    else titled(project, lang, quoted, reply)
                )
            said = self._unstated(number, parsed, topic, missing, extra)
            declined = declines_lacking(topic, parsed, details, missing and not said, fits or clock)
            if declined is not None and not extra:  # the firm, a part's cost, a clock time
                no = self.composer.lacking(project, topic, lang) if declined else None
                no = no or not_found(project, lang)
                return ProjectReply(no, None, answered=False, missing=declined, certainty=0.2)
            if said:  # the record's own "стойността ... не са публикувани" comes first
                reply = titled(project, lang, quote(None, said, lang), reply)
            return ProjectReply(
                reply,
                topic,
                missing=missing and not extra,
                quoted=tuple(extra),
                certainty=certainty,
            )
        if strong:
            kinds = listing and asks_kinds(parsed.text)  # "какви": the paragraph's list too
            facts = with_list(best_facts(strong), record, kinds)
            return ProjectReply(
                quote(project, facts, lang),
                topic or "summary",
                quoted=tuple(facts),
                certainty=certainty,
            )
        if answer and answer != "reason" and found and not details:
            facts = best_facts(found)
            return ProjectReply(
                quote(project, facts, lang), topic or "summary", quoted=tuple(facts), certainty=0.8
            )
        if self._kind_alone(parsed, number, details, found):
            # "кой го водеше": the verb is not the record's; who runs it, then what it is
            facts = best_facts(found)
            summary, _ = self.composer.project(project, "summary", lang)
            reply = titled(project, lang, quote(None, facts, lang), summary)
            return ProjectReply(reply, "summary", quoted=tuple(facts), certainty=0.8)
        if not clock or (details and (parsed.counted or answer in ("count", "length", "size"))):
            return ProjectReply(not_found(project, lang), None, answered=False, certainty=0.2)
        reply, missing = self.composer.project(project, topic or "summary", lang)
        done = self._done(project, number, parsed, details, topic)  # "кво стаа с кея"
        reply = reply.then(quote(None, done, lang)) if done else reply
        return ProjectReply(
            reply, topic or "summary", missing=missing, quoted=tuple(done), certainty=certainty
        )

    def _unstated(
        self, number: int, parsed: Parsed, topic: str, missing: bool, quoted: list[Fact]
    ) -> list[Fact]:
        """The record's sentence saying that the field asked is not published, when the field
        lacks it (unstated.field_lacking); [] when none says so."""
        if not field_lacking(self.details.index.projects[number], topic, missing, parsed.words):
            return []
        said = unstated(self.details.book.of(number)[0], topic)
        return [fact for fact in said if fact not in quoted][:1]

    def _done(
        self, project: Project, number: int, parsed: Parsed, details: list[str], topic: str | None
    ) -> list[Fact]:
        """The latest share of the works done, when the question asks only what is happening
        with the project; else []."""
        if details or topic not in (None, "summary") or not asks_whats_up(parsed):
            return []
        return self._latest(project, number)

    def _latest(
        self, project: Project, number: int, places: frozenset[str] = frozenset()
    ) -> list[Fact]:
        """The latest sentence stating the share of the works done (of the places asked when
        one does), while they go on: of finished works an old share would mislead."""
        if project.status != "ongoing":
            return []
        return latest_progress(self.details.book.of(number)[0], places)
