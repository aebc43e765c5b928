"""The themes a question names with words that tag no project ("old", "poor", "пенсионери"):
the list of that theme's projects, and no project is of the theme by such a word ("Old Mineral
Bath" is no social project) (bot/engine/places.py, `theme_asked` in lexicon.yaml)."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("base", "question", "listed", "never"),
    [
        ("shipped", "which projects help old or poor people", "Hot Lunch", "Ring road"),
        ("shipped", "кои проекти помагат на бедни и стари хора", "Топъл обяд", "Околовръстен"),
        ("danube", "which projects help old or lonely people", "Patronage care", "Fish market"),
        ("danube", "кои проекти са за пенсионери", "Патронажна грижа", "Рибният пазар"),
        ("spa", "which projects help old people", "no projects", "Old Mineral Bath"),
    ],
)
def test_a_group_of_people_asked_lists_the_themes_projects(
    bases: dict[str, Engine], base: str, question: str, listed: str, never: str
) -> None:
    answer = bases[base].answer(question)
    reply = answer.reply.plain()
    assert answer.answered and answer.kind == "list"
    assert listed in reply and never not in reply
