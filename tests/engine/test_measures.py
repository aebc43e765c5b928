"""The measure asked ("колко квадрата", "колко киловата", "how many hectares", "колко ток")
chooses the sentence whose number carries its unit; a measure the record does not state is
"not stated", never a number of another unit; the budget is still the answer to "колко струва"."""

from __future__ import annotations

import pytest

from bot.engine import Engine, measures
from bot.engine.facts import make_fact
from bot.engine.measures import names_measure, unit_measures
from bot.engine.parsed import Parsed


def plain(text: str) -> str:
    """The reply with its no-break spaces as spaces."""
    return text.replace("\xa0", " ")


@pytest.mark.parametrize(
    ("following", "measures"),
    [
        (["кв", "м"], {"area"}),
        (["л", "кв", "м", "валежи"], {"rainfall"}),
        (["л", "м"], {"length", "height", "depth"}),
        (["л"], {"litres"}),
        (["км", "ч"], {"speed"}),
        (["км"], {"length", "height", "depth"}),
        (["kwp"], {"power"}),
        (["kwh", "и"], {"energy"}),
        (["куб", "м"], {"volume"}),
        (["ха", "гори"], {"area", "hectares"}),
        (["възрастни", "жители"], {"people"}),  # a noun of people after one word
        (["нови", "работни", "места"], {"jobs"}),
        (["пейки"], set()),
        (["стоманени", "кв"], set()),  # an area's unit only right after the number
    ],
)
def test_the_unit_after_a_number_says_its_measure(following: list[str], measures: set[str]) -> None:
    assert unit_measures(following) == measures


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("изграждане на 4 бр. метални наблюдателни кули", "kal"),  # the noun after "бр."
    ],
)
def test_the_thing_counted_by_pieces_is_the_noun_after_them(text: str, counted: str) -> None:
    assert counted in make_fact("summary", {"bg": text}).counted


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("mountain", "колко киловата е новата задвижваща станция на лифта", "ski-lift-renovation",
         "420 kW"),
        ("mountain", "с колко може да се кара по пътя за манастира", "monastery-road", "40 км/ч"),
        ("spa", "колко киловата е топлообменникът в старата баня", "old-mineral-bath", "120 kW"),
        ("steppe", "колко ток ще пести новото осветление в трите села",
         "street-lighting-three-villages", "62 000 kWh"),
        ("danube", "колко хектара е нивата за гробището", "grobishte-razshiryavane",
         "1,8 хектара"),
        ("town", "колко кубика ще събира водната кула в краище", "water-tower-kraishte",
         "300 куб. м"),
        # "колко високо": a height; the sentence naming the elevation, not a length of pipes
        ("steppe", "колко високо ще е новият резервоар на водопровода в Мелничево",
         "melnichevo-water-main", "212,40 м"),
        ("mountain", "kolko visoko e rezervoara kalinishte", "water-catchment-kalinishte",
         "1 128 м"),
    ],
)  # fmt: skip
def test_the_measure_asked_chooses_the_sentence_stating_its_unit(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered
    assert answer.project == project
    assert fact in plain(answer.reply.plain())


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("steppe", "колко тона тежи фонтанът в орачево"),  # the record weighs nothing
    ],
)
def test_a_measure_the_record_does_not_state_is_not_stated(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered
    assert answer.kind == "not_found"


@pytest.mark.parametrize(
    ("base", "question", "fact"),
    [
        ("shipped", "колко струва паркът в кв. 66", "199 467,56"),
        ("mountain", "колко струва ремонтът на църквата в горна еловица", "868 450"),
    ],
)
def test_how_much_it_costs_is_still_the_budget(
    bases: dict[str, Engine], base: str, question: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert fact in plain(answer.reply.plain())


def _scanned(parsed: Parsed) -> frozenset[str]:
    """asked_measures as every phrase scanned over every position (the plain way)."""
    places = {w for place in parsed.places for w in place}
    words = ["" if w in places else w for w in parsed.words]
    after = {i + 1 for i, w in enumerate(words) if w in measures._QUANTITY}
    after |= {i for i, w in enumerate(words) if w in parsed.counted}
    found: set[str] = set()
    for table, asked in ((measures._ASKED, True), (measures._OF, False)):
        for phrase, names in table.items():
            size = len(phrase)
            at = {i for i in range(len(words) - size + 1) if tuple(words[i : i + size]) == phrase}
            if asked and at and parsed.answer not in measures._NOT_MEASURED:
                found |= names - measures.OPEN if after.isdisjoint(at) else names
            elif not asked and not after.isdisjoint(at):
                found |= names
    return frozenset(found & {"money"} if parsed.answer == "amount" else found)


def _asked_words() -> list[list[str]]:
    """Every phrase of measures.yaml alone, after "колко", twice, and between other words."""
    how = sorted(measures._QUANTITY)[0]
    found = []
    for phrase in [*measures._ASKED, *measures._OF]:
        found += [list(phrase), [how, *phrase], [*phrase, "и", how, *phrase]]
        found += [["къде", *phrase[:-1]], ["парка", how, *phrase, "за"]]
    return found


@pytest.mark.parametrize("answer", [None, "amount", "date", "count"])
def test_the_measures_asked_are_found_by_their_first_word_as_by_a_scan(answer: str | None) -> None:
    for words in _asked_words():
        for counted in ([], words[-1:]):
            parsed = Parsed(" ".join(words), words, answer=answer, counted=counted)
            assert measures.asked_measures(parsed) == _scanned(parsed), words


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Земнонасипна дига с височина до 3,4 м", True),
        ("резервоар на кота 212,40 м", True),
        ("строи нова 2,8 км дига; високите води забавиха работата", False),
    ],
)
def test_a_sentence_names_a_height_by_its_own_words_not_their_synonyms(
    text: str, named: bool
) -> None:
    assert names_measure([text], frozenset({"height"})) is named
