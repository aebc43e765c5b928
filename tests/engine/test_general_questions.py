"""Questions about no one project, in the words people use (round 11): whether a person answers
is the bot's own "about" ("about_bot"); "planned but not started yet" is the planned list and
"the biggest project ever" the ranking ("not", "yet", "ever", "някога" are stop words)."""

from __future__ import annotations

import pytest

from bot.engine import Engine

ASKED = [
    ("danube", "who are you, am I talking to a real person?", "about", None, None),
    ("spa", "с човек ли говоря или с бот", "about", None, None),
    ("vine", "am i talking to a human", "about", None, None),
    ("danube", "what is planned but not started yet", "list", "Town square and fountain", "Fish"),
    ("vine", "what's planned but hasn't started yet", "list", "Lozichka children's camp", "K-3"),
    ("mountain", "what is the biggest project the municipality ever did", "list", "Road to", None),
    (
        "vine",
        "кой е най-скъпият проект, който общината е правила някога",
        "list",
        "Изложбена зала „Тракийска лоза“",
        None,
    ),
]


@pytest.mark.parametrize(("base", "question", "kind", "said", "never"), ASKED)
def test_a_general_question_in_everyday_words(
    bases: dict[str, Engine],
    base: str,
    question: str,
    kind: str,
    said: str | None,
    never: str | None,
) -> None:
    answer = bases[base].answer(question)
    reply = answer.reply.plain()
    assert answer.answered and answer.project is None and answer.kind == kind
    assert said is None or said in reply
    assert never is None or never not in reply
