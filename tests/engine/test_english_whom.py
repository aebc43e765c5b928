"""English "who" as an object (issue 8, tenth round, second half): "who does the patronage
help" asks whom a project is for, "who can I call about it" whom to turn to. The v9 blind
questions of these shapes, and new ones on the shipped and tuning bases; the count of new
questions main's code failed before each rule is in the comment above its table."""

from __future__ import annotations

import pytest

from bot.engine import Engine


def _answered(engine: Engine, question: str, project: str, topic: str, fact: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.project == project and answer.topic == topic
    assert fact in answer.reply.plain().replace("\xa0", " ")


# "who does X help / serve", "whom will it support": "who" the object of a verb of helping
# asks the target groups, not the contractors ("who does" the work). Main failed all 8 new
# questions (the first is v9's).
@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("shipped", "who does the home patronage service help?", "home-patronage-equipment",
         "lonely elderly people"),
        ("danube", "who does the patronage care help", "patronazhna-grizha", "people over 65"),
        ("mountain", "whom do the green jobs for young people serve", "youth-forest-jobs",
         "unemployed young people"),
        ("spa", "who does the rehabilitation centre serve", "rehabilitation-centre",
         "children with cerebral palsy"),
        ("steppe", "the ambulance post in Suhovey, who does it serve?", "rural-ambulance-post",
         "seasonal workers"),
        ("vine", "who will the youth centre help", "youth-centre", "young people aged 14 to 29"),
        ("steppe", "which people does the youth centre in the old Mir cinema help",
         "youth-centre-old-cinema", "young farmers"),
        ("danube", "elderly care - who is it helping?", "patronazhna-grizha", "people over 65"),
        ("shipped", "whom does the home patronage support", "home-patronage-equipment",
         "people with disabilities"),
    ],
)  # fmt: skip
def test_who_a_project_helps_asks_its_target_groups(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    _answered(bases[base], question, project, "target_groups", fact)


# "who can I call", "whom could we ask": "who" the object of the asker is the one to turn to,
# the contacts; "who can" alone ("who can apply") stays the target groups. Main failed all 7
# new questions (the first is v9's).
@pytest.mark.parametrize(
    ("base", "question", "project", "fact"),
    [
        ("shipped", "Hi, who can I call about home care for my grandmother in Septemvri?",
         "home-patronage-equipment", "0889 308 530"),
        ("danube", "who can I phone about the patronage care for my dad", "patronazhna-grizha",
         "+359 8147 2255"),
        ("mountain", "who can i contact about the green jobs for young people",
         "youth-forest-jobs", "Mariana Shopova"),
        ("spa", "hello, who could I ring about the rehabilitation centre?",
         "rehabilitation-centre", "Tanya Manolova"),
        ("steppe", "who can we call about the youth centre in the old Mir cinema",
         "youth-centre-old-cinema", "Radoslava Ivanova"),
        ("steppe", "my mother is sick, who can I call at the ambulance post in Suhovey",
         "rural-ambulance-post", "+359 5790 2234"),
        ("mountain", "whom can i ask about the youth jobs", "youth-forest-jobs", "Mariana Shopova"),
    ],
)  # fmt: skip
def test_whom_the_asker_can_call_asks_the_contacts(
    bases: dict[str, Engine], base: str, question: str, project: str, fact: str
) -> None:
    _answered(bases[base], question, project, "contacts", fact)


@pytest.mark.parametrize(
    ("base", "question", "project"),
    [
        ("danube", "who can get the patronage care", "patronazhna-grizha"),
        ("mountain", "who can apply for the green jobs for young people", "youth-forest-jobs"),
    ],
)
def test_who_can_alone_stays_the_target_groups(
    bases: dict[str, Engine], base: str, question: str, project: str
) -> None:
    answer = bases[base].answer(question)
    assert answer.project == project and answer.topic == "target_groups"
