"""Generate a large knowledge base in the staff format, and questions that ask as citizens would.

Every project is a kind of work on a named object in a village (the repair of the "Иван Вазов"
community centre in Лозен). The questions name the object and the village the way people do,
never an id or a number the generator added, and ask for the cost, the start, the contractor,
a count stated inside the results, or the date an opening was reported in the news.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmarks.variants import latin


@dataclass(frozen=True)
class Kind:
    """A kind of project: how staff title it and how citizens refer to it."""

    title: tuple[str, str]  # {n} the object's name, {p} the village
    ref: tuple[str, str]  # how a citizen names it in a question
    count: tuple[str, str]  # what the results count, e.g. ("деца", "children")
    count_question: str  # a Bulgarian question asking for that count
    names: str  # which pool of names: patrons, gentle or saints


KINDS = (
    Kind(("Основен ремонт на читалище „{n}“ в {p}",
          "Major repair of the {n} community centre in {p}"),
         ("ремонтът на читалище {n} в {p}", "the repair of the {n} community centre in {p}"),
         ("места в салона", "seats in the hall"),
         "колко места ще има салонът на читалище {n} в {p}",
         "patrons"),
    Kind(("Саниране на училище „{n}“ в {p}", "Insulation of the {n} school in {p}"),
         ("санирането на училище {n} в {p}", "the insulation of the {n} school in {p}"),
         ("ученици", "pupils"), "колко ученици учат в училище {n} в {p}", "patrons"),
    Kind(("Нова сграда на детска градина „{n}“ в {p}",
          "A new building for the {n} kindergarten in {p}"),
         ("новата детска градина {n} в {p}", "the new {n} kindergarten in {p}"),
         ("деца", "children"), "колко деца ще ходят в детската градина {n} в {p}", "gentle"),
    Kind(("Рехабилитация на ул. „{n}“ в {p}", "Rehabilitation of {n} Street in {p}"),
         ("ремонтът на улица {n} в {p}", "the repair of {n} Street in {p}"),
         ("метра нова настилка", "metres of new surface"), "колко метра е улица {n} в {p}",
         "patrons"),
    Kind(("Подмяна на водопровода по ул. „{n}“ в {p}", "New water main along {n} Street in {p}"),
         ("водопроводът на улица {n} в {p}", "the water main on {n} Street in {p}"),
         ("домакинства", "households"), "колко къщи ще имат нов водопровод на улица {n} в {p}",
         "patrons"),
    Kind(("Обновяване на парк „{n}“ в {p}", "Renewal of the {n} park in {p}"),
         ("обновяването на парк {n} в {p}", "the renewal of the {n} park in {p}"),
         ("нови дървета", "new trees"), "колко дървета ще засадят в парк {n} в {p}", "gentle"),
    Kind(("Дневен център за възрастни хора „{n}“ в {p}",
          "Day centre for elderly people {n} in {p}"),
         ("дневният център за възрастни {n} в {p}", "the {n} day centre for the elderly in {p}"),
         ("възрастни хора", "elderly people"), "колко възрастни хора ще ходят в центъра {n} в {p}",
         "gentle"),
    Kind(("Улично осветление по ул. „{n}“ в {p}", "Street lighting on {n} Street in {p}"),
         ("осветлението на улица {n} в {p}", "the lighting on {n} Street in {p}"),
         ("нови лампи", "new lamps"), "колко лампи ще сложат на улица {n} в {p}", "patrons"),
    Kind(("Ремонт на покрива на храм „Св. {n}“ в {p}",
          "Repair of the roof of St. {n} church in {p}"),
         ("покривът на църквата Св. {n} в {p}", "the roof of St. {n} church in {p}"),
         ("кв. м нови керемиди", "square metres of new tiles"),
         "колко квадрата е новият покрив на църквата Св. {n} в {p}", "saints"),
)  # fmt: skip
NAMES = {
    "patrons": [
        ("Христо Ботев", "Hristo Botev"), ("Васил Левски", "Vasil Levski"),
        ("Иван Вазов", "Ivan Vazov"), ("Никола Вапцаров", "Nikola Vaptsarov"),
        ("Паисий Хилендарски", "Paisiy Hilendarski"), ("Любен Каравелов", "Lyuben Karavelov"),
        ("Георги Бенковски", "Georgi Benkovski"), ("Неофит Рилски", "Neofit Rilski"),
        ("Йордан Йовков", "Yordan Yovkov"), ("Елин Пелин", "Elin Pelin"),
        ("Пейо Яворов", "Peyo Yavorov"), ("Димчо Дебелянов", "Dimcho Debelyanov"),
        ("Стефан Караджа", "Stefan Karadzha"), ("Хаджи Димитър", "Hadzhi Dimitar"),
        ("Райна Княгиня", "Rayna Knyaginya"), ("Гео Милев", "Geo Milev"),
        ("Петко Славейков", "Petko Slaveykov"), ("Захари Стоянов", "Zahari Stoyanov"),
    ],
    "gentle": [
        ("Звездица", "Zvezditsa"), ("Слънце", "Slantse"), ("Детелина", "Detelina"),
        ("Радост", "Radost"), ("Пролет", "Prolet"), ("Зорница", "Zornitsa"),
        ("Калинка", "Kalinka"), ("Незабравка", "Nezabravka"), ("Щурче", "Shturche"),
        ("Пчелица", "Pchelitsa"), ("Дъга", "Daga"), ("Изгрев", "Izgrev"), ("Липите", "Lipite"),
    ],
    "saints": [
        ("Георги", "George"), ("Никола", "Nicholas"), ("Димитър", "Demetrius"),
        ("Иван Рилски", "John of Rila"), ("Параскева", "Paraskeva"), ("Илия", "Elijah"),
        ("Архангел Михаил", "Archangel Michael"), ("Атанасий", "Athanasius"),
        ("Пантелеймон", "Panteleimon"), ("Троица", "Trinity"),
    ],
}  # fmt: skip
PLACES = [
    ("Лозен", "Lozen"), ("Ковачево", "Kovachevo"), ("Семчиново", "Semchinovo"),
    ("Бошуля", "Boshulya"), ("Карабунар", "Karabunar"), ("Злокучене", "Zlokuchene"),
    ("Варвара", "Varvara"), ("Виноградец", "Vinogradets"), ("Симеоновец", "Simeonovets"),
    ("Белово", "Belovo"), ("Брестовица", "Brestovitsa"), ("Величково", "Velichkovo"),
    ("Драгиново", "Draginovo"), ("Звъничево", "Zvanichevo"), ("Ивайло", "Ivaylo"),
    ("Мало Конаре", "Malo Konare"), ("Огняново", "Ognyanovo"), ("Паталеница", "Patalenitsa"),
    ("Пищигово", "Pishtigovo"), ("Сарая", "Saraya"), ("Синитово", "Sinitovo"),
    ("Юнаците", "Yunatsite"), ("Бяга", "Byaga"), ("Дебращица", "Debrashtitsa"),
    ("Козарско", "Kozarsko"), ("Исперихово", "Isperihovo"), ("Радилово", "Radilovo"),
    ("Дорково", "Dorkovo"), ("Костандово", "Kostandovo"), ("Фотиново", "Fotinovo"),
    ("Цветино", "Tsvetino"), ("Лесичово", "Lesichovo"), ("Калугерово", "Kalugerovo"),
    ("Церово", "Tserovo"), ("Памидово", "Pamidovo"), ("Динката", "Dinkata"),
    ("Габровица", "Gabrovitsa"), ("Ветрен дол", "Vetren Dol"), ("Говедаре", "Govedare"),
    ("Главиница", "Glavinitsa"), ("Мокрище", "Mokrishte"), ("Главатар", "Glavatar"),
    ("Черногорово", "Chernogorovo"), ("Добровница", "Dobrovnitsa"), ("Хаджиево", "Hadzhievo"),
    ("Росен", "Rosen"), ("Сбор", "Sbor"), ("Тополи дол", "Topoli Dol"),
    ("Бели бряг", "Beli Bryag"), ("Боровица", "Borovitsa"), ("Бяла река", "Byala Reka"),
    ("Горни Окол", "Gorni Okol"), ("Градец", "Gradets"), ("Дъбене", "Dabene"),
    ("Желязно", "Zhelyazno"), ("Зелениково", "Zelenikovo"), ("Калояново", "Kaloyanovo"),
    ("Карлуково", "Karlukovo"), ("Крушово", "Krushovo"), ("Ловнидол", "Lovnidol"),
    ("Малка Верея", "Malka Vereya"), ("Мирково", "Mirkovo"), ("Нови хан", "Novi Han"),
    ("Орешак", "Oreshak"), ("Поповица", "Popovitsa"), ("Равнище", "Ravnishte"),
    ("Руен", "Ruen"), ("Скобелево", "Skobelevo"), ("Сливовица", "Slivovitsa"),
    ("Старосел", "Starosel"), ("Строево", "Stroevo"), ("Тръстеник", "Trastenik"),
    ("Устина", "Ustina"), ("Храбрино", "Hrabrino"), ("Чавдар", "Chavdar"),
    ("Шишманци", "Shishmantsi"), ("Ягодово", "Yagodovo"), ("Ябълково", "Yabalkovo"),
    ("Здравец", "Zdravets"), ("Горски извор", "Gorski Izvor"), ("Първенец", "Parvenets"),
    ("Марково", "Markovo"), ("Брестник", "Brestnik"), ("Белащица", "Belashtitsa"),
    ("Кадиево", "Kadievo"), ("Рогош", "Rogosh"), ("Царимир", "Tsarimir"),
    ("Труд", "Trud"), ("Войводиново", "Voyvodinovo"), ("Граф Игнатиево", "Graf Ignatievo"),
]  # fmt: skip
FIRMS = [
    ("„Строймонтаж“ ЕООД", "Stroymontazh EOOD"), ("„Пътстрой“ АД", "Patstroy AD"),
    ("„Хидрострой“ ООД", "Hidrostroy OOD"), ("„Еко Билд“ ЕООД", "Eko Bild EOOD"),
    ("„Балкан Инженеринг“ ООД", "Balkan Inzhenering OOD"),
    ("„Марица Строй“ ЕООД", "Maritsa Stroy EOOD"),
    ("„Тракия Проект“ ООД", "Trakia Proekt OOD"), ("„Родопа Груп“ АД", "Rodopa Grup AD"),
    ("„Градина Дизайн“ ЕООД", "Gradina Dizayn EOOD"), ("„Светлина 2010“ ООД", "Svetlina 2010 OOD"),
]  # fmt: skip
PROGRAMMES = [
    ("Програма за развитие на селските райони 2014–2020", "Rural Development Programme 2014–2020"),
    ("Програма „Развитие на регионите“ 2021–2027", "Regional Development Programme 2021–2027"),
    ("Програма „Околна среда“ 2021–2027", "Environment Programme 2021–2027"),
    ("държавния бюджет", "the state budget"),
]
MONTHS = {
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    "en": "January February March April May June July August September October November December",
}
Sample = tuple[str, str, str]  # question, project id, a fact the reply must contain


def _date(day: dt.date, lang: str) -> str:
    return f"{day.day} {MONTHS[lang].split()[day.month - 1]} {day.year}"


def _combinations(count: int, rng: random.Random) -> list[tuple[Kind, tuple[str, str], int]]:
    pool = [
        (kind, name, place)
        for kind in KINDS
        for name in NAMES[kind.names]
        for place in range(len(PLACES))
    ]
    if count > len(pool):
        raise ValueError(f"at most {len(pool)} distinct projects can be generated")
    return rng.sample(pool, count)


def agreeing(start: dt.date, end: dt.date, status: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The period moved, its length kept, to agree with the status as staff keep it (the
    validator warns of a status its dates contradict, and such a file is read the slow way)."""
    length = end - start
    if status == "planned" and start < today:
        start = today + dt.timedelta(days=30 + (start.toordinal() % 300))
    elif status == "ongoing" and not start <= today <= end:
        start = today - length / 2
    elif status == "completed" and end >= today:
        start = today - length - dt.timedelta(days=30 + (start.toordinal() % 300))
    else:
        return start, end
    return start, start + length


def project(
    kind: Kind, name: tuple[str, str], place: int, rng: random.Random, today: dt.date
) -> tuple[dict[str, object], dict[str, str]]:
    """One project in both languages, and the facts its texts state (for the questions)."""
    (name_bg, name_en), (place_bg, place_en) = name, PLACES[place]
    start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3600))
    end = start + dt.timedelta(days=rng.randrange(180, 720))
    total = rng.randrange(40_000, 4_000_000) + rng.randrange(1, 100) / 100
    count = rng.randrange(12, 900)
    firm_bg, firm_en = rng.choice(FIRMS)
    programme_bg, programme_en = rng.choice(PROGRAMMES)
    status = rng.choice(["planned", "ongoing", "completed"])
    start, end = agreeing(start, end, status, today)
    title = {
        "bg": kind.title[0].format(n=name_bg, p=place_bg),
        "en": kind.title[1].format(n=name_en, p=place_en),
    }
    facts = {"money": f"{total:.2f}", "start": _date(start, "bg"), "firm_bg": firm_bg}
    facts |= {"firm_en": firm_en, "count": str(count)}
    news = [
        {
            "date": (start + dt.timedelta(days=3)).isoformat(),
            "title": {"bg": f"Подписан е договорът: {title['bg']}",
                      "en": f"Contract signed: {title['en']}"},
        }
    ]  # fmt: skip
    if status == "completed":
        opened = end + dt.timedelta(days=rng.randrange(5, 40))
        facts["opened"] = _date(opened, "bg")
        news.append(
            {
                "date": opened.isoformat(),
                "title": {"bg": f"Откриха обновения обект в {place_bg}",
                          "en": f"The renewed site in {place_en} has opened"},
                "summary": {"bg": f"На {_date(opened, 'bg')} г. кметът откри обекта.",
                            "en": f"On {_date(opened, 'en')} the mayor opened the site."},
            }
        )  # fmt: skip
    return {
        "title": title,
        "status": status,
        "summary": {
            "bg": f"{title['bg']}. Средствата са по {programme_bg}, "
            f"а работите изпълнява {firm_bg}.",
            "en": f"{title['en']}. The money comes from {programme_en}, "
            f"and {firm_en} is doing the work.",
        },
        "programme": {"bg": programme_bg, "en": programme_en},
        "budget": {"total": total, "grant": round(total * 0.85, 2), "currency": "BGN"},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "contractors": [{"bg": firm_bg, "en": firm_en}],
        "locations": [{"bg": f"с. {place_bg}", "en": f"{place_en} (village)"}],
        "results": [{"bg": f"{count} {kind.count[0]}", "en": f"{count} {kind.count[1]}"}],
        "news": news,
    }, facts


def generate(target: Path, count: int, seed: int = 7, today: dt.date | None = None) -> list[Sample]:
    """Write a knowledge base of count projects; return questions asked as citizens would."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "projects").mkdir(parents=True)
    shipped = Path(__file__).parent.parent / "knowledge" / "municipality.yaml"
    shutil.copy(shipped, target / "municipality.yaml")
    samples: list[Sample] = []
    for number, (kind, name, place) in enumerate(_combinations(count, rng)):
        data, facts = project(kind, name, place, rng, today or dt.date.today())
        project_id = f"project-{number:05d}"
        (target / "projects" / f"{project_id}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        ref_bg = kind.ref[0].format(n=name[0], p=PLACES[place][0])
        ref_en = kind.ref[1].format(n=name[1], p=PLACES[place][1])
        asked = [
            (f"колко струва {ref_bg}", facts["money"]),
            (f"кога започна {ref_bg}", facts["start"]),
            (f"коя фирма прави {ref_bg}", facts["firm_bg"]),
            (kind.count_question.format(n=name[0], p=PLACES[place][0]), facts["count"]),
            (f"how much does {ref_en} cost", facts["money"]),
            (f"who is doing {ref_en}", facts["firm_en"]),
        ]
        if "opened" in facts:
            asked.append((f"{ref_bg} – кога го откриха", facts["opened"]))
        for question, fact in rng.sample(asked, 3):
            if rng.random() < 0.3:
                question = latin(question, rng) or question
            samples.append((question, project_id, fact))
    return samples
