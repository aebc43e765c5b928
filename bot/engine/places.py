"""The places and themes of the knowledge base, derived from it: no list of villages in code.

A place is a town or village named at the start of a project's location ("с. Ветрен дол",
"Varvara (village)", "гр. Септември – кв. 66"), or the municipality's own name. Places are
matched longest first, so "във Ветрен дол" is Ветрен дол and never Ветрен.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from bot.engine.lexicon import FUNDING_THEMES, THEME_ASKED, THEMES
from bot.engine.normalize import terms
from bot.engine.prepared import Memo
from bot.engine.topics import PhraseSpotter
from bot.knowledge import KnowledgeBase, Project, Text
from bot.knowledge.parallel import COPY_SHARE, map_forked

_PREFIX = re.compile(
    r"^\s*(гр\.|с\.|град|село|town of|village of|the town of|"
    r"the village of)\s*",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s+(municipality|община|\(.*)$", re.IGNORECASE)
_CUT = re.compile(r"\s*(?:[–—,;(]|\s-\s)\s*")
_AND = re.compile(r"\s+(?:и|and)\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
MAX_PLACE_WORDS = 3

Place = tuple[str, ...]
ProjectPlaces = tuple[frozenset[Place], frozenset[Place], frozenset[str]]


def place_names(text: str) -> list[str]:
    """The towns and villages a location text starts with ("с. Ветрен дол и с. Варвара")."""
    head = _CUT.split(text.strip(), maxsplit=1)[0]
    names = []
    for part in _AND.split(head):
        name = _SUFFIX.sub("", _PREFIX.sub("", part)).strip()
        if name[:1].isupper() and len(name.split()) <= MAX_PLACE_WORDS:
            names.append(name)
    return names


def _joined(texts: Iterable[str]) -> list[str]:
    """The terms of several texts, with a separator no phrase crosses."""
    return [word for text in texts for word in [*terms(text), "|"]]


def _texts(values: Iterable[Text | None]) -> list[str]:
    return [text for value in values if value is not None for _, text in value.values()]


class Places:
    """Every place of the knowledge base, each project's places and themes."""

    def __init__(
        self, knowledge: KnowledgeBase, memo: Memo[ProjectPlaces] | None = None, settle: bool = True
    ) -> None:
        """settle: find each project's places now (else settle() is given them, found by
        of_project)."""
        self.display: dict[Place, dict[str, str]] = {}
        for lang, text in knowledge.municipality.name.values():
            self._remember(lang, place_names(_SUFFIX.sub("", text)))
        self.home: frozenset[Place] = frozenset(self.display)
        self._named: dict[str, list[str]] = {}  # each location text's place names, once
        # each location text's places, and each programme's or funding's themes, once
        self._placed: dict[str, frozenset[Place]] = {}
        self._funding: dict[str, frozenset[str]] = {}
        for project in knowledge.projects:
            for location in project.locations:
                for lang, text in location.values():
                    self._remember(lang, self._names_in(text))
        known = {name for shown in self.display.values() for name in shown.values()}
        self._spotter = PhraseSpotter(("place", name, None) for name in sorted(known))
        self._themes = PhraseSpotter(
            (theme, word, None) for theme, words in THEMES.items() for word in words
        )
        asked = [*THEMES.items(), *THEME_ASKED.items()]  # a question's words of a theme, more
        self._asked = PhraseSpotter((theme, word, None) for theme, words in asked for word in words)
        self._funds = PhraseSpotter(
            (theme, word, None) for theme, words in FUNDING_THEMES.items() for word in words
        )
        self.of_project: list[frozenset[Place]] = []
        self._located: list[frozenset[Place]] = []
        self.themes: list[frozenset[str]] = []
        if not settle:
            return
        # a large base on two processors; what a project names depends on every known place
        projects, key = knowledge.projects, tuple(sorted(known))
        self.settle(
            map_forked(self.found_in, projects, COPY_SHARE)
            if memo is None
            else memo.computed(projects, self.found_in, key)
        )

    def settle(self, found: list[ProjectPlaces]) -> None:
        """Take what found_in found in every project, in order."""
        self.of_project = [places for places, _, _ in found]
        self._located = [located for _, located, _ in found]
        self.themes = [themes for _, _, themes in found]
        self._named, self._placed, self._funding = {}, {}, {}

    def _names_in(self, location: str) -> list[str]:
        """place_names of a location text, worked out once per text while building."""
        names = self._named.get(location)
        if names is None:
            names = self._named[location] = place_names(location)
        return names

    def found_in(self, project: Project) -> ProjectPlaces:
        """The places a project's names, summary and locations name, those its locations start
        with, and the themes its names and summary name (and its programme and funding: EU)."""
        names = [*_texts([project.title, project.short_title]), *project.aliases]
        opening = [_SENTENCE.split(text, maxsplit=1)[0] for text in _texts([project.summary])]
        words = _joined([*names, *opening])
        locations = _texts(project.locations)
        located = [n for text in locations for n in self._names_in(text)]
        # no phrase crosses a text's end: the places of all the texts are those of each text
        places = frozenset(self.find(words)).union(*map(self._places_in, locations))
        return (
            places,
            frozenset(tuple(terms(n)) for n in located),
            self.themes_in(words) | self._funded(project),
        )

    def _places_in(self, location: str) -> frozenset[Place]:
        """The places a location text names, worked out once per text while building."""
        found = self._placed.get(location)
        if found is None:
            found = self._placed[location] = frozenset(self.find(_joined([location])))
        return found

    def _funded(self, project: Project) -> frozenset[str]:
        """The themes a project's programme and funding name ("ЕФРР": EU-funded)."""
        return frozenset().union(*map(self._funds_in, _texts([project.programme, project.funding])))

    def _funds_in(self, text: str) -> frozenset[str]:
        """The themes one programme's or funding's text names, once per text while building."""
        found = self._funding.get(text)
        if found is None:
            words = _joined([text])
            found = self._funding[text] = frozenset(hit.label for hit in self._funds.find(words))
        return found

    def _remember(self, lang: str, names: list[str]) -> None:
        for name in names:
            key = tuple(terms(name))
            if key:
                self.display.setdefault(key, {}).setdefault(lang, name)

    def name(self, place: Place, lang: str) -> str:
        """A place as the knowledge base writes it in lang."""
        shown = self.display.get(place, {})
        return shown.get(lang) or shown.get("*") or next(iter(shown.values()), " ".join(place))

    def find(self, words: list[str]) -> list[Place]:
        """The places named in a list of terms, longest first."""
        return [tuple(words[i] for i in hit.positions) for hit in self._spotter.find(words)]

    def named_at(self, words: list[str]) -> tuple[list[Place], set[int]]:
        """The places named in a list of terms (as find), and the positions of the words that
        name the municipality itself ("Червено поле")."""
        hits = self._spotter.find(words)
        places = [tuple(words[i] for i in hit.positions) for hit in hits]
        home = {
            i
            for hit, place in zip(hits, places, strict=True)
            if place in self.home
            for i in hit.positions
        }
        return places, home

    def themes_in(self, words: list[str]) -> frozenset[str]:
        """The themes a question's terms name (schools, roads, water...)."""
        return frozenset(hit.label for hit in self._themes.find(words))

    def themes_named(
        self, words: list[str], skip: Collection[int] = ()
    ) -> tuple[frozenset[str], frozenset[str]]:
        """The themes a question's terms name and the terms that name them, the terms at skip
        left out ("most expensive" names no bridge, "мост")."""
        kept = [w if i not in skip else "" for i, w in enumerate(words)]
        hits = self._asked.find(kept)
        return (
            frozenset(hit.label for hit in hits),
            frozenset(words[i] for hit in hits for i in hit.positions),
        )

    def foreign(self, places: Iterable[Place]) -> list[Place]:
        """The places that are not the municipality's own name."""
        return [place for place in places if place not in self.home]

    def conflicts(self, number: int, places: Iterable[Place]) -> bool:
        """True when the question names a village or town where the project is not.

        A project's own places are those its locations start with ("гр. Септември, кв. 66" is
        in the town of Септември); a project of the whole municipality conflicts with none.
        """
        asked = self.foreign(places)
        own = self._located[number] or (self.of_project[number] - self.home)
        return bool(asked) and bool(own) and not any(p in self.of_project[number] for p in asked)
