"""A follow-up asking for nothing but a part of the thing the last question asked about ("а
номерът му" after the contract: "номер на договора") asks that topic, not the contacts a
"номер" alone would; the v9 turn that showed it and new turns on other bases."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.engine.conftest import last_answer

PART_ASKED = [
    ("shipped", ["ремонтът на улиците по ПРСР кога е подписан договорът", "а номерът му"],
     "street-rehabilitation", "13/07/2/0/00078"),  # v9
    ("danube", ["кога е подписан договорът за крайбрежната алея", "а номерът му"],
     "dunavska-aleya", "BG06RDNP001-7.007-0112-C01"),
    ("danube", ["кога подписаха договора за пречиствателната станция", "а номера му какъв е"],
     "psov-ladovitsa", "Д-34-19/18.02.2026"),
    ("mountain", ["кой подписа договора за екопътеката", "а номерът"], "eco-trail-orlova",
     "BG06RDNP001-19.215-0007-C01"),
    ("mountain", ["who signed the contract for the fire towers", "and its number?"],
     "fire-station-towers", "21/08/3/0/00027"),
    ("danube", ["кога е подписан договорът за пекарната", "а какъв му е номерът"],
     "sotsialna-pekarna", "BG05SFPR002-4.003-0118-C01"),
    ("mountain", ["кога е подписан договорът за фестивала", "а номерът му"],
     "folklore-festival", "BG14MFPR001-2.045-0011-C01"),
    # a part no cue of the contract names: the contacts
    ("danube", ["кога е подписан договорът за пристанището", "а телефонът му"],
     "pristan-ladovitsa", "Даниела Пеева"),
]  # fmt: skip


@pytest.mark.parametrize(("base", "turns", "project", "fact"), PART_ASKED)
def test_part_asked(
    bases: dict[str, Engine], base: str, turns: list[str], project: str, fact: str
) -> None:
    """The last turn is answered about the project, with the fact in the reply."""
    answer = last_answer(bases[base], turns)
    assert answer.answered and answer.project == project and fact in answer.reply.plain()
