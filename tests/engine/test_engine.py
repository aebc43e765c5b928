"""Behaviour of the engine that the question sets do not show one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.engine import Conversation, Engine
from bot.knowledge import load_or_raise

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_or_raise(KNOWLEDGE))


def test_follow_up_keeps_the_project(engine: Engine) -> None:
    chat = Conversation()
    first = engine.answer("колко струва паркът", chat)
    assert (first.project, first.topic) == ("park-block-66", "budget")
    second = engine.answer("а кога приключи?", chat)
    assert (second.project, second.topic) == ("park-block-66", "dates")
    third = engine.answer("and the goals?", chat)
    assert (third.project, third.topic, third.lang) == ("park-block-66", "goals", "en")


def test_follow_up_switches_project_and_keeps_topic(engine: Engine) -> None:
    chat = Conversation()
    engine.answer("колко струва санирането на училищата", chat)
    answer = engine.answer("а за пречиствателната станция?", chat)
    assert (answer.project, answer.topic) == ("water-cycle", "budget")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("колко струва паркът", "bg"),
        ("kolko struva parka", "bg"),
        ("koga 6te po4nat ulicite", "bg"),
        ("how much did the park cost", "en"),
        ("park programme", "en"),
        ("/start", "bg"),  # a command is Latin by Telegram's rule: it says nothing of the language
        ("/news@SeptemvriBot", "bg"),
        ("/news please", "en"),
    ],
)
def test_reply_language(engine: Engine, question: str, lang: str) -> None:
    assert engine.answer(question).lang == lang


def test_caller_can_fix_the_language(engine: Engine) -> None:
    answer = engine.answer("колко струва паркът", lang="en")
    assert answer.lang == "en" and "199,467.56" in answer.reply.plain()


def test_budget_gives_both_currencies(engine: Engine) -> None:
    reply = engine.answer("колко струва проекта за мониторинг").reply.plain()
    assert "79\u00a0829,24\u00a0лв." in reply and "40\u00a0816,04\u00a0€" in reply


def test_empty_partner_list_is_said_plainly(engine: Engine) -> None:
    assert "no partners" in engine.answer("monitoring project partners").reply.plain()


def test_missing_fact_is_said_honestly_with_contacts(engine: Engine) -> None:
    answer = engine.answer("how much does the ring road take to build, when does it start")
    assert answer.answered and answer.missing
    assert "not in our data" in answer.reply.plain()
    assert "+359 3561 7777" in answer.reply.plain()


def test_near_tie_is_offered_as_a_suggestion(engine: Engine) -> None:
    answer = engine.answer("hot lunch")
    assert answer.project == "hot-lunch" and "hot-lunch-2016" in answer.suggestions


def test_unknown_subject_is_declined_with_contacts(engine: Engine) -> None:
    answer = engine.answer("колко струва метрото в Септември?")
    assert not answer.answered and answer.project is None
    assert "79" not in answer.reply.plain()


@pytest.mark.parametrize("noise", ["🎉" * 300, "a" * 5000, "?!", "   ", "колко " * 1000])
def test_noise_gets_a_polite_answer(engine: Engine, noise: str) -> None:
    answer = engine.answer(noise)
    assert answer.reply.plain()
    assert not answer.answered or answer.kind in (
        "clarify",
        "fallback",
        "project",
        "about",
        "emoji",
    )


def test_json_has_exactly_the_contract_fields(engine: Engine) -> None:
    data = json.loads(json.dumps(engine.answer("kolko struva parka").to_json()))
    assert set(data) == {
        "question",
        "lang",
        "answered",
        "reply",
        "project",
        "topic",
        "confidence",
        "suggestions",
    }
    assert data["project"] == "park-block-66" and data["topic"] == "budget"
    assert "<" not in data["reply"]


def test_html_escapes_knowledge_text(tmp_path: Path) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        "name: Община <Тест> & Ко\nwebsite: https://example.bg/?a=1&b=2\n", encoding="utf-8"
    )
    (tmp_path / "projects" / "park.yaml").write_text(
        "title: Парк <b>Нов</b> & зелен\nstatus: planned\nsummary: Нов парк за <деца> & "
        "възрастни.\naliases: [парк]\n",
        encoding="utf-8",
    )
    engine = Engine(load_or_raise(tmp_path))
    answer = engine.answer("какво е парка")
    html = answer.reply.html()
    assert "&lt;b&gt;Нов&lt;/b&gt; &amp; зелен" in html
    assert "<деца>" not in html and "&lt;деца&gt;" in html
    fallback = engine.answer("asdf qwer").reply.html()
    assert 'href="https://example.bg/?a=1&amp;b=2"' in fallback


def test_project_added_later_in_the_minimal_format_is_found(tmp_path: Path) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "municipality.yaml").write_text(
        (KNOWLEDGE / "municipality.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for source in (KNOWLEDGE / "projects").glob("*.yaml"):
        (tmp_path / "projects" / source.name).write_text(
            source.read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "projects" / "vetren-library.yaml").write_text(
        "title: Обновяване на градската библиотека във Ветрен\nstatus: ongoing\n"
        "summary: Ремонт на покрива и нови компютри за читателите на библиотеката.\n"
        "budget: {total: 120000}\n",
        encoding="utf-8",
    )
    engine = Engine(load_or_raise(tmp_path))
    for question in (
        "колко струва библиотеката във Ветрен",
        "kolko struva bibliotekata",
        "how much is the library renovation in Vetren",
    ):
        answer = engine.answer(question)
        assert (answer.project, answer.topic) == ("vetren-library", "budget"), question
        assert "120" in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "project", "fact", "source"),
    [
        ("kolko 4oveka poluchavat topal obqd 2016", "hot-lunch-2016", "100 души", "резултатите"),
        (
            "колко е дълъг новият минерален водопровод",
            "mineral-water-pipeline",
            "900",
            "описанието",
        ),
        (
            "кой министър подписа договора за пречиствателната станция",
            "water-cycle",
            "Караджова",
            "новината",
        ),
        (
            "how many leaflets did the monitoring project print",
            "monitoring-policies",
            "300",
            "results",
        ),
    ],
)
def test_a_detail_inside_a_text_is_quoted_with_its_source(
    engine: Engine, question: str, project: str, fact: str, source: str
) -> None:
    answer = engine.answer(question)
    assert (answer.answered, answer.project) == (True, project)
    assert fact in answer.reply.plain() and source in answer.reply.plain()


def test_a_quoted_news_item_brings_its_date_and_link(engine: Engine) -> None:
    answer = engine.answer("кога беше заключителната пресконференция по мониторинга")
    assert "19 септември 2014" in answer.reply.plain()
    assert "29 септември 2014" in answer.reply.plain()


def test_a_detail_the_record_does_not_state_is_said_plainly(engine: Engine) -> None:
    answer = engine.answer("колко деца ходят в детската градина във Ветрен дол")
    assert not answer.answered and answer.project is None and answer.kind == "not_found"
    assert answer.suggestions == ("mineral-water-pipeline",)
    assert "няма отговор" in answer.reply.plain()


@pytest.mark.parametrize(
    ("message", "project", "fact"),
    [
        (
            "Здравейте! Извинявайте за безпокойството. Живея във Ветрен дол и чух, че ще има "
            "отопление с минерална вода. Колко семейства ще могат да го ползват?",
            "mineral-water-pipeline",
            "80",
        ),
        (
            "Добър ден, минавам всеки ден покрай парка в кв. 66 и се чудех колко е струвал "
            "ремонтът му?",
            "park-block-66",
            "199 467,56",
        ),
        (
            "Здрасти. Внукът ми учи в Карабунар. Санирано ли е училището там?",
            "school-energy-efficiency",
            "Карабунар",
        ),
    ],
)
def test_the_question_is_found_in_a_long_message(
    engine: Engine, message: str, project: str, fact: str
) -> None:
    answer = engine.answer(message)
    assert answer.project == project and fact in answer.reply.plain().replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("question", "project"),
    [
        ("абе кво става с читалището в Симеоновец бе", "simeonovets-community-centre"),
        ("кои училища санираха", "school-energy-efficiency"),
        ("санирането на СОУ Христо Ботев", "school-energy-efficiency"),
        ("двора на СОУ Христо Ботев", "school-yard-botev"),
        ("колко хора получаваха топъл обяд през 2016", "hot-lunch-2016"),
        ("има ли сега топъл обяд", "hot-lunch"),
    ],
)
def test_colloquial_words_and_the_deciding_word(
    engine: Engine, question: str, project: str
) -> None:
    assert engine.answer(question).project == project


@pytest.mark.parametrize(
    ("typo", "project"),
    [
        ("колко тсрува паркът", "park-block-66"),
        ("кга започна ремонтът на улиците", "street-rehabilitation"),
        ("кой финасира топлия обяд", "hot-lunch"),
        ("how much did the prak cost", "park-block-66"),
        ("номер на договора за топъл обдя", "hot-lunch"),
    ],
)
def test_one_typo_in_a_short_or_topic_word(engine: Engine, typo: str, project: str) -> None:
    answer = engine.answer(typo)
    assert answer.answered and answer.project == project


@pytest.mark.parametrize("question", ["what's the weather", "колко струва метрото в Септември?"])
def test_unrelated_words_do_not_match(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered and answer.project is None and answer.confidence < 0.5


@pytest.mark.parametrize(
    ("second", "kind", "project"),
    [
        ("кога ще има басейн", "fallback", None),
        ("адрес на общината", "municipality", None),
        ("what is the population of Septemvri", "municipality", None),
        ("кой го направи?", "project", "park-block-66"),
        ("and the budget?", "project", "park-block-66"),
    ],
)
def test_context_continues_only_what_it_explains(
    engine: Engine, second: str, kind: str, project: str | None
) -> None:
    chat = Conversation()
    engine.answer("колко струва паркът", chat)
    answer = engine.answer(second, chat)
    assert (answer.kind, answer.project) == (kind, project)


def test_small_talk_keeps_the_context(engine: Engine) -> None:
    chat = Conversation()
    engine.answer("читалището в Симеоновец", chat)
    assert engine.answer("мерси", chat).kind == "thanks"
    assert engine.answer("а кой го финансира?", chat).project == "simeonovets-community-centre"


@pytest.mark.parametrize(
    ("question", "present", "absent"),
    [
        ("кои проекти са в изпълнение", "Топъл обяд", "Обновяване на парка"),
        ("what projects are there in Vetren?", "Insulating the schools", "mineral-water"),
        ("проекти за училища", "Дворът на училище", "Топъл обяд"),
    ],
)
def test_lists_with_a_filter(engine: Engine, question: str, present: str, absent: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "list"
    assert present in answer.reply.plain() and absent not in answer.reply.plain()


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("koga e rabotnoto vreme na obshtinata", "не е публикувано"),
        ("кой е кметът на Септември", "Васка Рачева"),
        ("на какъв адрес е общината", "Стамболийски"),
        ("what is the e-mail of the municipality", "municipality@septemvri.org"),
    ],
)
def test_the_municipalitys_own_facts(engine: Engine, question: str, fact: str) -> None:
    answer = engine.answer(question)
    assert answer.project is None and answer.kind in ("municipality", "faq")
    assert fact in answer.reply.plain()


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("добро утро", "greeting"),
        ("мерси много", "thanks"),
        ("ok bye", "goodbye"),
        ("кой си ти", "about"),
        ("what can you do", "about"),
    ],
)
def test_small_talk(engine: Engine, message: str, kind: str) -> None:
    answer = engine.answer(message)
    assert (answer.answered, answer.kind, answer.project) == (True, kind, None)


def test_a_village_named_that_the_project_is_not_in_is_not_that_project(engine: Engine) -> None:
    assert engine.answer("колко струва паркът").project == "park-block-66"
    assert engine.answer("кога ще ремонтират парка във Ветрен").project is None


@pytest.mark.parametrize(
    "question",
    [
        "кога има концерт в читалището в Симеоновец",  # no record speaks of a concert
        "кога ще пуснат автобус от Виноградец до Лесичово",
        "колко струва кубик минерална вода във Варвара",  # the price of a thing, not the budget
        "колко струва хлябът в топлия обяд",
        "кой е кметът на Ветрен",  # a project found by a detail alone does not answer who
        "kakvo e vremeto utre",
        "кога ще направят детска площадка в Ковачево",  # the playgrounds are named, elsewhere
    ],
)
def test_a_thing_no_record_speaks_of_gets_no_projects_facts(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered and answer.project is None and answer.kind != "clarify"


@pytest.mark.parametrize(
    ("question", "project"),
    [
        ("колко струва ремонтът на улиците", "street-rehabilitation"),
        ("how much is the ring road", "ring-road"),
        ("колко струва проектът за мониторинг", "monitoring-policies"),
    ],
)
def test_the_price_of_the_project_itself_is_its_budget(
    engine: Engine, question: str, project: str
) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.project == project and answer.topic == "budget"


def test_a_follow_up_about_a_thing_the_project_never_mentions_is_declined(engine: Engine) -> None:
    chat = Conversation()
    assert engine.answer("пътят Виноградец Лесичово готов ли е", chat).project is not None
    answer = engine.answer("а има ли автобус по него", chat)
    assert not answer.answered and answer.project is None
    assert engine.answer("how much did it cost", chat).topic == "budget"


def test_a_pronoun_keeps_the_project_though_the_municipality_is_named(engine: Engine) -> None:
    chat = Conversation()
    assert engine.answer("колко струва минералният водопровод", chat).project is not None
    answer = engine.answer("how many municipalities were approved together with it", chat)
    assert answer.project == "mineral-water-pipeline"
    assert engine.answer("адрес на общината", chat).project is None


def test_whether_it_is_done_is_answered_with_what_it_is(engine: Engine) -> None:
    answer = engine.answer("пътят Виноградец Лесичово готов ли е")
    assert answer.topic == "status" and "два пласта асфалт" in answer.reply.plain()


def test_a_relative_clause_describes_the_thing_asked(engine: Engine) -> None:
    parsed = engine.reader.read("колко километра е пътят до Лесичово, който ремонтираха")
    assert parsed.answer == "length" and parsed.described
    assert parsed.described < set(parsed.content)


def test_the_word_of_the_measure_is_no_detail(engine: Engine) -> None:
    parsed = engine.reader.read("колко метра е дълъг пътят до Лесичово")
    assert parsed.answer == "length" and not set(parsed.content) & {"dalag", "dalg"}


def test_a_mistyped_word_is_no_new_subject(engine: Engine) -> None:
    assert not engine.reader.read("партньори на топъл бяд 2016").strange  # "обяд", first letter
    assert engine.reader.read("кога има концерт в читалището").strange


@pytest.mark.parametrize(
    ("question", "project"),
    [
        ("какво е по договор 36/3/3220563", "park-block-66"),
        ("BG05SFPR003-1.001-0014-С03?", "hot-lunch"),
        ("договор 13-13-24", "monitoring-policies"),
        ("a" * 5000 + " 36/3/3220563", "park-block-66"),
        ("a" * 5000, None),
        ("договор 99/9/9999999", None),
    ],
)
def test_a_quoted_contract_number_names_its_project(
    engine: Engine, question: str, project: str | None
) -> None:
    """A contract number or programme code, anywhere in the message, names its project."""
    number = engine.index.identified(question)
    found = None if number is None else engine.knowledge.projects[number].id
    assert found == project
