"""The validator's messages in Bulgarian: each mistake's English message (unchanged) is
recognised and told in Bulgarian with the same values, on the same line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Problem, load_knowledge
from bot.services.problem_texts import problem_text, translated
from bot.texts import TEXTS
from tests.knowledge.test_validation import make_knowledge

BASE = "title: Парк\nstatus: ongoing\nsummary: Нов парк.\n"

# (what staff wrote, the Bulgarian message of its first problem)
CASES = [
    (
        BASE.replace("ongoing", "xyz"),
        "непознат статус 'xyz'; напишете едно от: planned, ongoing, completed",
    ),
    (
        BASE.replace("ongoing", "done"),
        "непознат статус 'done'; може би „completed“? Напишете едно от: planned, ongoing, "
        "completed",
    ),
    (BASE + "sumary: x\n", "непознато поле „sumary“: може би „summary“?"),
    (
        BASE + "budget:\n  total: 1_000\n",
        "сумата 1_000 съдържа „_“, което YAML премахва без предупреждение: напишете 1000",
    ),
    (
        BASE + "period:\n  months: 012\n",
        "числото 012 започва с 0 и YAML не го чете както е написано (0012 става 10): напишете 12",
    ),
    (
        BASE + 'budget:\n  total: "около 1 000 лв."\n',
        "сумата 'около 1 000 лв.' е написана като текст; напишете просто число с точка за "
        "десетичните, без кавички, интервали и валута, напр. 79829.24",
    ),
    (
        BASE + "budget:\n  total: 245 300,50 лв.\n",
        "сумата '245 300,50 лв.' е написана като текст; напишете 245300.50 (просто число с "
        "точка за десетичните, без кавички, интервали и валута)",
    ),
    (BASE + "budget:\n  currency: USD\n", "непозната валута 'USD'; напишете BGN или EUR"),
    (
        BASE + "period:\n  start: 13.11.2013\n",
        "датата '13.11.2013' трябва да се пише като ГГГГ-ММ-ДД: напишете 2013-11-13",
    ),
    (
        BASE + "period:\n  start: 2013-02-30\n",
        "'2013-02-30' не е истинска календарна дата; проверете месеца и деня",
    ),
    (
        BASE + "links:\n  - title: Сайт\n    url: www.septemvri.bg\n",
        "уеб адресът 'www.septemvri.bg' трябва да започва с https:// или http://: напишете "
        "https://www.septemvri.bg",
    ),
    (
        BASE + "contacts\n  - name: Иван\n",
        "синтактична грешка в YAML: след името на полето „contacts“ няма „:“; напишете „contacts:“",
    ),
    (
        BASE + "бенефициент: Общината\n",
        "непознато поле „бенефициент“: имената на полетата се пишат на английски – "
        "напишете „beneficiary“",
    ),
    (
        BASE + "contacts:\n  - name: Кмет\n    email: kmet\n",
        "'kmet' не е адрес на електронна поща; пишете го като name@example.bg",
    ),
    (
        BASE + "goals: 5\n",
        "очаква се списък (по един елемент „- “ на ред), а е написано числото 5; празен списък "
        "се пише [ ]",
    ),
    (
        BASE + "goals: ala\n",
        "очаква се списък, а е написан един текст, 'ala': напишете го в квадратни скоби, [ala] "
        "(там запетаята разделя елементите), или всеки елемент на отделен ред отдолу, започващ "
        "с „- “",
    ),
    (
        BASE + "contract: 5\n",
        "очаква се група полета (редове „име: стойност“, отстъпени отдолу), а е написано числото 5",
    ),
    (
        "title: Парк\nsummary: Нов парк.\n",
        "липсва задължителното поле „status“: добавете го, напр. „status: ongoing“",
    ),
    (
        BASE + "status: planned\n",
        "повторено поле „status“ (вече е дадено на ред 2): оставете едното и изтрийте другото",
    ),
    (
        BASE + "funding: Евро: фондове\n",
        "синтактична грешка в YAML: двоеточие „:“ стои там, където YAML не го очаква; ако "
        "самият текст съдържа „: “, оградете целия текст с прави двойни кавички",
    ),
    (
        BASE + 'funding: "ЕСФ\n',
        "синтактична грешка в YAML: кавичките, отворени тук, никъде не се затварят; добавете "
        "затварящите кавички в края на текста",
    ),
    (BASE + "funding:\n  BG: ЕСФ\n", "кодът на езика „BG“ се пише с малки букви: „bg“"),
    (BASE + "funding:\n  bu: ЕСФ\n", "„bu“ не е код на език; може би „bg“?"),
    (
        BASE + "budget:\n  total: 10\n  grant: 20\n",
        "безвъзмездната помощ 20 е по-голяма от общата стойност 10: проверете двете суми",
    ),
    (
        BASE + "---\ntitle: x\n",
        "тук започва втори документ („---“); файлът от базата съдържа един: изтрийте реда „---“ "
        "или преместете следващото в отделен файл",
    ),
    (
        BASE + "funding: *esf\n",
        "„*esf“ се чете като псевдоним в YAML, но нищо не е наречено "
        "„&esf“; текст, който започва с „*“, оградете с кавички",
    ),
    ("", "файлът е празен; попълнете го (вижте раздела за служители в README) или го изтрийте"),
]


def first_problem(tmp_path: Path, text: str) -> Problem:
    make_knowledge(tmp_path, text)
    return next(p for p in load_knowledge(tmp_path).problems if p.is_error)


@pytest.mark.parametrize(("text", "bulgarian"), CASES)
def test_each_mistake_is_told_in_bulgarian_and_left_in_english(
    tmp_path: Path, text: str, bulgarian: str
) -> None:
    problem = first_problem(tmp_path, text)
    assert translated(problem.message, "bg") == bulgarian
    assert translated(problem.message, "en") == problem.message
    place = f"{problem.file}:{problem.line}:{problem.column}: "
    assert problem_text(problem, "bg") == place + bulgarian
    assert problem_text(problem, "en") == str(problem)


def test_a_warning_is_marked_in_the_editors_language() -> None:
    warning = Problem(
        "faq.yaml",
        3,
        5,
        "no English text: add 'en: ...' here (until then the other language is shown)",
        severity="warning",
    )  # type: ignore[arg-type]
    assert problem_text(warning, "bg") == (
        "faq.yaml:3:5: предупреждение: няма текст на английски: добавете „en: ...“ тук "
        "(дотогава се показва другият език)"
    )


@pytest.mark.parametrize("key", sorted(k for k in TEXTS if k.startswith("edit.problem.")))
def test_every_english_wording_is_recognised_as_itself(key: str) -> None:
    """Filled with sample values, each English wording is matched by its own pattern."""
    import re

    english = re.sub(r"\{(\w+)\}", lambda m: f"<{m[1]}>", TEXTS[key]["en"])
    assert translated(english, "bg") != english or key == "edit.problem.unreadable"


def test_an_unknown_message_stays_english() -> None:
    assert (
        translated("something new the validator says", "bg") == "something new the validator says"
    )
