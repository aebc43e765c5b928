"""Near-duplicate questions grouped in about linear time: by folded key, then a candidate index.

Two questions are near-duplicates when rapidfuzz's token_sort_ratio of their folded keys is at
least SAME_QUESTION. Identical keys are counted once. Each distinct key, in the order the keys
first came, joins the earliest group that has a near-duplicate among its first MAX_KEYS keys,
or starts a group. Comparing every key with every group would be quadratic; instead a key is
compared only with the group keys that share the start or the end (PREFIX letters) of one of
its words, leaving out starts and ends found in more than COMMON keys ("колко", "струва"),
which tell nothing, unless the key has no other. A typo seldom changes both ends of a word, so
near-duplicates keep one; two keys alike only in their common words ("кой отговаря за парка",
"кой отговаря за пътя") are not grouped (benchmarks/unanswered_bench.py counts the groups of
both ways).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.engine.normalize import key

SAME_QUESTION = 85
MAX_KEYS = 5
PREFIX = 3
COMMON = 100  # a word start or end in more keys than this tells nothing


@dataclass
class QuestionGroup:
    """Near-identical questions: the first one's text, how many, the keys compared with."""

    example: str
    count: int = 1
    keys: list[str] = field(default_factory=list)


def folded(text: str) -> str:
    """The key a question is compared by: folded, stemmed, its words sorted."""
    return " ".join(sorted((key(text) or text.lower()).split()))


def word_ends(text: str) -> set[str]:
    """The starts and ends of a key's words (PREFIX letters), by which candidates are found: a
    typo seldom changes both ends of a word."""
    return {f"{word[:PREFIX]}-" for word in text.split()} | {
        f"-{word[-PREFIX:]}" for word in text.split()
    }


class CandidateIndex:
    """The groups' keys by the ends of their words, to find the few worth comparing."""

    def __init__(self, frequency: Counter[str], common: int) -> None:
        self.frequency, self.common = frequency, common
        self.keys: list[tuple[str, int]] = []  # (key, its group)
        self.postings: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, text: str, group: int) -> None:
        """Index one key of a group."""
        number = len(self.keys)
        self.keys.append((text, group))
        for end in word_ends(text) or {""}:
            self.postings[end].append(number)

    def earliest_group(self, text: str) -> int | None:
        """The earliest group with a key within SAME_QUESTION of text (among the candidates)."""
        ends = sorted(word_ends(text) or {""}, key=lambda end: (self.frequency[end], end))
        telling = [end for end in ends if self.frequency[end] <= self.common] or ends[:1]
        candidates = set().union(*(self.postings.get(end, ()) for end in telling))
        best: int | None = None
        for number in candidates:
            other, group = self.keys[number]
            if (best is None or group < best) and fuzz.ratio(
                text, other, score_cutoff=SAME_QUESTION
            ):
                best = group
        return best


def group_questions(texts: Iterable[str], limit: int = 20) -> list[QuestionGroup]:
    """The questions grouped (most frequent first; the first text of each group shown)."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for text in texts:
        folded_key = folded(text)
        counts[folded_key] += 1
        first.setdefault(folded_key, text)
    frequency: Counter[str] = Counter()
    for folded_key in first:
        frequency.update(word_ends(folded_key) or {""})
    index = CandidateIndex(frequency, COMMON)
    groups: list[QuestionGroup] = []
    for folded_key, text in first.items():
        number = index.earliest_group(folded_key)
        if number is None:
            number = len(groups)
            groups.append(QuestionGroup(text, 0))
        group = groups[number]
        group.count += counts[folded_key]
        if len(group.keys) < MAX_KEYS:
            group.keys.append(folded_key)
            index.add(folded_key, number)
    return sorted(groups, key=lambda g: -g.count)[:limit]
