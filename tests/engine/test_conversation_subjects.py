"""Follow-ups whose words look like another project's subject but are not: a Bulgarian verb that
shares a stem with another project's name, a word pointing back to the time talked about
("дотогава"), the thing counted that the record counts, a verb of saying after the news, and
a context naming another project before a question with no words of its own, and a follow-up
with words of its own that keeps the project but not the last topic; each
rule with the tuning turn that showed it and new ones on other bases, and turns that must still
start afresh."""

from __future__ import annotations

import pytest

from bot.engine import Answer, Conversation, Engine

# a Bulgarian verb never names another project ("съществува" is not "съществуващ парк")
VERB_OF_ANOTHER_NAME = [
    ("shipped", ["патронажа", "от кога съществува"], "home-patronage-equipment"),  # tuning
    ("shipped", ["топъл обяд", "а от колко време съществува"], "hot-lunch"),
    ("shipped", ["патронажа", "съществува ли още"], "home-patronage-equipment"),
    ("spa", ["покритият пазар в топлобук", "а кога ще го обновяват"], "market-hall"),
    ("spa", ["мостът над топлица", "а кога ще го възстановяват"], "toplitsa-footbridge"),
    ("vine", ["велоалеята между селата", "а кой ще я почиства"], "cycling-route-villages"),
    ("mountain", ["хижа сърнена", "кога ще я обновяват"], "mountain-hut-sarnena"),
]  # fmt: skip
# "дотогава", "оттогава", "междувременно", "until then", "meanwhile" point back to the time of
# what was talked about
TIME_POINTED_BACK = [
    ("steppe", ["кво стаа със спешната в суховей", "ами дотогава като ми стане зле кво да праа"],
     "rural-ambulance-post"),  # tuning
    ("mountain", ["църквата в горна еловица", "а междувременно може ли да се влиза"],
     "church-st-nikola-frescoes"),
    ("shipped", ["околовръстния път", "оттогава какво е направено"], "ring-road"),
    ("steppe", ["спешния пункт в суховей", "dotogava kude da hodim"], "rural-ambulance-post"),
    ("spa", ["мостът над топлица кога ще е готов", "а дотогава откъде минават хората"],
     "toplitsa-footbridge"),
    ("vine", ["when will the cycling route be ready", "and until then where can I ride"],
     "cycling-route-villages"),
    ("danube", ["the new pier in Ladovitsa", "meanwhile, where do the boats stop"],
     "pristan-ladovitsa"),
]  # fmt: skip
# the thing counted, which the record counts, and verbs: a detail, though they name another
# project whole ("trees" and "plant": the shelter belts)
COUNTED_OF_THE_PROJECT = [
    ("steppe", ["Who built the Orachevo square?", "how many trees did they plant"],
     "village-square-fountain"),  # tuning
    ("steppe", ["Orachevo square", "how many trees will be planted there"],
     "village-square-fountain"),
    ("steppe", ["площада в орачево", "kolko durveta zasadiha"], "village-square-fountain"),
    ("vine", ["the square in Grozdevo", "how many trees did they plant"],
     "village-square-grozdevo"),
    ("danube", ["the riverside promenade", "how many trees will they plant"], "dunavska-aleya"),
    ("spa", ["площад извора", "колко дървета засадиха"], "izvora-square"),
    ("mountain", ["екопътеката орлова", "how many bridges will they build"], "eco-trail-orlova"),
]  # fmt: skip
# a verb of saying ("какво пишеше тогава", "what did they write") asks what the last answer's
# texts said: the same project, the same topic (here the news)
WHAT_IT_SAID = [
    ("shipped", ["а за пречиствателната станция има ли новини", "какво пишеше тогава"],
     "water-cycle"),  # tuning
    ("mountain", ["новини за лифта на елов връх", "какво казаха тогава"], "ski-lift-renovation"),
    ("danube", ["news about the riverside promenade", "what did they write"], "dunavska-aleya"),
    ("mountain", ["има ли новини за пътя до манастира", "kakvo pishe6e tam"], "monastery-road"),
    ("danube", ["има ли новини за дигата при върбак", "а какво пишеше там"], "diga-varbak"),
    ("danube", ["any news about the new pier", "and what did it say"], "pristan-ladovitsa"),
    ("shipped", ["новини за топъл обяд", "а какво казваха"], "hot-lunch"),
]  # fmt: skip
# a context that names another project whole, then a question with no words of its own ("а
# изложбената зала, кога ще е готова"): the project named, not the one talked about, nor a list
CONTEXT_NAMES_ANOTHER = [
    ("town", ["the dog shelter", "and the covered market, when does it open"], "covered-market"),
    ("vine", ["колко струва детският лагер", "а изложбената зала, кога ще е готова"],
     "wine-fair-hall"),
    ("danube", ["рибният пазар", "абе онзи понтон на пристанището, кога ще го завършат"],
     "pristan-ladovitsa"),
    ("mountain", ["хижа сърнена", "а лифтът на елов връх, колко струва"], "ski-lift-renovation"),
    ("steppe", ["библиобусът", "Чух че ще правят младежки център в старото кино. Колко ще струва?"],
     "youth-centre-old-cinema"),
    ("shipped", ["топъл обяд", "а околовръстния път, кога ще го почнат"], "ring-road"),
    ("town", ["водната кула в краище", "a detskata gradina v babyak, koga shte e gotova"],
     "kindergarten-babyak"),
    ("spa", ["старата баня", "ok, and the footbridge over the Toplitsa - when will it be ready?"],
     "toplitsa-footbridge"),
]  # fmt: skip
# a follow-up with words of its own asks them, not the topic of the last answer (the budget)
OWN_WORDS_NOT_LAST_TOPIC = [
    ("spa", ["колко струва площад извора", "а водата от фонтана става ли за пиене"],
     "izvora-square"),
    ("danube", ["колко струва рибният пазар", "а има ли хладилна камера"], "riben-pazar"),
    ("steppe", ["колко струва площадът в орачево", "and are there benches"],
     "village-square-fountain"),
    ("town", ["колко струва приютът за кучета", "а ще има ли ветеринар"], "dog-shelter"),
    ("danube", ["колко струва училищният автобус", "and does it have seat belts"],
     "uchilishten-avtobus"),
]  # fmt: skip
# still afresh: an English word that is a verb and a noun names the other project ("park");
# a thing counted the record never speaks of is another project's ("канавки")
STILL_AFRESH = [
    ("shipped", ["monitoring project budget", "and the partners?", "and for the park?"],
     "park-block-66"),
    ("vine", ["велоалеята между селата", "колко канавки ще почистят"], "storm-drain-cleaning"),
]  # fmt: skip


def _last(engine: Engine, turns: list[str]) -> Answer:
    """The answer to the last turn, the turns asked in one chat."""
    chat = Conversation()
    return [engine.answer(turn, chat) for turn in turns][-1]


@pytest.mark.parametrize(
    ("base", "turns", "project"),
    [
        *VERB_OF_ANOTHER_NAME,
        *TIME_POINTED_BACK,
        *COUNTED_OF_THE_PROJECT,
        *CONTEXT_NAMES_ANOTHER,
        *STILL_AFRESH,
    ],
)
def test_the_last_turn_is_about(
    bases: dict[str, Engine], base: str, turns: list[str], project: str
) -> None:
    """The last turn is about the project given: the one talked about, or the one it names."""
    assert _last(bases[base], turns).project == project


@pytest.mark.parametrize(("base", "turns", "project"), WHAT_IT_SAID)
def test_what_it_said_is_the_news_again(
    bases: dict[str, Engine], base: str, turns: list[str], project: str
) -> None:
    """After the news of a project, asking what it said gives that project's news again."""
    last = _last(bases[base], turns)
    assert last.answered and last.project == project
    assert last.topic == "news"


@pytest.mark.parametrize(("base", "turns", "project"), OWN_WORDS_NOT_LAST_TOPIC)
def test_own_words_are_not_the_last_topic(
    bases: dict[str, Engine], base: str, turns: list[str], project: str
) -> None:
    """The project talked about answers, but not with the budget the last turn asked."""
    last = _last(bases[base], turns)
    assert last.answered and last.project == project
    assert last.topic != "budget"


def test_a_name_alone_keeps_the_last_topic(bases: dict[str, Engine]) -> None:
    """A project's name alone after the budget ("а за пречиствателната станция?") asks its."""
    answer = _last(
        bases["shipped"], ["колко струва паркът в кв. 66", "а за пречиствателната станция?"]
    )
    assert answer.project == "water-cycle" and answer.topic == "budget"


@pytest.mark.parametrize(
    ("base", "turns", "project", "fact"),
    [
        ("shipped", ["патронажа", "от кога съществува"], "home-patronage-equipment", "1986"),
        ("steppe", ["Who built the Orachevo square?", "how many trees did they plant"],
         "village-square-fountain", "34 trees"),
        ("danube", ["площад свобода в ладовица", "колко дървета ще засадят"], "ploshtad-svoboda",
         "42"),
        ("shipped", ["а за пречиствателната станция има ли новини", "какво пишеше тогава"],
         "water-cycle", "есента"),
    ],
)  # fmt: skip
def test_the_fact_of_the_project(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    """The follow-up is answered with the fact from the record of the project talked about."""
    last = _last(bases[base], turns)
    assert last.answered and last.project == project
    assert fact in last.reply.plain().replace("\u00a0", " ")
