"""Lists: a sentence that names several things in a row ("закуска с мляко, хляб и плод", "fine
dust, nitrogen dioxide, temperature and wind"), and a question that asks what those things are
("какви дървета садят", "какво има на детската площадка", "what do the stations measure"). Of
the sentences that hold the question, one that lists things answers it first; when the one
chosen lists nothing, the list its own paragraph gives is quoted with it ("Садят се 2 400
фиданки" under "Зелен пояс", and "с черен бор, липа, клен и храсти" beside it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.engine.lexicon import CLAUSE_STARTS, KINDS_ASKED, LIST_ASKED, RELATIVE_PRONOUNS
from bot.engine.normalize import to_latin
from bot.engine.stopwords import content_terms

if TYPE_CHECKING:  # facts read lists_things: the types alone, at no import
    from bot.engine.detail import Found
    from bot.engine.facts import Fact

LIST_BONUS = 0.2  # what listing things adds to a sentence that holds the question
AFTER_BONUS = 0.3  # ... and listing them after the preposition asked ("по име, село и година")
# ", B и C": a comma, an item of one to four words, then "и" / "and" / "или" / "or" and another;
# or ", B, C": two items of one to four words after commas
_ITEM = r"((?:[^\s,;:.!?]+\s+){0,3}[^\s,;:.!?]+)"
_ITEMS = re.compile(
    rf",\s+{_ITEM}\s+(?:и|and|или|or)\s+\w|,\s+{_ITEM},\s+{_ITEM}(?=[,;.!?]|$)", re.IGNORECASE
)
_ARTICLES = frozenset({"a", "an", "the"})  # "a diorama and 6 touch screens": an item
_CLAUSES = frozenset(w.lower() for w in (*RELATIVE_PRONOUNS, *CLAUSE_STARTS))
# "по какво", "с какви", "with what": the preposition the things asked follow
_PREPOSITION = re.compile(r"\b(po|s|ot|za|with|by|from|of)\s+(?:kakvo|kakvi|kvo|kvi|what)\b")
_GAP = r"(?:\s+\S+){0,2}\s+"  # the "…" of a phrase: up to two words


def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the phrases, each as whole words ("…": up to two words between)."""
    each = (_GAP.join(re.escape(part.strip()) for part in p.split("…")) for p in phrases)
    return re.compile(r"\b(?:" + "|".join(each) + r")\b")


_ASKED = _phrases(LIST_ASKED)
_KINDS = _phrases(KINDS_ASKED)


def lists_things(text: str) -> bool:
    """True when a text names three things or more in a row: "A, B и C", an item after the
    comma that opens no clause ("които работят и до днес" is none)."""
    for found in _ITEMS.finditer(text):
        items = [item for item in found.groups() if item]
        if all(_item(item) for item in items):
            return True
    return False


def _item(text: str) -> bool:
    """True when words after a comma are an item of a list, not a clause ("които работят")."""
    first = text.split()[0].lower()
    return first not in _CLAUSES and (
        first in _ARTICLES or first[0].isdigit() or bool(content_terms(first))
    )


def asks_list(text: str) -> bool:
    """True when a question asks what things a part has or is made of ("какви дървета", "what
    is in the breakfast")."""
    return bool(_ASKED.search(to_latin(text)))


def asks_kinds(text: str) -> bool:
    """True when a question asks which kinds of a thing ("какви дървета", "what kind of
    trees")."""
    return bool(_KINDS.search(to_latin(text)))


def asked_after(text: str) -> str | None:
    """The preposition a question asks its list after ("по какво се търси": "po", "with what":
    "with"), in Latin letters; None for none."""
    found = _PREPOSITION.search(to_latin(text))
    return found.group(1) if found else None


def _listed_after(fact: Fact, preposition: str) -> bool:
    """True when the fact's list follows the preposition asked ("търсене по име, село и
    година")."""
    after = re.compile(rf"\b{re.escape(preposition)}\s+(?:[^\s,;:.!?]+\s+){{0,3}}[^\s,;:.!?]+,")
    return any(after.search(to_latin(text)) for text in fact.texts.values())


def lists_first(found: list[Found], text: str) -> list[Found]:
    """The sentences found, those that list things and hold the question first among equals,
    the more so after the preposition asked ("по какво": "по име, село и година")."""
    preposition = asked_after(text)

    def bonus(item: Found) -> float:
        if item.support <= 0 or "list" not in item.fact.kinds:
            return 0.0
        after = preposition is not None and _listed_after(item.fact, preposition)
        return LIST_BONUS + (AFTER_BONUS if after else 0.0)

    return sorted(found, key=lambda f: -f.score - bonus(f))


def with_list(facts: list[Fact], record: list[Fact], asked: bool) -> list[Fact]:
    """The sentences to quote, with the list of the first one's paragraph (its heading's
    sentences, or the summary) when kinds are asked and none of them lists things."""
    if not asked or not facts or any("list" in f.kinds for f in facts):
        return facts
    first = facts[0]
    for fact in record:
        # the same paragraph: under the same heading, or the summary's
        same = fact.heading == first.heading if first.heading else first.source == "summary"
        if same and fact.source == first.source and "list" in fact.kinds and fact != first:
            return [first, fact]
    return facts
