"""An abbreviation a record defines ("сградни водопроводни отклонения (СВО)") stands for its
words wherever the record uses it ("изградени 247 СВО"): asked in words, the sentence that uses
the abbreviation answers."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.abbreviations import defined, used
from bot.engine.index import indexed_terms
from tests.engine.conftest import assert_quoted


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("steppe", "how many building water connections are done in Melnichevo so far",
         "melnichevo-water-main", "247"),
        ("steppe", "колко нови сградни водопроводни отклонения ще има в Мелничево",
         "melnichevo-water-main", "312"),
        ("mountain", "какво откри националният институт за недвижимо културно наследство при "
         "църквата в горна еловица", "church-st-nikola-frescoes", "еднокорабна"),
        ("steppe", "къде да занеса старите броеве на нивата в общинския исторически музей",
         "newspaper-digital-archive", "ОИМ"),
        ("steppe", "колко линейки ще има филиалът за спешна медицинска помощ в суховей",
         "rural-ambulance-post", "2 линейки"),
    ],
)  # fmt: skip
def test_asked_in_words(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The sentence with the abbreviation is quoted."""
    assert_quoted(bases[base], question, project, fact, sure=0.7)


@pytest.mark.parametrize(
    ("text", "abbreviation", "words"),
    [
        ("изграждане на 312 сградни водопроводни отклонения (СВО) до шахта", "СВО",
         "сградни водопроводни отклонения"),
        ("Програма за развитие на селските райони (ПРСР) 2014 – 2020", "ПРСР",
         "Програма развитие селските райони"),  # "за", "на" join the others
        ("започнаха строително-монтажни работи (СМР) на 17.03.2025 г.", "СМР",
         "строително монтажни работи"),  # a hyphenated word gives each of its parts
        ("building water connections (BWC) up to the shaft", "BWC", "building water connections"),
    ],
)  # fmt: skip
def test_defined(text: str, abbreviation: str, words: str) -> None:
    """The words before the bracket whose first letters spell the abbreviation."""
    assert defined([text]) == {abbreviation: frozenset(indexed_terms(words))}


@pytest.mark.parametrize(
    "text",
    [
        "общината (ОбС реши) одобри",  # the letters spell no words before it
        "в с. Мелничево (НР) и",  # too few words
        "a new reservoir (PR) of 250",  # "new reservoir" spells NR, not PR
    ],
)
def test_not_defined(text: str) -> None:
    """Brackets whose letters the words before them do not spell define nothing."""
    assert defined([text]) == {}


def test_used_as_a_word() -> None:
    """Only an abbreviation standing as a word counts ("СВО", not the "СВ" inside it)."""
    known = {"СВО": frozenset({"sgradn"}), "СВ": frozenset({"sveti"})}
    assert used("изградени 247 СВО", known) == {"sgradn"}
