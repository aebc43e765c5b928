"""A slip in a cue or question word that no text writes, whose stem the base knows ("фира",
"стува", "колло"), is read as the lexicon's word; a real word a letter from one is not
("стари" is no "строи", "часът" no "част", "други" no "друго", "нивата" no "новата")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.closed import ClosedWords, slip
from bot.engine.normalize import tokens


@pytest.mark.parametrize(
    ("typed", "meant", "expected"),
    [
        ("фира", "фирма", True),  # a letter left out
        ("стува", "струва", True),
        ("колло", "колко", True),  # the key beside it, inside a word of five letters
        ("струав", "струва", True),  # two letters swapped, the last ones too
        ("фиррма", "фирма", True),  # a letter typed twice
        ("носи", "нови", False),  # the key beside it in a word of four: a word of its own
        ("часът", "част", False),  # another letter put in
        ("стари", "строи", False),  # another letter in the place of one
        ("други", "друго", False),  # another ending
        ("човека", "човек", False),
        ("ирма", "фирма", False),  # the first letter left out
        ("weather", "water", False),  # two letters apart
    ],
)
def test_slip(typed: str, meant: str, expected: bool) -> None:
    """A slip keeps the first and the last letter and changes one letter by a hand's slip."""
    assert slip(typed, meant) is expected


@pytest.mark.parametrize(
    ("words", "typed", "meant"),
    [
        (["фирма", "струва", "колко"], "фира", "фирма"),
        (["фирма", "струва", "колко"], "стува", "струва"),
        (["фирма", "струва", "колко"], "колло", "колко"),
        (["какъв", "каква", "какви"], "какв", None),  # several one typo away: none is meant
        (["строи"], "стари", None),
        (["част"], "часът", None),
        (["вратата"], "водата", None),  # two letters apart
        (["колко"], "kolo", None),  # Latin letters are left alone
    ],
)
def test_closed_words(words: list[str], typed: str, meant: str | None) -> None:
    """The one lexicon word a slip is made from, or none."""
    assert ClosedWords(words).meant(typed, tokens(typed)[0]) == meant


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("mountain", "коя фира прави депото Пресло", "fire-station-towers", "Металик Конструкт"),
        ("spa", "коя фира ремонтира горския път до Букак", "bukak-forest-road", "Пътинженеринг"),
        ("danube", "колко стува алеята Дунавски бряг", "dunavska-aleya", "1\u00a0487\u00a0300,40"),
        ("spa", "колло струва пътят до Букак", "bukak-forest-road", "1\u00a0312\u00a0800"),
        ("danube", "колло струва дигата при върбак", "diga-varbak", "3\u00a0870\u00a0000"),
    ],
)
def test_slips_are_answered(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The question is answered as it would be with the word written whole."""
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "word"),
    [
        ("shipped", "къде стои паметникът", "стои"),  # no "строи"
        ("vine", "колко декара е нивата до лозята", "нивата"),  # no "новата"
        ("danube", "колко къщи ще се включат", "включат"),  # no "включват"
        ("shipped", "колко е часът", "часът"),  # no "част"
        ("spa", "what is the weather like", "weather"),  # no "water"
    ],
)
def test_real_words_are_kept(bases: dict[str, Engine], base: str, question: str, word: str) -> None:
    """A word people write, a letter from a cue word, is no typo of it."""
    reader = bases[base].reader
    fixed, corrected = reader.speller.fix(question, reader._known, reader._fits)
    assert word in fixed.split() and not corrected


@pytest.mark.parametrize(
    ("base", "question", "fixed"),
    [
        ("danube", "за колко коли е паркингтъ на гробищата", "паркингът"),
        ("spa", "колко струи има фонтантъ на площада", "фонтанът"),
        ("spa", "какъв е капацитеътт на басейна", "капацитетът"),
        ("danube", "коя фирма направи озеленявантео на алеята", "озеленяването"),
        ("steppe", "какъв е номеърт на разрешението", "номерът"),
    ],
)
def test_swapped_forms(bases: dict[str, Engine], base: str, question: str, fixed: str) -> None:
    """Two letters swapped in a form no text writes, of a stem the base writes, are swapped
    back (the form is the stem with a word ending)."""
    reader = bases[base].reader
    assert fixed in reader.speller.fix(question, reader._known, reader._fits)[0].split()


@pytest.mark.parametrize(
    ("base", "question", "word"),
    [
        ("town", "къде ще е приютът за кучета", "приютът"),  # no "приюттъ": a letter made double
        ("steppe", "kakvo smyata da napravi obshtinata", "smyata"),  # no "symata": "сумата"
        ("shipped", "кога одобриха минералния водопровод", "одобриха"),
        ("danube", "по колко часа на ден помагаха на възрастните", "помагаха"),
    ],
)
def test_unknown_words_are_not_swapped(
    bases: dict[str, Engine], base: str, question: str, word: str
) -> None:
    """A word no text writes is swapped only into a written form or a written stem with an
    ending; a Latin word only into a word written in Latin letters."""
    reader = bases[base].reader
    assert word in reader.speller.fix(question, reader._known, reader._fits)[0].split()
