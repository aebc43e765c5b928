"""What the engine keeps of a text, a word or a contact met before gives what working it out
again gives: each project's terms (bot/engine/index.py `Analyses`), its places and its funding's
themes (bot/engine/places.py), the numbers of its names (bot/engine/editions.py `NameNumbers`),
the reply when nothing is found (bot/engine/town.py), the phrases a spotter finds
(bot/engine/topics.py) and a contact's keys with a fleeting vowel (bot/engine/townfacts.py), on
the shipped base and the tuning municipalities."""

from __future__ import annotations

import pytest

from bot.engine import Engine, replies, townfacts
from bot.engine.editions import name_numbers
from bot.engine.index import Analyses, ProjectTerms
from bot.engine.normalize import terms
from bot.engine.places import _SENTENCE, Place, Places, _joined, _texts
from bot.engine.topics import PhraseSpotter
from bot.knowledge import Project

BASES = ("shipped", "vine", "mountain", "danube", "spa", "town", "steppe")


def _fields(terms: ProjectTerms) -> tuple[object, ...]:
    """Everything one project's terms are made of, in order."""
    return list(terms.best.items()), terms.names, terms.own, terms.written


@pytest.mark.parametrize("base", BASES)
def test_a_text_met_again_gives_the_terms_it_gave(bases: dict[str, Engine], base: str) -> None:
    projects = bases[base].knowledge.projects
    shared = Analyses()
    twice = [ProjectTerms(p, shared) for p in (*projects, *projects)]  # every text met again
    assert shared.texts  # the texts met twice are kept ...
    assert set(shared.texts) == shared.met  # ... and only those
    for number, project in enumerate(projects):
        alone = _fields(ProjectTerms(project, Analyses()))
        assert _fields(twice[number]) == alone
        assert _fields(twice[len(projects) + number]) == alone


def _reference(places: Places, project: Project) -> tuple[frozenset[Place], frozenset[str]]:
    """A project's places and themes as found before: its names, summary's opening and
    locations joined in one list of terms, its programme and funding in another."""
    names = [*_texts([project.title, project.short_title]), *project.aliases]
    opening = [_SENTENCE.split(text, maxsplit=1)[0] for text in _texts([project.summary])]
    words = _joined([*names, *opening])
    everywhere = words + _joined(_texts(project.locations))
    funding = _joined(_texts([project.programme, project.funding]))
    funded = frozenset(hit.label for hit in places._funds.find(funding))
    return frozenset(places.find(everywhere)), places.themes_in(words) | funded


@pytest.mark.parametrize("base", BASES)
def test_places_found_text_by_text_are_those_found_in_all_texts_at_once(
    bases: dict[str, Engine], base: str
) -> None:
    engine = bases[base]
    places = Places(engine.knowledge, settle=False)
    for number, project in enumerate(engine.knowledge.projects):
        found = places.found_in(project)
        assert places.found_in(project) == found  # each text's places and themes kept
        assert (found[0], found[2]) == _reference(places, project)
        assert found[0] == engine.places.of_project[number]
        assert found[2] == engine.places.themes[number]


@pytest.mark.parametrize("base", BASES)
def test_the_numbers_of_a_projects_names_are_worked_out_when_asked(
    bases: dict[str, Engine], base: str
) -> None:
    engine = bases[base]
    numbers = engine.details.numbers
    for number, project in enumerate(engine.knowledge.projects):
        assert numbers[number] == name_numbers(project)
    assert engine.judge.editions.numbers is numbers  # one memory for both


PHRASES = [
    ("budget", "колко струва", None),
    ("budget", "струва", None),
    ("dates", "кога", None),
    ("now", "now", None),
    ("own", "собствено участие", None),
    ("own", "участие на общината", None),
    ("place", "ветрен дол", None),
    ("place", "ветрен", None),
]


@pytest.mark.parametrize(
    ("text", "cyrillic", "found"),
    [
        ("колко струва паркът", True, [("budget", (0, 1))]),
        ("струва ли кога", True, [("budget", (0,)), ("dates", (2,))]),
        ("now кога", False, [("now", (0,)), ("dates", (1,))]),
        ("нов кога", True, [("dates", (1,))]),  # "нов" folds like "now": no English phrase
        ("в ветрен дол и ветрен", True, [("place", (1, 2)), ("place", (4,))]),
        # two phrases of one label that overlap join; another label's overlap gives way
        (
            "собственото участие на общината",
            True,
            [("own", (1, 2, 3)), ("own", (0, 1))],
        ),
        ("нищо", True, []),
        ("", True, []),
    ],
)
def test_a_spotter_finds_the_longest_phrases_each_word_once(
    text: str, cyrillic: bool, found: list[tuple[str, tuple[int, ...]]]
) -> None:
    words = terms(text)
    scripts = [cyrillic] * len(words)
    for spotter in (PhraseSpotter(PHRASES), PhraseSpotter(PHRASES, remember=True)):
        hits = spotter.find(words, cyrillic=scripts)
        assert [(hit.label, hit.positions) for hit in hits] == found
        assert all(hit == type(hit)(hit.label, hit.weight, hit.positions) for hit in hits)


@pytest.mark.parametrize(
    ("word", "keys", "fleeting"),
    [
        ("главен", {"главни", "архитект"}, False),  # a letter replaced, none put in
        ("главн", {"главен"}, True),  # "главния": the vowel of "главен" gone
        ("архитек", {"архитект"}, True),  # the last letter left out
        ("рхитект", {"архитект"}, False),  # never the first letter
        ("гла", {"глав"}, False),  # three letters are too few
        ("глав", {"глава", "главен"}, True),
        ("глав", set(), False),
    ],
)
def test_a_fleeting_vowel_is_a_key_with_one_letter_inside_it_left_out(
    word: str, keys: set[str], fleeting: bool
) -> None:
    frozen = frozenset(keys)
    for _ in range(2):  # worked out, then remembered
        assert townfacts._fleeting(word, frozen) is fleeting


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("lang", ["bg", "en", "de"])
def test_the_reply_when_nothing_is_found_is_made_once_a_language(
    bases: dict[str, Engine], base: str, lang: str
) -> None:
    engine = bases[base]
    made = replies.fallback(engine.knowledge, (), lang)
    assert engine.general.fallback((), lang) == made
    assert engine.general.fallback((), lang) == made  # kept for bg and en
    suggested = tuple(p.id for p in engine.knowledge.projects[:2])
    assert engine.general.fallback(suggested, lang) == replies.fallback(
        engine.knowledge, suggested, lang
    )
