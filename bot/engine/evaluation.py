"""Measure the engine on a question set: item, topic, fact in the reply, correct refusal."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.engine.engine import Answer, Conversation

Asker = Callable[[str, Conversation], Answer]


@dataclass(frozen=True)
class Expectation:
    """One question and what its answer must be."""

    question: str
    project: str | None = None
    topic: str | None = None
    fact: str | None = None
    decline: bool = False
    kind: str | None = None


@dataclass
class Outcome:
    """How one question went."""

    expected: Expectation
    answer: Answer
    item_ok: bool
    topic_ok: bool
    fact_ok: bool

    @property
    def ok(self) -> bool:
        """Everything right."""
        return self.item_ok and self.topic_ok and self.fact_ok


@dataclass
class Report:
    """Accuracy figures for a question set."""

    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, test: Callable[[Outcome], bool], only: Callable[[Outcome], bool]) -> float:
        chosen = [o for o in self.outcomes if only(o)]
        return sum(1 for o in chosen if test(o)) / len(chosen) if chosen else 1.0

    @property
    def accuracy(self) -> float:
        """Share of questions answered wholly right (refusals included)."""
        return self._share(lambda o: o.ok, lambda o: True)

    @property
    def item(self) -> float:
        """Share of answerable questions with the right item."""
        return self._share(lambda o: o.item_ok, lambda o: not o.expected.decline)

    @property
    def topic(self) -> float:
        """Share of answerable questions with the right topic."""
        return self._share(lambda o: o.topic_ok, lambda o: not o.expected.decline)

    @property
    def fact(self) -> float:
        """Share of answerable questions whose reply contains the fact."""
        return self._share(lambda o: o.fact_ok, lambda o: not o.expected.decline)

    @property
    def refusal(self) -> float:
        """Share of must-decline questions that were declined."""
        return self._share(lambda o: o.ok, lambda o: o.expected.decline)

    @property
    def wrongly_answered_refusals(self) -> list[Outcome]:
        """Must-decline questions that got an answer."""
        return [o for o in self.outcomes if o.expected.decline and o.answer.answered]

    @property
    def failures(self) -> list[Outcome]:
        """Every question that went wrong."""
        return [o for o in self.outcomes if not o.ok]


def squash(text: str) -> str:
    """Lowercase, without spaces, dots and commas: how facts are found in replies."""
    return re.sub(r"[\s.,\u00a0\u202f]", "", text.lower())


def _expectation(raw: dict[str, Any]) -> Expectation:
    return Expectation(
        str(raw["q"]),
        raw.get("p"),
        raw.get("t"),
        raw.get("f"),
        bool(raw.get("decline", False)),
        raw.get("kind"),
    )


def load_questions(path: Path) -> list[list[Expectation]]:
    """The question set as conversations (a single question is a conversation of one)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    conversations = []
    for raw in data["questions"]:
        steps = raw.get("follow", [raw])
        conversations.append([_expectation(step) for step in steps])
    return conversations


def judge(expected: Expectation, answer: Answer) -> Outcome:
    """Compare an answer with what was expected."""
    if expected.decline:
        ok = not answer.answered
        return Outcome(expected, answer, ok, ok, ok)
    item_ok = answer.answered and answer.project == expected.project
    if expected.kind and expected.project is None:
        item_ok = item_ok and answer.kind == expected.kind
    topic_ok = answer.topic == expected.topic
    fact_ok = expected.fact is None or squash(expected.fact) in squash(answer.reply.plain())
    return Outcome(expected, answer, item_ok, topic_ok, fact_ok)


def evaluate(conversations: list[list[Expectation]], ask: Asker) -> Report:
    """Ask every question (follow-ups in one conversation) and judge the answers."""
    report = Report()
    for steps in conversations:
        conversation = Conversation()
        for expected in steps:
            report.outcomes.append(judge(expected, ask(expected.question, conversation)))
    return report


def iter_questions(conversations: list[list[Expectation]]) -> Iterator[str]:
    """Every question of the set, in order."""
    for steps in conversations:
        for expected in steps:
            yield expected.question
