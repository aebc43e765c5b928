"""One typo in a word the knowledge base writes in another form, or in a question word: the
word meant is read ("стенпоисите" for "стенописите" where only "стенописи" is written; a letter
typed twice; "лога" for "кога", a key beside it), and a long word one slip of the hand from one
word only counts as that word, not as a guess; a real word of another form is left alone."""

from __future__ import annotations

import pytest

from bot.engine import Engine


def _fixed(engine: Engine, typed: str) -> tuple[list[str], set[str]]:
    reader = engine.reader
    fixed, guessed = reader.speller.fix(typed, reader._known, reader._fits)
    return fixed.split(), guessed


@pytest.mark.parametrize(
    ("base", "typed", "meant"),
    [
        # a typo in the stem of a form with its article that no text writes
        ("vine", "колко са производтиелите на грозде", "производителите"),
        ("mountain", "кой ще запълни пукнтаините в стенописите", "пукнатините"),
        ("mountain", "къде са докмуентите за влека", "документите"),
        ("spa", "какви са потселките в банята", "постелките"),
        ("danube", "кои са ръководиетлите на проекта", "ръководителите"),
        ("steppe", "колко струват халдилните в кухнята", "хладилните"),
        ("shipped", "кой финансира плоащдките", "площадките"),
        # a letter typed twice, in a form written nowhere
        ("vine", "кога ще е готов младежкиият център", "младежкият"),
        ("danube", "колко струва пристаннището", "пристанището"),
        ("shipped", "колко струва околовръстниият път", "околовръстният"),
        ("mountain", "кога ще отвори хижаата", "хижата"),
        ("shipped", "кои са проектитее на общината", "проектите"),
        # a question word with a letter typed by the key beside it
        ("vine", "лога ще е готова велоалеята", "кога"),
        ("town", "колуо ще струва водната кула", "колко"),
        ("mountain", "кълде ще е противопожарното депо", "къде"),
        ("shipped", "аащо се санират училищата", "защо"),
        ("town", "whar is the budget of the covered market", "what"),
        ("danube", "кпга ще е готов рибният пазар", "кога"),
        ("town", "къдр ще е покритият пазар", "къде"),
    ],
)
def test_the_word_meant_is_read(
    bases: dict[str, Engine], base: str, typed: str, meant: str
) -> None:
    """The corrected message holds the word meant."""
    assert meant in _fixed(bases[base], typed)[0]


@pytest.mark.parametrize(
    ("base", "typed", "meant"),
    [
        ("danube", "колко струва пристаннището", "пристанището"),  # a letter typed twice
        ("town", "колко деца ще ходят в детсакта градина", "детската"),  # two swapped
        ("steppe", "кво е станало с лампите във втровица", "ветровица"),  # one left out
        ("vine", "колко квадрата ще е залата до стдаиона", "стадиона"),
        ("mountain", "колко струва реставрацяита на стенописите", "реставрацията"),
    ],
)
def test_a_long_slip_is_no_guess(
    bases: dict[str, Engine], base: str, typed: str, meant: str
) -> None:
    """A long word one slip from one word only is that word, and counts in full."""
    fixed, guessed = _fixed(bases[base], typed)
    assert meant in fixed and meant not in guessed


@pytest.mark.parametrize(
    ("base", "typed"),
    [
        ("shipped", "Кога ще направят нов мост на реката?"),  # "реката" is no "теката"
        ("shipped", "какво им даваха"),  # a verb's ending is no article
        ("shipped", "парка кой го плати бе, колко са дали отгоре"),
        ("vine", "какво е кафето в новата зала"),  # "кафе" is no question word
        ("shipped", "what is the weather"),
    ],
)
def test_real_words_stay(bases: dict[str, Engine], base: str, typed: str) -> None:
    """Real words of another form, or unrelated, are not read as typos of the base's words."""
    reader = bases[base].reader
    fixed, guessed = reader.speller.fix(typed, reader._known, reader._fits)
    assert fixed == typed and not guessed


@pytest.mark.parametrize(
    ("base", "typed", "word"),
    [
        ("spa", "кой тренира футболния отбор в Сърнино", "футболния"),  # a letter more
        ("shipped", "Какво включваше проектът за мониторинг?", "включваше"),  # another letter
        ("shipped", "оня проект с обяда за бабите има ли го още", "бабите"),  # the key beside
    ],
)
def test_no_slip_stays_a_guess(bases: dict[str, Engine], base: str, typed: str, word: str) -> None:
    """A word one letter more or another letter from a written word is at most a guess."""
    fixed, guessed = _fixed(bases[base], typed)
    assert word in fixed or not set(fixed) - set(typed.split()) - guessed
