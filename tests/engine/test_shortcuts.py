"""The speed shortcuts give what the long way gives, on the tuning questions of each base: a
spotter that skips a query holding no phrase's first word finds what a full scan finds, an index
built with the texts met again analysed once is the index built analysing every text, a message
whose words were all read before is corrected as when none was, and a question's places and the
words naming the municipality are found in one pass as in two."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.evaluation import load_set
from bot.engine import Engine
from bot.engine.index import Analyses, ProjectIndex
from bot.engine.normalize import is_cyrillic_letter, surface_words, terms
from bot.engine.topics import _REMEMBERING, PhraseSpotter

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
# each base's own tuning sets ("shipped": the sets asked on the shipped base)
SETS = {
    "shipped": ("questions", "holdout", "tuning-details", "tuning-probe"),
    "vine": ("tuning-vine",),
    "mountain": ("tuning-mountain",),
    "danube": ("tuning-danube",),
    "spa": ("tuning-spa",),
    "town": ("tuning-town",),
    "steppe": ("tuning-steppe",),
}


def _questions(base: str) -> list[str]:
    """The questions of a base's tuning sets, conversations' turns included."""
    return [q for name in SETS[base] for q in load_set(DATA / f"{name}.yaml").questions()]


def _scripts(text: str) -> list[bool]:
    """Whether each word of text is written in Cyrillic (as terms splits it)."""
    return [any(map(is_cyrillic_letter, word)) for word in surface_words(text) for _ in terms(word)]


def _spotters() -> list[PhraseSpotter]:
    """Every spotter that remembers (the lexicon's, each base's places and funding)."""
    return list(_REMEMBERING)


@pytest.mark.parametrize("base", list(SETS))
def test_a_spotter_skipping_a_query_finds_what_a_full_scan_finds(
    bases: dict[str, Engine], base: str
) -> None:
    engine = bases[base]
    known = engine.reader.known
    spotters = _spotters()
    assert spotters
    skipped = 0
    for question in _questions(base):
        words = terms(question)
        scripts = _scripts(question)
        if len(scripts) != len(words):
            scripts = []
        for spotter in spotters:
            for vocabulary in (None, known):
                canon = (
                    words
                    if vocabulary is None
                    else [t if t in vocabulary else spotter.canonical(t) for t in words]
                )
                full = spotter._hits(canon, scripts)
                found = spotter.find(words, vocabulary, scripts)
                assert found == full, (question, spotter)
                skipped += spotter._firsts.isdisjoint(canon)
    assert skipped  # the shortcut is taken on these questions


def _index_fields(index: ProjectIndex) -> tuple[object, ...]:
    """Everything an index is made of, in order."""
    return (
        [(term, list(hits.items())) for term, hits in index.postings.items()],
        list(index.idf.items()),
        list(index.written.items()),
        index.name_terms,
        index.name_words,
        index.translated,
        index.naming,
        index.identifiers,
        index.ties,
    )


@pytest.mark.parametrize("base", list(SETS))
def test_an_index_analysing_a_text_met_again_once_is_the_index_analysing_every_text(
    bases: dict[str, Engine], base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = bases[base]
    projects = engine.knowledge.projects
    built = ProjectIndex.build(projects)
    assert _index_fields(built) == _index_fields(engine.index)
    monkeypatch.setattr(Analyses, "text", Analyses._text)  # every text analysed anew
    assert _index_fields(ProjectIndex.build(projects)) == _index_fields(built)


@pytest.mark.parametrize("base", list(SETS))
def test_a_message_read_before_word_by_word_is_corrected_as_one_never_read(
    bases: dict[str, Engine], base: str
) -> None:
    reader = bases[base].reader
    speller = reader.speller
    questions = _questions(base)
    fresh = []
    for question in questions:  # no word read before: no shortcut
        speller._cache.clear()
        fresh.append(speller._fix(question, reader._known, reader._fits))
    for _ in range(2):  # every word read before: the shortcut where no word is a typo
        again = [speller._fix(q, reader._known, reader._fits) for q in questions]
        assert again == fresh
    assert any(fixed == (q, set()) for q, fixed in zip(questions, fresh, strict=True))


@pytest.mark.parametrize("base", list(SETS))
def test_a_questions_places_and_home_are_found_in_one_pass_as_in_two(
    bases: dict[str, Engine], base: str
) -> None:
    places = bases[base].places
    for question in _questions(base):
        words = terms(question)
        found, home = places.named_at(words)
        assert found == places.find(words)
        hits = places._spotter.find(words)
        assert home == {
            i
            for hit in hits
            if tuple(words[j] for j in hit.positions) in places.home
            for i in hit.positions
        }
