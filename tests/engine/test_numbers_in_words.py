"""A number written in words is one number, however many words it takes ("двайсет и три",
"хиляда и двеста", "one hundred and eighty", "три и половина"): the noun after the whole phrase
is what it counts or its unit, and no numeral inside it is a thing counted. A numeral before a
noun in one word ("четириетажен", "двулентов") counts that noun; a name is no numeral."""

from __future__ import annotations

import pytest

from bot.engine.facts import make_fact
from bot.engine.numbers import compound, numeral_end


@pytest.mark.parametrize(
    ("text", "kinds", "counted", "measures"),
    [
        ("Площадка от хиляда и двеста квадратни метра.", {"size"}, {"kvadratn"}, {"area"}),
        ("Шест хектара и половина, засадени с акация.", {"size"}, {"hektr"}, {"hectares"}),
        ("около две хиляди и четиристотин нови дървета", {"count"}, {"darvet", "nov"}, set()),
        ("приети около четиристотин и двайсет тона отпадъци", {"weight"}, {"ton"}, {"weight"}),
        ("Маршрут, дълъг двайсет и три километра.", {"length"}, {"kilometr"}, {"length"}),
        ("Договор за седем милиона осемстотин хиляди евро.", {"money"}, {"evr"}, {"money"}),
        ("Two lanes of three and a half metres each.", {"count", "length"}, {"lan", "metr"},
         {"length"}),
        ("one hundred and eighty children get breakfast", {"count"}, {"Cildren"}, {"people"}),
        ("спадна от единайсет на сто на шест на сто", {"percent"}, set(), set()),
        ("Трима библиотекари и двама доброволци", {"count"}, {"bibliotekr", "dobrovolc"},
         {"people"}),
    ],
)  # fmt: skip
def test_a_number_in_words_is_read_whole(
    text: str, kinds: set[str], counted: set[str], measures: set[str]
) -> None:
    fact = make_fact("summary", {"bg": text})
    assert kinds <= fact.kinds and "number" in fact.kinds
    assert counted <= fact.counted
    assert measures <= fact.measures
    # the numerals inside the phrase count nothing ("двайсет и три": no "три")
    assert fact.counted.isdisjoint({"dvaiset", "tri", "thr", "dvest", "Cetiristotin", "osemstotin"})


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Сметките паднаха с четирийсет на сто.", {"number", "percent"}),  # no count of "сто"
        ("Обиколката трае около четирийсет и пет минути.", {"number", "duration"}),
        ("Маршрутът е двайсет и три километра.", {"number", "length"}),
    ],
)
def test_a_number_in_words_states_no_count_of_its_own_numerals(text: str, kinds: set[str]) -> None:
    assert make_fact("summary", {"bg": text}).kinds == kinds


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("ще се построи четириетажен блок", "etaZen"),
        ("двуетажна сграда от 1 650 кв. м", "etaZn"),
        ("нов двулентов път", "lentov"),
        ("двайсет едностайни апартамента", "stain"),
    ],
)
def test_a_numeral_in_one_word_counts_its_noun(text: str, counted: str) -> None:
    fact = make_fact("summary", {"bg": text})
    assert "count" in fact.kinds and counted in fact.counted


@pytest.mark.parametrize(
    "word",
    ["петров", "едновременно", "едноличен", "трибуната", "двайсет", "тристате", "пет"],
)
def test_a_word_that_only_begins_like_a_numeral_is_none(word: str) -> None:
    assert compound(word) is None


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        (["двайсет", "и", "три", "километра"], 0, 3),
        (["хиляда", "и", "двеста", "квадратни"], 0, 3),
        (["three", "and", "a", "half", "metres"], 0, 4),
        (["two", "thousand", "four", "hundred", "trees"], 0, 4),
        (["седем", "милиона", "осемстотин", "хиляди", "евро"], 0, 4),
        (["трима", "библиотекари", "и", "двама"], 0, 1),  # "и" joins numerals only
        (["шест", "хектара", "и", "половина"], 0, 1),
    ],
)
def test_where_a_number_in_words_ends(words: list[str], start: int, end: int) -> None:
    assert numeral_end(words, start) == end


def test_a_name_that_begins_like_a_numeral_counts_nothing() -> None:
    fact = make_fact("contacts", {"bg": "Веселина Трифонова – директор на градината"})
    assert "count" not in fact.kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("детска площадка за децата от три до дванайсет години", {"number", "duration"}),
        ("деца от 3 до 16 години", {"number", "duration"}),
        ("за 3 или 4 дни", {"number", "duration"}),
    ],
)
def test_a_range_has_the_unit_of_its_second_end(text: str, kinds: set[str]) -> None:
    assert make_fact("summary", {"bg": text}).kinds == kinds
