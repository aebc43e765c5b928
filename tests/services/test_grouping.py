"""/unanswered's grouping: near-duplicates together, by folded key and a candidate index that
compares a question only with the group keys sharing one of its word ends."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bot.services import grouping
from bot.services.grouping import (
    MAX_KEYS,
    SAME_QUESTION,
    QuestionGroup,
    folded,
    group_questions,
    word_ends,
)

KNOWLEDGE = Path(__file__).parent.parent.parent / "knowledge"


def questions(count: int, seed: int = 1) -> list[str]:
    """Distinct questions from the knowledge base's words, a third of them with typos."""
    text = " ".join(p.read_text(encoding="utf-8") for p in KNOWLEDGE.rglob("*.yaml"))
    words = sorted({w.lower() for w in re.findall(r"[а-яА-Я]{4,}", text)})
    starts = ["колко струва", "кога ще", "защо няма", "къде е", "има ли", "кой отговаря за"]
    rng, found = random.Random(seed), set[str]()
    while len(found) < count:
        chosen = [rng.choice(words) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.3:
            chosen = [w[:i] + "ъ" + w[i + 1 :] for w in chosen for i in [rng.randrange(len(w))]]
        found.add(f"{rng.choice(starts)} {' '.join(chosen)}?")
    return sorted(found)


def all_pairs(texts: list[str]) -> list[QuestionGroup]:
    """The same rule, comparing every key with every group's keys (quadratic)."""
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for text in texts:
        key = folded(text)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, text)
    groups: list[QuestionGroup] = []
    for key, text in first.items():
        group = next(
            (
                g
                for g in groups
                if any(
                    fuzz.ratio(key, other) >= SAME_QUESTION and word_ends(key) & word_ends(other)
                    for other in g.keys
                )
            ),
            None,
        )
        if group is None:
            group = QuestionGroup(text, 0)
            groups.append(group)
        group.count += counts[key]
        if len(group.keys) < MAX_KEYS:
            group.keys.append(key)
    return sorted(groups, key=lambda g: -g.count)


def test_near_duplicates_are_one_group() -> None:
    texts = [
        "колко струва паркът",
        "Колко струва паркът?",
        "колко струва парка",
        "kolko struva parka",
        "паркът колко струва",
        "колко струва паркъть",
        "кога ще има метро",
        "кога ще има метро?",
        "колко струва метрото",
    ]
    groups = group_questions(texts)
    assert [(g.example, g.count) for g in groups] == [
        ("колко струва паркът", 6),
        ("кога ще има метро", 2),
        ("колко струва метрото", 1),
    ]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_index_finds_what_comparing_all_pairs_finds(seed: int) -> None:
    texts = questions(400, seed)
    texts += [t.replace("?", "") for t in texts[:100]] + [t.upper() for t in texts[:50]]
    fast = [(g.example, g.count) for g in group_questions(texts, limit=10_000)]
    assert fast == [(g.example, g.count) for g in all_pairs(texts)]
    assert len(fast) < 400  # typos were grouped


def test_comparisons_grow_about_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each key is compared with a few candidates, not with every group (3,000 distinct
    questions: all pairs would be 4.5 million comparisons)."""
    compared, real = 0, fuzz.ratio

    def ratio(a: str, b: str, score_cutoff: float = 0) -> float:
        nonlocal compared
        compared += 1
        return real(a, b, score_cutoff=score_cutoff)

    monkeypatch.setattr(grouping.fuzz, "ratio", ratio)
    group_questions(questions(3000))
    assert compared < 3000 * 100


def test_questions_alike_only_in_common_words_are_not_grouped() -> None:
    """ "кой отговаря за парка" and "кой отговаря за пътя" are 91 % alike, all in words found in
    more than COMMON questions: different questions, kept apart."""
    subjects = ["парка", "пътя"] + [f"обект{number}" for number in range(grouping.COMMON + 5)]
    groups = group_questions([f"кой отговаря за {subject}" for subject in subjects], limit=500)
    assert fuzz.ratio(folded("кой отговаря за парка"), folded("кой отговаря за пътя")) > 90
    assert {"кой отговаря за парка", "кой отговаря за пътя"} <= {g.example for g in groups}
