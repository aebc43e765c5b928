"""Generate a realistic knowledge base of many projects, in the staff format, for benchmarks."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

KINDS = [
    ("Ремонт на читалище", "Repair of the community centre", "читалище", "community centre"),
    ("Реконструкция на улици", "Reconstruction of streets", "улици", "streets"),
    (
        "Саниране на детска градина",
        "Insulation of the kindergarten",
        "детска градина",
        "kindergarten",
    ),
    ("Изграждане на детска площадка", "Construction of a playground", "площадка", "playground"),
    ("Обновяване на парк", "Renovation of a park", "парк", "park"),
    ("Рехабилитация на водопровод", "Rehabilitation of the water main", "водопровод", "water main"),
    ("Изграждане на канализация", "Construction of sewers", "канализация", "sewers"),
    ("Ремонт на училище", "Repair of the school", "училище", "school"),
    ("Улично осветление", "Street lighting", "осветление", "street lighting"),
    (
        "Социална услуга за възрастни хора",
        "Social service for elderly people",
        "социална услуга",
        "social service",
    ),
    ("Ремонт на спортна зала", "Repair of the sports hall", "спортна зала", "sports hall"),
    ("Видеонаблюдение", "Video surveillance", "видеонаблюдение", "cctv"),
    ("Ремонт на общински път", "Repair of a municipal road", "общински път", "municipal road"),
    ("Залесяване", "Afforestation", "залесяване", "afforestation"),
    ("Обучение на служители", "Staff training", "обучение", "training"),
]
PLACES = [
    ("Септември", "Septemvri"),
    ("Ветрен", "Vetren"),
    ("Ветрен дол", "Vetren Dol"),
    ("Варвара", "Varvara"),
    ("Ковачево", "Kovachevo"),
    ("Семчиново", "Semchinovo"),
    ("Симеоновец", "Simeonovets"),
    ("Карабунар", "Karabunar"),
    ("Лозен", "Lozen"),
    ("Бошуля", "Boshulya"),
    ("Злокучене", "Zlokuchene"),
    ("Горно Вършило", "Gorno Varshilo"),
    ("Долно Вършило", "Dolno Varshilo"),
    ("Виноградец", "Vinogradets"),
]
PROGRAMMES = [
    ("Програма за развитие на селските райони", "Rural Development Programme"),
    ("Програма „Развитие на регионите“", "Regional Development Programme"),
    ("Програма „Околна среда“", "Environment Programme"),
    ("Програма „Развитие на човешките ресурси“", "Human Resources Development Programme"),
    ("държавен бюджет", "state budget"),
]


def project(number: int, rng: random.Random) -> dict[str, object]:
    """One project with every common field filled in, in Bulgarian and English."""
    kind_bg, kind_en, short_bg, short_en = KINDS[number % len(KINDS)]
    place_bg, place_en = PLACES[(number // len(KINDS)) % len(PLACES)]
    year = 2008 + number % 18
    programme_bg, programme_en = rng.choice(PROGRAMMES)
    total = round(rng.uniform(20_000, 5_000_000), 2)
    grant = round(total * rng.uniform(0.6, 1.0), 2)
    tag = f"{year}-{number}"
    return {
        "title": {
            "bg": f"{kind_bg} в {place_bg} – етап {number}",
            "en": f"{kind_en} in {place_en} – phase {number}",
        },
        "short_title": {
            "bg": f"{short_bg.capitalize()} {place_bg} {number}",
            "en": f"{short_en.capitalize()} {place_en} {number}",
        },
        "aliases": [f"{short_bg} {place_bg} {number}", f"{short_en} {place_en} {number}"],
        "status": rng.choice(["planned", "ongoing", "completed"]),
        "summary": {
            "bg": f"Проектът предвижда {kind_bg.lower()} в {place_bg}. Работите включват "
            f"проектиране, строителство и надзор, а жителите ще ползват обекта от {year + 1} г.",
            "en": f"The project covers the {kind_en.lower()} in {place_en}. The works include "
            f"design, construction and supervision; residents will use it from {year + 1}.",
        },
        "programme": {"bg": programme_bg, "en": programme_en},
        "programme_code": f"BG{number:05d}-{year}",
        "contract": {"number": f"Д-{tag}", "date": f"{year}-0{1 + number % 9}-1{number % 9}"},
        "budget": {"total": total, "grant": grant, "own_contribution": round(total - grant, 2)},
        "period": {
            "start": f"{year}-0{1 + number % 9}-1{number % 9}",
            "end": f"{year + 1}-0{1 + number % 9}-1{number % 9}",
            "months": 12,
        },
        "locations": [{"bg": place_bg, "en": place_en}],
        "goals": [
            {
                "bg": f"по-добри условия за жителите на {place_bg}",
                "en": f"better conditions for the people of {place_en}",
            }
        ],
        "results": [{"bg": f"обновен обект в {place_bg}", "en": f"a renewed site in {place_en}"}],
        "news": [
            {
                "date": f"{year}-0{1 + number % 9}-2{number % 9}",
                "title": {
                    "bg": f"Започна {kind_bg.lower()} в {place_bg}",
                    "en": f"The {kind_en.lower()} in {place_en} has begun",
                },
                "url": f"https://example.bg/news/{number}",
            }
        ],
    }


def generate(target: Path, count: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """Write a knowledge base of count projects; return (question, project id, topic) samples."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "projects").mkdir(parents=True)
    shipped = Path(__file__).parent.parent / "knowledge" / "municipality.yaml"
    shutil.copy(shipped, target / "municipality.yaml")
    questions = []
    for number in range(count):
        data = project(number, rng)
        project_id = f"project-{number:04d}"
        (target / "projects" / f"{project_id}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        _, _, short_bg, short_en = KINDS[number % len(KINDS)]
        place_bg, place_en = PLACES[(number // len(KINDS)) % len(PLACES)]
        questions += [
            (f"колко струва {short_bg} {place_bg} {number}", project_id, "budget"),
            (f"koga zapochva {short_bg} {place_bg} {number}", project_id, "dates"),
            (f"who pays for the {short_en} in {place_en} {number}", project_id, "programme"),
        ]
    return questions
