"""Verb forms: a word with a verb's or a participle's ending, the word after a verb particle,
and the verbs of doing the works ("строи", "ремонтират", "build")."""

from __future__ import annotations

from bot.engine.lexicon import (
    ANAPHORA,
    ARTICLE_ENDINGS,
    CLITICS,
    ENGLISH_VERB_ENDINGS,
    ENGLISH_WORDS,
    LATIN_VERB_ENDINGS,
    MAKING_VERBS,
    MOOD_PARTICLES,
    PARTICIPLE_FORMS,
    QUESTION_PARTICLES,
    SURE_VERB_ENDINGS,
    VERB_ENDINGS,
    VERB_PARTICLES,
    WORKS_VERBS,
)
from bot.engine.normalize import Token, terms, tokens

_PARTICLES = frozenset(VERB_PARTICLES)
_MOOD = frozenset(MOOD_PARTICLES)
_PRONOUNS = frozenset(ANAPHORA)
_LI = frozenset(QUESTION_PARTICLES)
_CLITICS = frozenset(CLITICS)
_NOT_VERBS = frozenset(ENGLISH_WORDS)  # "morning", "swimming (pool)": -ing, yet no verb
_LATIN = {  # the endings of verb forms, participles and articles as folded from Latin letters
    name: tuple(t.folded for ending in endings for t in tokens(ending))
    for name, endings in (
        ("verb", LATIN_VERB_ENDINGS),  # not -ам/-ем/-им: "kilogram", "problem" are nouns
        ("participle", PARTICIPLE_FORMS),
        ("article", ARTICLE_ENDINGS),
    )
}
WORKS = frozenset(t for word in WORKS_VERBS for t in terms(word))
MAKING = frozenset(t.folded for w in MAKING_VERBS for t in tokens(w))  # as written: no "право"
_SURE = tuple(SURE_VERB_ENDINGS)


def sure_verb(token: Token) -> bool:
    """True for a verb of doing the works, or a Cyrillic word with an ending no noun has
    ("съществува"; typed in Latin letters "-ува" folds as nouns' "-ава" do)."""
    return token.term in WORKS or (
        token.cyrillic and len(token.written) >= 5 and token.written.endswith(_SURE)
    )


def verb_form(token: Token, latin: bool = False) -> bool:
    """True when a word has the ending of a verb form, or of a participle that agrees with its
    noun ("сменени"; six letters at least: "цена", "стена" are nouns), and not of a noun or
    adjective with its full article; in Bulgarian typed in Latin letters (latin), the same
    endings as folded ("mahnaha", "smeneni") in a word of five letters or more."""
    if not token.cyrillic and not (latin and len(token.folded) >= 5):
        return token.written.endswith(ENGLISH_VERB_ENDINGS) and token.written not in _NOT_VERBS
    written = token.written if token.cyrillic else token.folded
    if not token.cyrillic:
        return not written.endswith(_LATIN["article"]) and (
            written.endswith(_LATIN["verb"])
            or (len(written) >= 6 and written.endswith(_LATIN["participle"]))
        )
    if len(written) >= 6 and written.endswith(ARTICLE_ENDINGS):
        return False  # "посетителският", "лекарят": the article, not a verb's -ят
    return written.endswith(VERB_ENDINGS) or (
        len(written) >= 6 and written.endswith(PARTICIPLE_FORMS)
    )


def after_particles(found: list[Token], mood: bool = False) -> frozenset[str]:
    """The words a verb particle stands before ("ще пуснат", "се бави", "ще го довършат"); with
    mood, the words "да" stands before ("да звъня", past "ми", "се": "да ми носят")."""
    particles = _MOOD if mood else _PARTICLES
    verbs = set() if mood else leaning(found)
    waiting = False
    for token in found:
        if token.written in particles:
            waiting = True
        elif waiting and token.written not in _PRONOUNS and not (mood and len(token.written) <= 2):
            verbs.add(token.term)
            waiting = False
    return frozenset(verbs)


def leaning(found: list[Token]) -> set[str]:
    """The words a short pronoun after "ли" leans on: verbs ("плаща ли се нещо"), unless a verb
    form follows the pronoun ("пари ли се дават": the pronoun is that verb's)."""
    verbs = set()
    for i in range(1, len(found) - 1):
        if found[i].written not in _LI or found[i + 1].written not in _CLITICS:
            continue
        after = found[i + 2] if i + 2 < len(found) else None
        if after is None or not verb_form(after, not after.cyrillic):
            verbs.add(found[i - 1].term)
    return verbs
