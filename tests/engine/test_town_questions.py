"""Questions about no one project: the municipality's own facts, lists with filters, small talk.

Shown on the shipped base and on the tuning municipalities (vine, mountain, Danube): the same
rules, no place or project named in the engine.
"""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine, town


@pytest.mark.parametrize(
    ("base", "question", "facts"),
    [
        # the municipality's name in two words is the municipality; its mayor is its contact's
        ("vine", "кой е кметът на Червено поле", ["Стойко Делибалтов", "сряда"]),
        ("vine", "абе кой е кмета бе, и кога приема хора", ["Стойко Делибалтов", "сряда"]),
        # a measure asked of the municipality is found in its summary, in both languages
        ("vine", "каква е площта на общината", ["214 кв. км"]),
        ("vine", "колко хектра лозя има в общината", ["3 400 ха"]),
        ("mountain", "what's the area of sividol municipality", ["412.6 sq km"]),
        ("vine", "what villages belong to Cherveno Pole municipality", ["Pamidovo", "Byala Lokva"]),
        # a page of the municipality's links, by its title
        ("shipped", "сайт на общинския съвет", ["obs.septemvri.org"]),
        # the population, in the words people use, is the summary's number of residents
        ("spa", "колко е населението", ["9 480 жители"]),
        ("spa", "население", ["9 480 жители"]),
        ("spa", "колко души живеят в общината", ["9 480 жители"]),
        ("spa", "what is the population", ["9,480 residents"]),
        ("shipped", "naselenie", ["27 000"]),
        # a measure or the villages, asked with no word of the municipality
        ("spa", "каква е площта", ["312 кв. км"]),
        ("spa", "кои села има в общината", ["Сърнино", "Каменарци"]),
        # of the sentences that speak of villages, the one that names them
        ("steppe", "кои села влизат в общината", ["Суховей", "Орачево"]),
        ("steppe", "what villages are in the municipality", ["Suhovey", "Orachevo"]),
        # a Latin question word ("kolko", "koga") says the question is Bulgarian
        ("steppe", "kolko dushi jiveqt v obshtina zlatoklas", ["9 412"]),
        ("spa", "kolko dushi jiveqt v obshtinata", ["9 480 жители"]),
        # what the municipality is: its summary, then its contacts
        ("shipped", "какво е Септември", ["Горнотракийската низина", "+359 3561 7777"]),
        ("spa", "what is Toplobuk", ["9,480 residents"]),
        ("shipped", "tell me about Septemvri", ["Upper Thracian Plain"]),  # "tell" is no "тел"
        # the mayor's e-mail or phone is the mayor's, not the switchboard's
        ("spa", "мейла на кмета", ["kmet@example-toplobuk.bg"]),
        ("spa", "телефона на кмета", ["+359 3149 2201"]),
        ("spa", "кой е кметът и какъв е телефонът на общината", ["Радослава Петкова", "2200"]),
        # a day asked with the office hours is what the hours answer
        ("spa", "работите ли в неделя", ["понеделник – петък"]),
        ("spa", "rabotite li v sabota", ["понеделник – петък"]),
        # every field asked in one message is answered
        (
            "shipped",
            "Здравейте, извинявайте, че пиша толкова късно, но през деня съм на работа. Искам да "
            "питам две неща: кой е кметът на общината и какъв е адресът ѝ?",
            ["Васка Рачева", "Александър Стамболийски"],
        ),
    ],
)
def test_the_municipalitys_own_facts(
    bases: dict[str, Engine], base: str, question: str, facts: list[str]
) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.project is None and answer.kind == "municipality"
    reply = answer.reply.plain().replace("\xa0", " ")
    assert all(fact in reply for fact in facts), reply


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("shipped", "kolko e zaplatata na kmeta"),  # the mayor's contact says nothing of it
        ("shipped", "кой ще бъде следващият кмет на София"),
        ("mountain", "каква заплата взима кметът"),
        ("mountain", "кой е кметът на калинище"),  # a village's mayor is not the municipality's
        ("vine", "има ли програма за ремонт на фасадите на блоковете в Червено поле"),
    ],
)
def test_what_the_municipalitys_texts_never_speak_of_is_declined(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    answer = bases[base].answer(question)
    assert not answer.answered and answer.kind == "fallback"


@pytest.mark.parametrize(
    ("base", "question", "present", "absent"),
    [
        ("shipped", "kakvo ima v karabunar", ["Саниране на училищата"], ["Околовръстен път"]),
        ("shipped", "а във Варвара друго какво има", ["Минерален водопровод"], ["Лесичово"]),
        ("danube", "кои проекти са за деца", ["Образователни медиатори"], []),
        ("mountain", "кои проекти са за деца", ["Детската поляна"], []),
        # EU funds by what a project's programme and funding say ("ПРСР", "ЕФРР", "ОПРР")
        (
            "mountain",
            "кои проекти са с европейско финансиране",
            ["Пътят за манастира"],
            ["Дигитализация на музея", "Ремонт на лифта"],
        ),
        (
            "mountain",
            "which projects are EU funded",
            ["Road to the monastery"],
            ["Museum digitisation"],
        ),
        # "what's" is "what is"; "right now" asks for what is under way
        ("spa", "what's being built in Bukak right now?", ["Bukak forest road"], ["Sarnino"]),
        # what the municipality is doing somewhere is what it does there: its projects
        ("spa", "what is the municipality doing in Sarnino", ["Sarnino school gym"], []),
        ("steppe", "what's the municipality doing in Orachevo", ["Orachevo village square"], []),
    ],
)
def test_a_list_with_a_filter(
    bases: dict[str, Engine], base: str, question: str, present: list[str], absent: list[str]
) -> None:
    answer = bases[base].answer(question)
    reply = answer.reply.plain()
    assert answer.kind == "list" and answer.project is None
    assert all(p in reply for p in present) and not any(a in reply for a in absent)


def test_who_with_projects_asks_for_a_person_not_a_list(bases: dict[str, Engine]) -> None:
    answer = bases["vine"].answer("кой в общината отговаря за европейските проекти")
    assert answer.kind == "municipality" and "Даниела Попова" in answer.reply.plain()
    assert bases["vine"].answer("кои са проектите на общината").kind == "list"


def test_a_question_for_a_date_of_projects_is_no_list(bases: dict[str, Engine]) -> None:
    answer = bases["shipped"].answer("кога бяха обявени проектите за площадките и пейките")
    assert answer.project == "clean-environment-playgrounds"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("мерси, приятен ден", "thanks"),  # a wish after thanks closes the thanks
        ("приятен ден", "goodbye"),  # alone it says goodbye
        ("довиждане и лек ден", "goodbye"),
        ("мерси, лека вечер", "goodbye"),
        ("мерси много, помогнахте ми", "thanks"),
        ("кви са последните новини", "news"),
        # a message of signs alone
        ("👍", "thanks"),
        ("👋", "greeting"),
        ("???", "about"),
        ("what is this bot", "about"),
        # "нещо ново" asks for the news, though a project's title says "нов"
        ("има ли нещо ново", "news"),
        # an address to the listener names no subject
        ("cheers mate", "thanks"),
        ("мерси много, шефе", "thanks"),
    ],
)
@pytest.mark.parametrize("base", ["danube", "steppe"])
def test_small_talk_and_news(bases: dict[str, Engine], base: str, question: str, kind: str) -> None:
    answer = bases[base].answer(question)
    assert answer.answered and answer.kind == kind


def test_the_mayors_email_as_a_follow_up(bases: dict[str, Engine]) -> None:
    engine, chat = bases["vine"], Conversation()
    engine.answer("работно време на общината", chat)
    assert "сряда" in engine.answer("а кметът кога приема граждани", chat).reply.plain()
    assert "kmet@example-chervenopole.bg" in engine.answer("а имейлът му", chat).reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "fact"),
    [
        ("danube", "откъде да взема чували с пясък ако дойде водата", "Тракия"),
        ("danube", "как да кажа мнението си на обществено обсъждане", "14 дни"),
        ("vine", "кога по принцип е панаирът Тракийска лоза всяка година", "вторите пълни"),
    ],
)
def test_the_general_faq_answers_what_no_project_does(
    bases: dict[str, Engine], base: str, question: str, fact: str
) -> None:
    """Three quarters of the words in an entry, two of them in the ways it is asked."""
    answer = bases[base].answer(question)
    assert answer.kind == "faq" and answer.project is None and fact in answer.reply.plain()
    assert answer.confidence <= 0.6  # found by its words alone


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("danube", "колко струва един час паркиране в центъра"),
        ("vine", "в колко часа е последният автобус от Мавруд в неделя вечер"),
    ],
)
def test_a_general_faq_entry_that_shares_a_few_words_does_not_answer(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    assert not bases[base].answer(question).answered


def test_the_switchboards_email_is_given_once(bases: dict[str, Engine]) -> None:
    reply = bases["spa"].answer("е-мейл на общината").reply.plain()
    assert reply.count("obshtina@example-toplobuk.bg") == 1 and "+359 3149 2200" in reply


@pytest.mark.parametrize(
    "question", ["list all projects", "покажи всички проекти", "show me all the projects"]
)
def test_a_verb_of_listing_filters_nothing(bases: dict[str, Engine], question: str) -> None:
    engine = bases["spa"]
    answer = engine.answer(question)
    assert answer.kind == "list"
    reply = answer.reply.plain()
    assert all(p.name(answer.lang) in reply for p in engine.knowledge.projects), reply


@pytest.mark.parametrize(
    ("question", "first", "lang"),
    [
        ("кои проекти са най-скъпи", "Пътят за манастира", "bg"),
        ("koi e nai-skapiq proekt", "Пътят за манастира", "bg"),
        ("most expensive project", "Road to the monastery", "en"),  # "most" is no bridge here
        ("най-евтиният проект", "Фестивал „Песни под Елов връх“", "bg"),  # 58 400 € < 148 600 лв.
    ],
)
def test_projects_ranked_by_their_budgets(
    bases: dict[str, Engine], question: str, first: str, lang: str
) -> None:
    answer = bases["mountain"].answer(question)
    lines = answer.reply.plain().splitlines()
    assert answer.kind == "list" and answer.lang == lang
    assert lines[1].startswith(f"• {first} – ") and 2 <= len(lines) <= 6, lines


def test_the_one_costliest_project_carries_the_chat_on(bases: dict[str, Engine]) -> None:
    chat = Conversation()
    first = bases["mountain"].answer("кой е най-скъпият проект", chat)
    assert first.kind == "list" and first.project is None  # a ranking, about no one project
    assert "3 418 276,40" in first.reply.plain().replace("\xa0", " ")
    assert bases["mountain"].answer("а кога приключва", chat).project == "monastery-road"


def test_a_ranking_keeps_the_questions_filters(bases: dict[str, Engine]) -> None:
    reply = bases["mountain"].answer("най-скъпият проект в Калинище").reply.plain()
    assert "Каптаж и водопровод Калинище" in reply and "Пътят за манастира" not in reply


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("кои проекти са завършили", "completed"),
        ("какви проекти са приключени", "completed"),
        ("кои проекти са предвидени", "planned"),
        ("какви проекти са в ход", "ongoing"),
    ],
)
def test_more_words_of_a_status(bases: dict[str, Engine], question: str, status: str) -> None:
    engine = bases["mountain"]
    answer = engine.answer(question)
    names = [p.name("bg") for p in engine.knowledge.projects]
    wanted = [p.name("bg") for p in engine.knowledge.projects if p.status == status]
    listed = [n for n in names if n in answer.reply.plain()]
    assert answer.kind == "list" and sorted(listed) == sorted(wanted)


@pytest.mark.parametrize("question", ["какво е станало напоследък", "what happened recently"])
def test_what_happened_lately_is_the_news(bases: dict[str, Engine], question: str) -> None:
    assert bases["mountain"].answer(question).kind == "news"


def test_the_mayors_phone_when_the_record_gives_none(bases: dict[str, Engine]) -> None:
    """After the general FAQ's answer naming the mayor, "а телефонът му" is the mayor's; the
    mayor's contact gives no phone, so the municipality's follows it."""
    chat = Conversation()
    bases["shipped"].answer("кой е кметът", chat)
    reply = bases["shipped"].answer("а телефонът му", chat).reply.plain()
    assert "Васка Рачева" in reply and "+359 3561 7777" in reply


def test_a_ranking_says_when_none_listed_states_a_budget(bases: dict[str, Engine]) -> None:
    """None of the shipped base's ongoing projects publishes a budget: said, not "none found"."""
    reply = bases["shipped"].answer("най-скъпият проект в изпълнение").reply.plain()
    assert "не е публикуван бюджет" in reply


def test_a_ranking_shows_the_number_asked(bases: dict[str, Engine]) -> None:
    answer = bases["spa"].answer("кои са 3-те най-скъпи проекта")
    assert answer.reply.plain().count("• ") == 3 and answer.project is None


@pytest.mark.parametrize(
    ("sign", "kind"),
    [
        ("👎", "about"),
        ("...", "about"),
        ("👍", "thanks"),
        ("👍😀", "thanks"),
        ("😂", "emoji"),  # a smile is no thanks: a friendly invitation to ask
        ("😀", "emoji"),
        ("😀" * 30, "emoji"),  # a flood of them too
        (":)", "emoji"),
        ("🐶", "emoji"),  # any emoji the lexicon does not list
        ("🎉🎉", "emoji"),
        ("😀?", "about"),
        (":D", "emoji"),  # a typed smile with a letter: no word, and no English (round 12)
        ("xD xD", "emoji"),
        (":P", "emoji"),
    ],
)
def test_more_signs_alone(bases: dict[str, Engine], sign: str, kind: str) -> None:
    answer = bases["spa"].answer(sign)
    assert (answer.kind, answer.answered) == (kind, True)
    if kind == "emoji":
        assert answer.reply.plain().startswith("🙂 С какво да помогна?")


def test_a_time_asked_with_the_office_hours(bases: dict[str, Engine]) -> None:
    assert bases["spa"].answer("работите ли в петък до 18").kind == "municipality"


def test_a_list_offers_its_projects_in_its_own_order(
    bases: dict[str, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    short = bases["spa"].answer("кои проекти са в изпълнение")
    assert short.kind == "list" and len(short.suggestions) == 4
    every = bases["spa"].answer("всички проекти")  # twelve, ongoing first, as the list shows them
    projects = {p.id: p for p in bases["spa"].knowledge.projects}
    statuses = [projects[p].status for p in every.suggestions]
    assert every.kind == "list" and len(every.suggestions) == 12
    assert statuses == sorted(statuses, key=("ongoing", "planned", "completed").index)
    monkeypatch.setattr(town, "LIST_BUTTONS", 11)  # longer than that: the list is the answer
    assert bases["spa"].answer("всички проекти").suggestions == ()


@pytest.mark.parametrize(
    ("base", "question", "heading", "first"),
    [
        (
            "shipped",
            "кои са най-новите проекти",
            "Най-новите проекти",
            "Околовръстен път – предстои",
        ),
        ("shipped", "which are the oldest projects", "The oldest projects", "Water cycle"),
        (
            "shipped",
            "nai-novite proekti v izpalnenie",
            "Най-новите проекти – в изпълнение",
            "Топъл обяд – първа новина от 11 юни 2024",
        ),
        (
            "shipped",
            "кои са 2-та най-стари проекта",
            "Най-старите проекти",
            "начало 20 ноември 2012",
        ),
        ("spa", "покажи ми последните проекти", "Най-новите проекти", "предстои"),
        ("spa", "кои са най-старите проекти", "Най-старите проекти", "начало 5 септември 2018"),
        ("steppe", "the oldest project?", "The oldest projects", "start 23 November 2021"),
        (
            "shipped",
            "покажи петте най-евтини проекта",
            "Проектите с най-малък бюджет",
            "Мониторинг",
        ),
        (
            "shipped",
            "кои са двата най-скъпи проекта",
            "Проектите с най-голям бюджет",
            "Воден цикъл",
        ),
        (
            "shipped",
            "покажи проектите в изпълнение",
            "Проектите на общината – в изпълнение (5)",
            "",
        ),
        ("spa", "pokaji mi nai-novite proekti", "Най-новите проекти", "предстои"),
    ],
)
def test_projects_ranked_by_their_first_dates(
    bases: dict[str, Engine], base: str, question: str, heading: str, first: str
) -> None:
    answer = bases[base].answer(question)
    lines = answer.reply.plain().replace("\u00a0", " ").splitlines()
    assert answer.kind == "list" and lines[0] == heading and first in lines[1]
    assert len([line for line in lines if line.startswith("• ")]) == len(answer.suggestions)


def test_the_newest_project_asked_for_one_carries_the_chat_on(bases: dict[str, Engine]) -> None:
    chat = Conversation()
    first = bases["shipped"].answer("кой е първият проект на общината", chat)
    assert first.kind == "list" and first.project is None
    assert "9 018 280" in bases["shipped"].answer("а колко струва", chat).reply.plain().replace(
        "\u00a0", " "
    )


@pytest.mark.parametrize(
    ("base", "first", "ranking", "shown"),
    [
        ("shipped", "топъл обяд", "кои са 3-те най-скъпи проекта", 3),
        ("shipped", "колко струва минералния водопровод", "кои са двата най-нови проекта", 2),
        ("spa", "колко струва халето", "а кои са най-скъпите проекти", 5),
    ],
)
def test_a_ranking_of_several_projects_is_no_follow_up(
    bases: dict[str, Engine], base: str, first: str, ranking: str, shown: int
) -> None:
    chat = Conversation()
    assert bases[base].answer(first, chat).project is not None
    answer = bases[base].answer(ranking, chat)
    assert answer.kind == "list" and answer.project is None
    assert answer.reply.plain().count("• ") == shown


@pytest.mark.parametrize(
    ("base", "question"),
    [
        ("steppe", "най-новите новини на общината"),
        ("steppe", "най-новите новини"),  # "нов" is in a title: the words asked are no context
        ("steppe", "newest news"),
        ("shipped", "кои са най-новите новини"),
        ("spa", "какви са последните новини"),
    ],
)
def test_the_newest_news_are_the_news_not_the_newest_projects(
    bases: dict[str, Engine], base: str, question: str
) -> None:
    assert bases[base].answer(question).kind == "news"


@pytest.mark.parametrize(
    ("base", "question", "expected"),
    [
        ("steppe", "гражданска регистрация", "Център за административно обслужване"),
        ("steppe", "telefon za mestni danaci", "Център за административно обслужване"),
        ("steppe", "кой се занимава с обществените поръчки", "Отдел „Проекти, програми"),
        ("spa", "сигнали за замърсяване", "Звено „Чистота и екология“"),
        ("spa", "профил на купувача", "profil-na-kupuvacha"),
        ("spa", "обществени поръчки", "profil-na-kupuvacha"),
        ("vine", "а кметът кога приема граждани", "приемен ден – сряда"),
    ],
)
def test_a_contact_or_page_of_the_municipality_by_its_role_or_title(
    bases: dict[str, Engine], base: str, question: str, expected: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.kind == "municipality" and expected in answer.reply.plain()


@pytest.mark.parametrize(
    ("base", "question", "kind"),
    [
        ("danube", "колко посетители се очакват в информационния център", "quote"),  # a count
        ("spa", "кои проекти са с европейско финансиране", "list"),
        ("spa", "разделно събиране", "project"),
    ],
)
def test_a_question_a_project_or_a_list_answers_is_no_contact_s(
    bases: dict[str, Engine], base: str, question: str, kind: str
) -> None:
    assert bases[base].answer(question).kind == kind
