"""A question taken apart: what the reader found in it, for the engine to answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.places import Place

# answers that are numbers or times: "колко" in them is no topic's ("колко често": no budget)
NUMBER_ANSWERS = ("count", "length", "size", "duration", "weight", "percent", "time", "frequency")


@dataclass
class Parsed:
    """A question taken apart."""

    text: str
    words: list[str]
    topic: str | None = None
    answer: str | None = None
    counted: list[str] = field(default_factory=list)
    priced: list[str] = field(default_factory=list)  # "колко струва хлябът": the thing priced
    intents: set[str] = field(default_factory=set)
    small_talk: frozenset[str] = frozenset()
    content: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    soft: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    support: list[str] = field(default_factory=list)
    told: list[str] = field(default_factory=list)  # the words of the message's context
    follow_up: bool = False
    refers: bool = False  # a pronoun points back to what was talked about
    points: bool = False  # "този", "онзи", "другия", "the one": a thing of the kind talked about
    described: frozenset[str] = frozenset()  # words of a relative clause ("който ремонтират")
    places: list[Place] = field(default_factory=list)
    status: str | None = None
    rank: str | None = None  # "most", "least", "newest", "oldest": the projects ranked
    theme_words: frozenset[str] = frozenset()  # the words that name the themes
    filters_only: bool = False  # nothing asked but a status, place, theme or ranking
    themes: frozenset[str] = frozenset()
    town_fields: list[str] = field(default_factory=list)
    home: bool = False  # the municipality's own name is in the question
    quiet: set[int] = field(default_factory=set)  # positions of stop words and filler
    extra: list[str] = field(default_factory=list)  # words that name no project but a detail
    guessed: frozenset[str] = frozenset()  # words read as a typo of a known word
    verbs: frozenset[str] = frozenset()  # words with the ending of a verb form
    sure_verbs: frozenset[str] = frozenset()  # ... known to be verbs, not only by the ending
    finite: frozenset[str] = frozenset()  # ... with a finite verb's ending, no participle's
    moods: frozenset[str] = frozenset()  # other words after "да" ("да звъня"): verbs, no subject
    unshaped: frozenset[str] = frozenset()  # Cyrillic, no article, no consonant end: "смени"
    strange: frozenset[str] = frozenset()  # nouns no record holds: a thing nobody wrote about
    off_topic: frozenset[str] = frozenset()  # the weather, a recipe: no project's
    forecast: bool = False  # the weather on a day ("времето утре"): no project's, whatever it says
    which: bool = False  # "кои проекти": the list of those the other words describe
    nouns: frozenset[str] = frozenset()  # words shaped like a Bulgarian noun ("басейн")
    making: frozenset[str] = frozenset()  # verbs of making anything ("направи"): no project's
    works: bool = False  # a verb of doing the works: "кога ще ремонтират", "кой го строи"
    who: bool = False  # "кой", "who": asks who, even when a topic's field answers it
    yes_no: bool = False  # "може ли с деца", "can locals use it": yes or no is asked

    @property
    def empty(self) -> bool:
        """True when the message asks nothing (only small talk, or nothing at all)."""
        return not self.words
