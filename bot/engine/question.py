"""Take a question apart: what it asks (a topic, the kind of answer), about what, and filters."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bot.engine.absent import unwritten_roles
from bot.engine.index import ProjectIndex
from bot.engine.lexicon import (
    ANSWER_TYPES,
    EVENTS,
    EVERYDAY_WORDS,
    FILLER,
    FOLLOW_UP,
    HELPING_VERBS,
    LIST_CUE_STATUS,
    LIST_CUES,
    LIST_VERBS,
    MUNICIPALITY,
    MUNICIPALITY_FIELDS,
    MUNICIPALITY_NOUNS,
    NOW_WORDS,
    NUMBER_WORDS,
    OFF_TOPIC,
    POINTING_WORDS,
    PRICE_VERBS,
    PROJECT_PLURALS,
    QUESTION_WORDS,
    RANKS,
    ROLE_WORDS,
    SMALL_TALK,
    SOLD_BY_UNIT,
    STATUS_WORDS,
    STOPWORDS,
    SUPERLATIVES,
    TOPIC_CUES,
    TYPO_QUESTION_WORDS,
    UNIT_PRICE,
    UNITS,
    VERB_ENDINGS,
    WHAT_WORDS,
    WHICH_PROJECTS,
    WHICH_WORDS,
    WIDE_SCOPES,
    WORKS_VERBS,
    YES_NO_PARTICLES,
    YES_NO_STARTS,
)
from bot.engine.measures import WORDS as MEASURE_WORDS
from bot.engine.message import split_message
from bot.engine.normalize import Token, subject_terms, surface_words, terms, tokens
from bot.engine.offtopic import OffTopic
from bot.engine.parsed import NUMBER_ANSWERS, Parsed
from bot.engine.places import Places
from bot.engine.rankings import BARE_TERMS, bare_date_rank
from bot.engine.shapes import ANSWER_NOUN_TERMS, names_thing, unshaped, verb_after_who
from bot.engine.spelling import Speller
from bot.engine.stopwords import is_quiet
from bot.engine.subject import (
    ENGLISH,
    ENGLISH_VERB_FORMS,
    WORK_TERMS,
    asks_price,
    is_strange,
    noun_shaped,
    pointing,
    priced,
    pronoun_one,
    refers_back,
    relative_clause,
    typed_bulgarian,
)
from bot.engine.topics import PhraseHit, PhraseSpotter, best_topic, spoken_cues, topic_spotter
from bot.engine.verbs import MAKING, WORKS, after_particles, sure_verb, verb_form

# English sentence shapes whose topic words are not next to each other.
_PATTERNS = (
    (re.compile(r"^\s*(who|whom)\b.*\bfor\W*$", re.IGNORECASE), "target_groups"),
    (re.compile(r"^\s*what\s+(did|does|will|do)\b.*\bdo\W*$", re.IGNORECASE), "activities"),
)
# "who does the patronage help", "whom will it serve": "who" the object of a verb of helping
# that ends the question asks whom it is for, not who does the work.
_WHO_OBJECT = re.compile(
    r"\b(who|whom)\s+(do|does|did|will|would|is|are|was)\b.*\b(\w+)\W*$", re.IGNORECASE
)
_FOR_WHOM = frozenset(t for verb in HELPING_VERBS for t in terms(verb))
_PLURAL = re.compile(r"\b(" + "|".join(PROJECT_PLURALS) + r")\b", re.IGNORECASE)
_WHICH_PROJECTS = re.compile(r"\b(" + "|".join(WHICH_PROJECTS) + r")\b", re.IGNORECASE)
QUIET = frozenset(t for word in (*STOPWORDS, *FILLER) for t in terms(word))
LEXICON_TEXTS = [
    *STOPWORDS, *FILLER, *EVERYDAY_WORDS, *QUESTION_WORDS, *WORKS_VERBS, *LIST_CUES, *MUNICIPALITY,
    *NOW_WORDS, *ROLE_WORDS,
    *(phrase for groups in (TOPIC_CUES, ANSWER_TYPES, SMALL_TALK, STATUS_WORDS, MUNICIPALITY_FIELDS,
                            EVENTS)
      for phrases in groups.values() for phrase in phrases),
]  # fmt: skip
_SOLD_BY_UNIT = frozenset(t for word in SOLD_BY_UNIT for t in terms(word))
_WHICH = frozenset(WHICH_WORDS)
_WHAT = frozenset(t for word in WHAT_WORDS for t in terms(word))
_YES_NO = frozenset(YES_NO_PARTICLES)
_YES_NO_FIRST = frozenset(YES_NO_STARTS)
_PRICE_VERBS = frozenset(t for word in PRICE_VERBS for t in terms(word))
_UNITS = [*(w for words in UNITS.values() for w in words), *MEASURE_WORDS]
_NEVER = (*LIST_VERBS, *_UNITS, *OFF_TOPIC, *SUPERLATIVES, *WIDE_SCOPES, *POINTING_WORDS)
# units, "покажи"; "изборите" is no typo of "извори", "онова" of "нова"
_NEVER_TYPOS = frozenset(t for w in _NEVER for t in terms(w))
_LENGTH_UNITS = frozenset(t for word in UNITS["length"] if len(word) > 1 for t in terms(word))
LASTING = frozenset(t for word in NUMBER_WORDS["duration"] for t in terms(word))
_COUNT_KINDS = {t: kind for kind, words in NUMBER_WORDS.items() for w in words for t in terms(w)}
_COUNT_KINDS |= {
    word[0]: "amount"
    for cue in TOPIC_CUES["budget"]
    if len(word := terms(cue)) == 1 and word[0] != "kolk"
}
# The topic whose field answers a kind of answer when the question names no topic.
ANSWER_TOPICS = {
    "amount": "budget", "duration": "dates", "date": "dates", "place": "location", "reason": "goals"
}  # fmt: skip


def _spotter(groups: dict[str, tuple[str, ...]]) -> PhraseSpotter:
    return PhraseSpotter(
        ((label, phrase, None) for label, phrases in groups.items() for phrase in phrases),
        remember=True,
    )


class QuestionReader:
    """Reads questions with the vocabulary of the lexicon and of one knowledge base."""

    def __init__(self, index: ProjectIndex, places: Places, texts: Iterable[str]) -> None:
        self.index = index
        self.places = places
        self.topics = topic_spotter()
        self.answers = _spotter(ANSWER_TYPES)
        self.groups = _spotter(
            {
                **{f"list:{k}": v for k, v in LIST_CUE_STATUS.items()},  # before the plain cues
                "list": LIST_CUES,
                "municipality": MUNICIPALITY,
                "municipality:own": MUNICIPALITY_NOUNS,
                "now": NOW_WORDS,
                "unit": UNIT_PRICE,
                **{f"status:{k}": v for k, v in STATUS_WORDS.items()},
                **{f"rank:{k}": v for k, v in RANKS.items()},
                **{f"town:{k}": v for k, v in MUNICIPALITY_FIELDS.items()},
                **{f"talk:{k}": v for k, v in SMALL_TALK.items()},
            }
        )
        self.question_words = {t for word in QUESTION_WORDS for t in terms(word)}
        self.follow_ups = {tuple(terms(word)) for word in FOLLOW_UP}
        lexicon = {t for spotter in (self.topics, self.answers, self.groups) for t in spotter.words}
        # the words of the lexicon and of the knowledge base, and a staff role the base never
        # writes ("лекар" is no typo of "лека"): none of them is read as a typo
        known = index.vocabulary.terms
        self.known = known | lexicon | QUIET | WORKS | _NEVER_TYPOS | unwritten_roles(known)
        self.off_topic = OffTopic(index.written)  # "времето утре"; "wifi" where no record writes it
        self.speller = Speller(
            index.written + Counter(w for t in (*texts, *LEXICON_TEXTS) for w in surface_words(t)),
            TYPO_QUESTION_WORDS,
        )

    def read(self, text: str) -> Parsed:
        """The parts of a message's question."""
        fixed, corrected = self.speller.fix(text, self._known, self._fits)
        message = split_message(fixed)
        found = tokens(message.question)
        words = [token.term for token in found]
        parsed = Parsed(message.question, words, small_talk=message.small_talk)
        latin = typed_bulgarian(found)
        parsed.unshaped = unshaped(found, message.question)
        parsed.quiet = {i for i, token in enumerate(found) if is_quiet(token, latin)}
        parsed.guessed = frozenset(t.term for t in found if t.written in corrected)
        parsed.sure_verbs = after_particles(found) | {
            t.term
            for t in found
            if (not t.cyrillic and t.written in ENGLISH_VERB_FORMS) or sure_verb(t)
        }
        parsed.verbs = frozenset(t.term for t in found if verb_form(t, latin)) | parsed.sure_verbs
        parsed.moods = after_particles(found, mood=True) - parsed.verbs
        parsed.moods |= self._after_what(words, parsed.unshaped) - parsed.verbs
        parsed.making = frozenset(t.term for t in found if t.folded in MAKING)
        parsed.finite = parsed.sure_verbs | {
            t.term for t in found if t.cyrillic and t.written.endswith(VERB_ENDINGS)
        }
        scripts = [token.cyrillic for token in found]
        topic_hits = self.topics.find(words, self.known, scripts)
        topic_hits = spoken_cues(topic_hits, [t.folded for t in found], parsed.quiet)
        cue_positions = {
            i for hit in topic_hits for i in hit.positions if not self.index.names_project(words[i])
        }
        topic_hits = [h for h in topic_hits if not cue_positions.isdisjoint(h.positions)]
        answer_hits = self.answers.find(words, self.known, scripts)
        used = self._answer_type(parsed, answer_hits)
        # "колко метра са високи": the word of the measure asked is no detail, only a cue
        measure = {
            i for i, w in enumerate(words) if parsed.answer and _COUNT_KINDS.get(w) == parsed.answer
        }
        used |= measure
        if parsed.answer in NUMBER_ANSWERS:
            # "колко е далеч": the words of the number, not of a topic; so is a second "колко"
            # ("колко деца и в колко групи")
            counting = used | {i for h in answer_hits if h.label == "count" for i in h.positions}
            topic_hits = [
                h
                for h in topic_hits
                if not counting.issuperset(i for i in h.positions if i not in parsed.quiet)
            ]
        parsed.topic = best_topic(topic_hits)
        if parsed.topic in (None, "summary", "contractors") and not any(scripts):
            parsed.topic = "target_groups" if _for_whom(message.question) else parsed.topic
        if parsed.topic in (None, "summary"):
            parsed.topic = next(
                (t for p, t in _PATTERNS if p.search(message.question)), parsed.topic
            )
        if parsed.topic in (None, "summary") and parsed.answer in ANSWER_TOPICS:
            parsed.topic = ANSWER_TOPICS[parsed.answer]
        if (
            parsed.answer is None
            and parsed.topic == "budget"
            and not _PRICE_VERBS.isdisjoint(words)
        ):
            parsed.answer = "amount"  # "what did the repair cost": a price, without "how much"
        if parsed.answer == "count" and parsed.topic == "budget":
            parsed.answer, parsed.counted = "amount", []  # "колко дава общината от бюджета си"
        parsed.works = not WORKS.isdisjoint(words)
        if parsed.answer == "person" and parsed.topic in (None, "summary") and parsed.works:
            parsed.topic = "contractors"  # "а кой го строи", "who is making the app"
        if parsed.answer == "person" and parsed.topic not in (None, "summary", "contract", "news"):
            parsed.answer = None  # "кои училища": a which-question the topic answers
        ranking: set[int] = set()  # "most expensive": no bridge ("мост") of a theme
        for hit in self.groups.find(words, self.known, scripts):
            kind, _, label = hit.label.partition(":")
            if kind == "status":
                parsed.status = label
            elif kind == "unit" and pronoun_one(words, hit.positions, parsed.quiet):
                continue  # "the school bus one": that one of a list, no price of one thing
            elif kind == "rank":
                parsed.rank, ranking = label, set(hit.positions)
            elif kind == "town":
                if not latin and all(i in parsed.quiet for i in hit.positions):
                    continue  # "tell me about Septemvri" folds like "тел", and asks no phone
                parsed.town_fields.append(label)
                parsed.extra += [words[i] for i in hit.positions if i not in parsed.quiet]
            elif kind == "talk":
                parsed.small_talk |= {label}
            else:
                parsed.intents.add(kind)
                if kind == "list" and label:  # "какво се строи": the cue's own words set a status
                    parsed.status = parsed.status or label
            if kind != "unit" and hit.label != "municipality:own":  # "the ticket", "население":
                # also what a sentence must hold
                used |= set(hit.positions)
        parsed.places, home = self.places.named_at(words)
        self._words(parsed, used | home, cue_positions | measure)
        parsed.home = bool(home)
        # "-ите" ends a plural noun with its article and a verb ("ще сложите"): after a verb
        # particle it is the verb
        subjects = frozenset(subject_terms(message.question)) - parsed.sure_verbs
        parsed.subjects = subjects & set(parsed.content)
        parsed.told = [
            t.term for t in tokens(message.context) if not is_quiet(t) and len(t.term) >= 2
        ]
        parsed.support = [*parsed.told, *(words[i] for i in sorted(home))]
        parsed.follow_up = any(tuple(words[: len(f)]) == f for f in self.follow_ups) and any(
            (w,) not in self.follow_ups for w in words
        )  # "а а а" or "ъъъ" alone continues nothing: it asks nothing
        parsed.refers = refers_back(message.question)
        parsed.points = pointing(f"{message.question} {message.context}")
        parsed.described = frozenset(relative_clause(message.question)) & set(parsed.content)
        who = any(  # "кой отговаря за проектите"; "кои са проектите" is a list
            hit.label == "person" and found[hit.positions[0]].written not in _WHICH
            for hit in answer_hits
        )
        if _PLURAL.search(message.question) and not who:
            parsed.intents.add("list")
        parsed.which = bool(_WHICH_PROJECTS.search(message.question))
        bare = None if parsed.rank else bare_date_rank(message.question)  # "2-та най-нови"
        if bare:
            parsed.rank, parsed.topic = bare, None if parsed.topic == "news" else parsed.topic
            parsed.content = [w for w in parsed.content if w not in BARE_TERMS]
        parsed.off_topic, parsed.forecast = self.off_topic.read(found)  # "времето утре"
        parsed.yes_no = any(t.written in _YES_NO for t in found) or (
            bool(found) and not found[0].cyrillic and found[0].written in _YES_NO_FIRST
        )
        parsed.themes, parsed.theme_words = self.places.themes_named(words, ranking)
        named = parsed.theme_words | {w for place in parsed.places for w in place}
        parsed.filters_only = set(parsed.content) <= named and bool(
            parsed.places or parsed.themes or parsed.status or parsed.rank
        )  # "а в Букак?", "а за деца?", "а завършените?": after a list, another filter
        parsed.strange = frozenset(
            t.term for t in found if is_strange(t, parsed, self.index, self.speller, latin)
        )
        no_noun = parsed.verbs | parsed.guessed | WORK_TERMS
        parsed.nouns = frozenset(
            t.term for t in found if noun_shaped(t, latin) and t.term not in no_noun
        )
        return parsed

    def _fits(self, word: str, text: str) -> int:
        """How many words of the text a project holds that also holds word (a typo's reading
        that fits the record and the question: "иното" is "виното" beside "маршрута"); -1 for
        a word no project holds (the lexicon's: "прави", "каква")."""
        postings = self.index.postings
        holding = {n for term in terms(word) for n in postings.get(term, ())}
        if not holding:
            return -1
        others = {t.term for t in tokens(text) if not is_quiet(t) and t.term in postings}
        return sum(not holding.isdisjoint(postings[term]) for term in others)

    def _after_what(self, words: list[str], shapeless: frozenset[str]) -> frozenset[str]:
        """The verb a "what" is the object of ("патронажа кво получи", "какво купиха"): the word
        after it when it is shaped like no noun and no record holds it as written (only another
        form of it, "получават", which is the same verb)."""
        lookup = self.index.lookup
        held = lambda word: any(m.similarity >= 1.0 for m in lookup(word))  # noqa: E731
        after = (
            verb_after_who(words, i + 1, shapeless, held) for i, w in enumerate(words) if w in _WHAT
        )
        return frozenset().union(*after)

    def _known(self, token: Token) -> bool:
        """True when a word is no typo: the knowledge base's, the lexicon's, or common English."""
        english = not token.cyrillic and token.written in ENGLISH
        return english or token.term in self.known or is_quiet(token)

    def _answer_type(self, parsed: Parsed, hits: list[PhraseHit]) -> set[int]:
        """Set the kind of answer wanted (and the noun counted); the positions it used."""
        if not hits:
            return set()
        hit = min(hits, key=lambda h: (h.label == "count", h.positions[0]))
        parsed.answer, parsed.who = hit.label, hit.label == "person"  # kept when a topic answers
        if hit.label == "person":  # "кой изля кея", "коя фирма смени покрива"
            at = hit.positions[-1] + 1
            parsed.moods |= verb_after_who(parsed.words, at, parsed.unshaped, self.index.lookup)
        used = {i for i in hit.positions if parsed.words[i] not in ANSWER_NOUN_TERMS}
        if hit.label == "person" and len(hit.positions) == 1:
            next_at = hit.positions[0] + 1
            if next_at < len(parsed.words) and names_thing(parsed, next_at):
                parsed.answer, parsed.who = None, False  # "кой сезон": which thing, not who
                return used
        if (
            hit.label == "length"
            and any(_COUNT_KINDS.get(w) == "duration" for w in parsed.words)
            and _LENGTH_UNITS.isdisjoint(parsed.words)  # "колко км ... тая година": a length
        ):
            parsed.answer = "duration"  # "колко дълго трае": how long it takes, not how long it is
        if hit.label == "amount" and asks_price(parsed.words, hit.positions):
            parsed.priced = priced(parsed, hit.positions[-1] + 1)
            if parsed.priced and set(parsed.priced) <= _SOLD_BY_UNIT:
                parsed.intents.add("unit")  # "колко струва водата": a tariff, not a budget
        if hit.label == "count":
            after = [
                (i, w)
                for i, w in enumerate(parsed.words)
                if i > hit.positions[-1] and i not in parsed.quiet
            ][:1]
            if after and after[0][1] in parsed.finite and after[0][1] not in _COUNT_KINDS:
                # "пейки колко турихте": the thing counted is the noun before
                after = [
                    (i, w)
                    for i, w in enumerate(parsed.words)
                    if i == hit.positions[0] - 1 and i not in parsed.quiet and w not in parsed.verbs
                ]
            for i, word in after:
                kind = _COUNT_KINDS.get(word)
                if kind:
                    parsed.answer = kind
                    used.add(i)
                else:
                    parsed.counted.append(word)
            if not after:
                parsed.answer = None
        return used

    def _words(self, parsed: Parsed, used: set[int], cues: set[int]) -> None:
        """Content words (for finding the project and the fact) and cue words (for the fact)."""
        asked_at = next((i for i, w in enumerate(parsed.words) if w in self.question_words), 0)
        soft = set()
        for i, word in enumerate(parsed.words):
            if i in parsed.quiet or len(word) < 2:
                continue
            if i in cues:
                parsed.cues.append(word)
                continue
            if i in used:
                continue
            parsed.content.append(word)
            if i < asked_at:
                soft.add(word)
        parsed.soft = frozenset(soft)


def _for_whom(question: str) -> bool:
    """Whether an English question asks whom its verb of helping helps ("who does it serve")."""
    whom = _WHO_OBJECT.search(question)
    return whom is not None and not _FOR_WHOM.isdisjoint(terms(whom.group(3)))
