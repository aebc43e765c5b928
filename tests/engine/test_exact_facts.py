"""Rules of the sixth round about the exact fact inside the right project: the unit asked, who
does a thing (not any capitalised word), the noun counted by its synonym, the event dated, how
long each one takes, and a place the location field does not say."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.events import event_terms
from bot.engine.facts import describe, make_fact
from bot.engine.glossary import GLOSSARY
from bot.engine.normalize import terms
from bot.knowledge import load_or_raise


@pytest.fixture(scope="module")
def engines(bases: dict[str, Engine]) -> dict[str, Engine]:
    """The engine tests' bases and the spa town, the tuning base that came in the sixth round."""
    folder = Path(__file__).parent.parent / "fixtures" / "tuning-spa" / "knowledge"
    return {**bases, "spa": Engine(load_or_raise(folder))}


@pytest.mark.parametrize(
    ("base", "question", "fact"),
    [
        # the unit asked: a sentence in km, not one with litres and hours that holds the verb
        ("vine", "канавките колко км ги изчистихте тая година", "23 км канавки"),
        # a measure's adjective finds its noun ("широка" ~ "ширина")
        ("vine", "колко широка ще е алеята за колелета", "2,5 м"),
        ("mountain", "how far can the thermal cameras on the towers see", "15 km"),
        # who: a name with its role, a titled person, a firm's legal form
        ("shipped", "оня топъл обяд от 2016-та кой го водеше", "Ивалина Табакова"),
        ("shipped", "пробуда кой я е писал тоя проект", "Ива Дачева"),
        ("mountain", "who is going to run the new beginners lift at elov vrah", "Sividol Ski EOOD"),
        # the role asked is a detail, and a title stands for its word ("д-р": "доктор")
        ("vine", "как се казваше докторката дет е в тракийско", "Ирина Салчева"),
        # what time, the record's words not the question's: the sentence with the clock time
        ("danube", "what time does the school bus leave Gorna Rakita in the morning", "6:50"),
        # ... and the summary still answers a who-question the record's sentence answers
        ("shipped", "who uses the new Probuda hall", "Meraklii"),
        # the noun counted by its synonym in the same language ("деца": "ученици")
        (
            "danube",
            "Здравейте, майка съм от Дълбок брод. Тази година синът ми тръгва в първи клас. "
            "Колко деца изобщо пътуват с училищния автобус, пълен ли е?",
            "47 ученици",
        ),
        # the founding of a thing is an event a date question names
        ("shipped", "социялен патронаш от кога съществува", "1986"),
        # another form of the event asked finds the sentence ("пуснат": "работи", "готова":
        # "да свършат")
        ("mountain", "кога ще пуснат лифта на елов връх", "15.12.2026"),
        ("vine", "koga shte e gotova zdravnata slujba v trakiisko", "март 2027"),
        # one of a project's several places, not in its title, chooses the sentence about it
        ("vine", "заради коя изба маршрутът ще минава и през Каменни лозя", "Каменна чаша"),
        # one of many: how long each one takes, not the project's period
        ("shipped", "колко време отнема санирането на една училищна сграда", "2 месеца"),
        # a place cue the location field does not say ("кв." is "квартал")
        ("shipped", "в кой квартал е дворът на СУ Христо Ботев по проекта", "кв. 187"),
        ("shipped", "dvora na botev v koi kvartal e", "кв. 187"),
        # a measure of nothing beyond the project's name is the whole project's, the summary's
        ("spa", "kolko e dalga ekopatekata", "9,6 км"),
        # another form of the event asked ("готови": "завършени")
        ("spa", "па колко км са готови от горския път че все не е готов", "7,2 км"),
        # a field of names left empty is filled by a sentence with any name: "380 м от ул. ..."
        ("spa", "колко метра улици обновиха заедно с площада", "380 м"),
        # a link is quoted with its address when a page, a photo or a map is asked for
        ("spa", "is there a map of the Samodivska trail I can download", "karta.pdf"),
        # the contract states no duration: the dates do
        ("spa", "колко месеца ще се строи мостът над топлица по договор", "14 месеца"),
    ],
)
def test_the_exact_fact_is_quoted(
    engines: dict[str, Engine], base: str, question: str, fact: str
) -> None:
    answer = engines[base].answer(question)
    assert answer.answered
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("„Сивидол Ски“ ЕООД – бъдещ оператор на съоръжението", True),  # a legal form
        ("„Студио Пристан“ ООД – проектант", True),
        ("Приема д-р Асен Делчев в понеделник", True),  # a titled person
        ("Водещ беше Ивалина Табакова, директор на дирекцията", True),  # a name with its role
        ("Sividol Ski EOOD, the future operator", True),
        ("Топъл обяд в община Септември – 2016", False),  # a place's name is no one
        ("Ремонтираме службата в Тракийско за личен лекар", False),  # a role, but no name
        ("Ремонтът на Ад и Рай в Септември", False),  # a legal form is matched as written
        ("Обновихме парка в Септември.", False),
    ],
)
def test_a_sentence_says_who(text: str, who: bool) -> None:
    kinds, _ = describe([text])
    assert ("who" in kinds) is who


@pytest.mark.parametrize(
    ("source", "who"), [("contacts", True), ("contractors", True), ("summary", False)]
)
def test_a_contact_or_contractor_is_who(source: str, who: bool) -> None:
    fact = make_fact(source, {"bg": "Отдел „Проекти“ на общината"})
    assert ("who" in fact.kinds) is who


@pytest.mark.parametrize(
    ("question", "address", "quoted"),
    [
        ("sait na domashniq patronaj", "patronaj.htm", True),
        ("къде мога да прочета повече за парка в кв. 66", "migbsv.com", True),  # a place to read
        ("who signed the contract for the treatment plant", "ope.moew", False),  # no link asked
    ],
)
def test_a_link_answers_only_when_one_is_asked_for(
    bases: dict[str, Engine], question: str, address: str, quoted: bool
) -> None:
    assert (address in bases["shipped"].answer(question).reply.plain()) is quoted


def test_a_title_stands_for_its_word() -> None:
    fact = make_fact("news", {"bg": "Приема д-р Ирина Салчева в кметството."})
    assert set(terms("доктор")) <= fact.terms


def test_a_length_by_a_width_is_an_area() -> None:
    kinds, _ = describe(["Новият салон е 24 х 14 м, с баскетболно игрище."])
    assert "size" in kinds


@pytest.mark.parametrize(
    ("word", "synonym", "same"),
    [
        ("деца", "ученици", True),  # the same language
        ("деца", "children", False),  # a translation is no synonym for counting
        ("дига", "levee", False),  # "levee" folds like "лев": never a count of money
    ],
)
def test_synonyms_are_of_the_same_language(word: str, synonym: str, same: bool) -> None:
    found = GLOSSARY.synonyms(terms(word)[0])
    assert (terms(synonym)[0] in found) is same


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("от кога съществува патронажът", "създаден е през януари 1986 г."),
        ("кога беше обявено", "Общината обяви програмата"),
        ("кога подписаха договора", "Договорът е подписан на 13 септември 2017 г."),
    ],
)
def test_an_event_finds_its_other_forms(question: str, stated: str) -> None:
    assert not event_terms(terms(question)).isdisjoint(terms(stated))
