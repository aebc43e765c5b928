"""Which project a question is about, on bases other than the shipped one: the rules of the
eighth round (a borrowed verb finds its noun, ...)."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.engine.fuzzy import Vocabulary
from bot.engine.normalize import terms, tokens
from bot.engine.subject import typed_bulgarian


def _ask(engine: Engine, turns: list[str]) -> list[tuple[str | None, str]]:
    """(project, reply) of each turn, asked in one chat."""
    chat = Conversation()
    return [(a.project, a.reply.plain()) for a in (engine.answer(q, chat) for q in turns)]


def _answered(engine: Engine, question: str, project: str | None, fact: str, sure: float) -> None:
    """The question is answered about project, at least as sure as sure, with fact in the reply."""
    answer = engine.answer(question)
    assert answer.project == project and answer.confidence >= sure
    assert fact in answer.reply.plain().replace("\xa0", " ")


@pytest.mark.parametrize(
    ("verb", "noun"),
    [("паркирам", "паркинг"), ("паркират", "паркинга"), ("асфалтираха", "асфалт"),
     ("parkirash", "parking"), ("контролира", "контрол")],
)  # fmt: skip
def test_a_borrowed_verb_finds_its_noun(verb: str, noun: str) -> None:
    """A verb borrowed with -ира- is made from a noun: the noun's term is found from it."""
    vocabulary = Vocabulary(terms(noun))
    assert [m.term for m in vocabulary.lookup(terms(verb)[0])] == terms(noun)


def test_a_borrowed_verb_keeps_its_own_term() -> None:
    """A base that holds the verb itself, or no noun of four letters, adds nothing."""
    assert Vocabulary(["park", "parkiram"]).lookup("parkiram")[0].term == "parkiram"
    assert Vocabulary(["san"]).lookup(terms("санират")[0]) == ()


@pytest.mark.parametrize(
    ("base", "turns", "project", "fact"),
    [
        # the verb of parking names the car park, not the place the asker goes to
        ("spa", ["къде да паркирам като ида на банята"], "lipite-car-park", "86 места"),
        ("spa", ["може ли да се паркира безплатно до банята"], "lipite-car-park", "2 часа"),
        ("spa", ["колко коли могат да паркират на ул. Липите"], "lipite-car-park", "86 места"),
        ("vine", ["асфалтираха ли вече полския път до Тракийско"], "agricultural-road", "4,7 км"),
        ("mountain", ["колко коли ще могат да паркират до манастира"], "monastery-road",
         "40 автомобила"),
        ("danube", ["къде ще паркират колите докато ремонтират площада"], "ploshtad-svoboda",
         "паркинга до стадиона"),
        # ... and the conversation goes on about it
        ("spa", ["къде да паркирам като ида на банята", "платено ли е"], "lipite-car-park",
         "2 часа"),
        ("spa", ["къде да паркирам като ида на банята", "а има ли зарядни за ток коли"],
         "lipite-car-park", "4 за зареждане"),
        # chargers and electric cars are one thing in both languages
        ("spa", ["има ли зарядни за електромобили на паркинга на ул. Липите"],
         "lipite-car-park", "4 за зареждане"),
        ("spa", ["колко зарядни има на паркинга"], "lipite-car-park", "4 за зареждане"),
        ("spa", ["where can I charge my electric car in Toplobuk"], "lipite-car-park",
         "4 EV charging"),
    ],
)  # fmt: skip
def test_the_verb_and_its_noun_find_one_project(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    found, reply = _ask(bases[base], turns)[-1]
    assert found == project
    assert fact in reply


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("danube", "колко пейки ще сложите на крайбрежната алея", "dunavska-aleya", "86 пейки"),
        ("danube", "Добър ден, а кога ще довършите пречиствателната станция?", "psov-ladovitsa",
         "17 февруари 2029"),
        ("spa", "Извинете, а колко контейнера ще сложите на всяка площадка?",
         "waste-separation-points", "114 контейнера"),
        ("spa", "Здравейте, живея на ул. Тракия и още нямаме от шарените контейнери, а "
         "пластмасата ми се трупа на балкона вече месец. Колко площадки изобщо ще сложите и "
         "колко са готови досега?", "waste-separation-points", "26 от 38 площадки"),
        ("vine", "кога ще оправите канала К-3", "irrigation-canal-repair", "30 юни 2024"),
        ("mountain", "Здравейте, колко кули за пожари ще изградите?", "fire-station-towers",
         "3 наблюдателни кули"),
        ("spa", "колко чешми ще направите в Топлобук", "fountain-network", "16 чешми"),
    ],
)  # fmt: skip
def test_a_verb_in_ite_after_a_particle_is_no_subject(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The ending "-ите" ends a plural noun with its article and a verb: after "ще" it is
    the verb ("ще сложите"), not a thing the project must hold."""
    _answered(bases[base], question, project, fact, 0.4)
    parsed = bases[base].reader.read(question)
    assert parsed.sure_verbs and not parsed.subjects & parsed.sure_verbs


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("vine", "Здравейте от Испания! Родом съм от Гроздево, но от 15 години живея във "
         "Валенсия. Майка ми ми прати снимки на площада – много е хубав. Колко е струвал "
         "ремонтът и общината плащала ли е нещо от бюджета си?", "village-square-grozdevo",
         "487 212,40"),
        ("danube", "Живея до крайбрежната алея и всяка вечер се разхождам там с внуците. Колко "
         "струваше ремонтът?", "dunavska-aleya", "1 487 300,40"),
        ("mountain", "Баба ми ходи всяка неделя в църквата в Горна Еловица. До кога ще продължи "
         "ремонтът?", "church-st-nikola-frescoes", "31 октомври 2026"),
        ("spa", "Вчера минах покрай Старата баня, много е хубава. Колко струваше проектът?",
         "old-mineral-bath", "2 186 540"),
        ("vine", "Синът ми много иска да ходи в младежкия център в старото кино. Кога ще свърши "
         "ремонтът?", "youth-centre", "ноември 2027"),
        ("danube", "My grandchildren love the riverside promenade in Ladovitsa. How much did the "
         "renovation cost?", "dunavska-aleya", "1,487,300.40"),
        ("mountain", "Работя в посетителския център. Кой плати ремонта?", "visitor-centre",
         "Региони в растеж"),
        # a question that names a thing of its own is about that thing, whatever the context
        ("danube", "Живея до крайбрежната алея. Колко струваше понтонът?", "pristan-ladovitsa",
         "2 346 980"),
        ("spa", "Ходя на Старата баня всяка седмица. А кой прави ремонта на площада?",
         "izvora-square", "Градстрой Пловдив"),
    ],
)  # fmt: skip
def test_the_context_names_the_project_when_the_question_names_only_the_works(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The question "Колко струваше ремонтът?" after a sentence about the promenade: the
    works are the project the context names whole (and a sure one: the works are the project
    itself)."""
    _answered(bases[base], question, project, fact, 0.45)


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("steppe", "по коя програма е уличното осветление в трите села",
         "street-lighting-three-villages", "НПВУ"),
        ("town", "колко деца има в трите групи на детската градина в Бабяк",
         "kindergarten-babyak", "75"),
        ("danube", "къде ще са двете помпени станции", "psov-ladovitsa", "Ладовица"),
        ("danube", "какво пише на таблата на трите дървени площадки по алеята",
         "dunavska-aleya", "три дървени площадки"),
        ("steppe", "до кога е срокът на договора за уличното осветление в трите села",
         "street-lighting-three-villages", "31 декември 2026"),
        ("shipped", "колко пласта асфалт има пътят Виноградец Лесичово, двата ли са",
         "vinogradets-lesichovo-road", "два пласта"),
    ],
)  # fmt: skip
def test_a_number_with_its_article_is_the_number(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """The words "трите села" are the record's "три села": a word it knows, not one that
    counts against every project."""
    _answered(bases[base], question, project, fact, 0.7)


@pytest.mark.parametrize(
    ("base", "turns", "project", "fact"),
    [
        # thanks with a word of address is small talk, and the chat keeps its project
        ("steppe", ["I work at the Echemichno wind farm, is it true our operator pays money into "
                    "a village fund? how much", "thanks mate", "who do I contact about the fund"],
         "wind-fund-village-halls", "Mariana Stefanova Dobreva"),
        ("spa", ["how much did the old bath renovation cost in total", "cheers mate",
                 "and who can I speak to about it"], "old-mineral-bath", "Stoyan Gardev"),
        ("mountain", ["колко струва реставрацията на църквата в горна еловица", "мерси шефе",
                      "а с кого мога да говоря за дарение"], "church-st-nikola-frescoes",
         "Контакти"),
        ("danube", ["кой прави пречиствателната станция", "благодаря, колега",
                    "а на кого да се обърна, ако имам въпрос"], "psov-ladovitsa", "Контакти"),
        # "who can I talk to" asks for a contact, not whom the project is for
        ("steppe", ["what's going on with the old Mir cinema in Zlatoklas",
                    "who can I talk to about it at the municipality"], "youth-centre-old-cinema",
         "Radoslava Ivanova"),
    ],
)  # fmt: skip
def test_address_words_and_talk_to(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    found = _ask(bases[base], turns)
    assert found[-1][0] == project and fact in found[-1][1]


@pytest.mark.parametrize(
    "message", ["thanks mate", "cheers mate", "thanks buddy, have a nice day", "мерси шефе",
                "благодаря, колега"],
)  # fmt: skip
def test_thanks_with_a_word_of_address_is_thanks(bases: dict[str, Engine], message: str) -> None:
    answer = bases["steppe"].answer(message)
    assert answer.kind == "thanks" and answer.project is None


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("steppe", "колко е собственият принос на общината за площада в Орачево",
         "village-square-fountain", "Собствен принос"),
        ("spa", "koi ot obshtinata otgovarq za starata banq", "old-mineral-bath", "Стоян Гърдев"),
        ("shipped", "колко е собственият принос на общината за парка в кв. 66", "park-block-66",
         "Собствен принос"),
        ("mountain", "кой отговаря в общината за пътя до манастира", "monastery-road",
         "Контакти"),
        ("danube", "колко плати общината за крайбрежната алея", "dunavska-aleya",
         "Собствен принос"),
        ("steppe", "кой от общината отговаря за библиобуса", "mobile-library-van", "Контакти"),
        # the municipality's own facts when no project is named whole
        ("vine", "колко хектара лозя има в общината", None, "3 400 ха лозя"),
        ("steppe", "колко жители има общината", None, "9 412"),
    ],
)  # fmt: skip
def test_the_municipality_of_a_project_named_whole_is_the_projects(
    bases: dict[str, Engine], base: str, question: str, project: str | None, fact: str
) -> None:
    """The word "общината" beside a project named whole asks the project's share or contact, not a
    sentence of the municipality's own texts."""
    _answered(bases[base], question, project, fact, 0.5)


@pytest.mark.parametrize(
    ("base", "question", "kind", "fact"),
    [
        # "anything new" asks for the latest news, not a project whose name says "нов"
        ("steppe", "има ли нещо ново, последни новини", "news", "Последни новини"),
        ("spa", "има ли нещо ново в общината", "news", "Последни новини"),
        ("vine", "какво има ново при вас", "news", "Последни новини"),
        # what the municipality does in a village lists its projects there
        ("steppe", "what is the municipality doing in Hambartsi", "list",
         "Grain-road junction and truck parking, Hambartsi"),
        ("mountain", "what is the municipality doing in Kalinishte", "list", "Калинище"),
        ("danube", "какво прави общината във Върбак", "list", "Укрепване на дигата"),
        ("vine", "what are you building in Grozdevo", "list", "Grozdevo"),
    ],
)  # fmt: skip
def test_news_and_lists_of_the_municipality(
    bases: dict[str, Engine], base: str, question: str, kind: str, fact: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.kind == kind and answer.project is None and fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("steppe", "коя фирма ни слага лампите по селата бе", "street-lighting-three-villages",
         "Електро Монтаж Добруджа"),
        ("spa", "коя фирма ни слага шарените контейнери", "waste-separation-points",
         "Изпълнители"),
        ("vine", "кой ни оправя канала К-3", "irrigation-canal-repair", "Акваконсулт"),
        ("danube", "кой го поддържа понтона на кея", "pristan-ladovitsa", "Хидромел Дунав"),
        ("mountain", "кога ще ни пускат влека на детската поляна", "drag-lift-detska-polyana",
         "Детската поляна"),
        # a clitic after an imperative does not make the noun after it a verb
        ("spa", "кажете ни телефона на старата баня", "old-mineral-bath", "Стоян Гърдев"),
        ("vine", "дайте ни информация за младежкия център", "youth-centre", "Младежки център"),
    ],
)  # fmt: skip
def test_the_word_after_a_short_pronoun_is_a_verb(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    """A short object pronoun ("ни", "ги", "го", "ви") stands before its verb: "ни слага" is
    a verb form the records need not hold, not a subject they lack."""
    _answered(bases[base], question, project, fact, 0.5)


@pytest.mark.parametrize(
    ("question", "bulgarian"),
    [
        ("kolko dushi jiveqt v obshtina zlatoklas", True),
        ("koga zapochvat remonta plostada", True),
        ("kade e parkinga", True),
        ("kakvo stava s kinoto", True),
        ("zashto se bavi mosta", True),
        ("how many people live in zlatoklas", False),
        ("what time does the school bus leave", False),
        ("where is the museum", False),
    ],
)  # fmt: skip
def test_a_bulgarian_question_word_marks_a_latin_typed_question(
    question: str, bulgarian: bool
) -> None:
    """The words "kolko", "koga", "kade" are no English words: a question with one is
    Bulgarian typed in Latin letters, so its verb forms are read as verbs ("jiveqt")."""
    assert typed_bulgarian(tokens(question)) is bulgarian


def test_a_latin_typed_population_question(bases: dict[str, Engine]) -> None:
    answer = bases["steppe"].answer("kolko dushi jiveqt v obshtina zlatoklas")
    assert answer.kind == "municipality" and "9 412" in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "project"),
    [
        ("steppe", "Is the Nivata newspaper archive online already?", "newspaper-digital-archive"),
        ("steppe", "who is doing the digitisation of the newspaper", "newspaper-digital-archive"),
        ("mountain", "can I see the scanned icons online", "museum-digitisation"),
        ("mountain", "is the museum collection online yet", "museum-digitisation"),
    ],
)  # fmt: skip
def test_archives_newspapers_and_online_in_both_languages(
    bases: dict[str, Engine], base: str, question: str, project: str
) -> None:
    """A record written in Bulgarian is found by "newspaper", "archive", "online"."""
    answer = bases[base].answer(question)
    assert answer.answered and answer.project == project
