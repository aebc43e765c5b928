"""Grade the engine on a question set: the exact fact in the reply, honest refusals, conversations.

The grading is the one in tests/data/README.md, the same for every set.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Answer, Conversation
from bot.knowledge import KnowledgeBase, Project, Text

Asker = Callable[[str, Conversation], Answer]
CONFIDENT = 0.5
SAME_KINDS = frozenset({"municipality", "faq"})  # both hold the municipality's own facts
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n")


def squash(text: str) -> str:
    """Lowercase, without spaces, non-breaking spaces, dots and commas: how facts are compared."""
    return re.sub(r"[\s.,\u00a0\u202f]", "", text.lower())


def _spaced(text: str) -> str:
    """Lowercase, every run of spaces one space: to tell where a number ends."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.lower()).strip()


def _unspaced(text: str) -> str:
    """Lowercase, without spaces, dots and commas kept."""
    return re.sub(r"[\s\u00a0\u202f]", "", text.lower())


def _whole(flat: str, wanted: str) -> bool:
    """Some occurrence of wanted in flat is joined to no digit at a digit of its own ends."""
    for match in re.finditer(re.escape(wanted), flat):
        start, after = match.start(), match.end()
        joined_before = wanted[0].isdigit() and start > 0 and flat[start - 1].isdigit()
        joined_after = wanted[-1].isdigit() and after < len(flat) and flat[after].isdigit()
        if not joined_before and not joined_after:
            return True
    return False


def holds(reply: str, fact: str) -> bool:
    """The fact stands in the reply, a number in it as a whole number: "2 месеца" is not in
    "12 месеца". Compared where the reply writes the fact as it is written (spaces as spaces,
    else without spaces); written otherwise, the squashed comparison alone decides. A number
    grouped by spaces may still be found inside a longer one ("199 467" in "1 199 467")."""
    if squash(fact) not in squash(reply):
        return False
    for flat, wanted in ((_spaced(reply), _spaced(fact)), (_unspaced(reply), _unspaced(fact))):
        if wanted and wanted in flat:
            return _whole(flat, wanted)
    return True


def _facts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


@dataclass(frozen=True)
class Expectation:
    """One question (or one turn of a conversation) and what its answer must be."""

    question: str
    project: str | None = None
    facts: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    kind: str | None = None
    decline: bool = False
    style: str = "-"
    topic: str | None = None  # informative only: the part of the record that holds the fact

    @classmethod
    def read(cls, raw: dict[str, Any]) -> Expectation:
        """From one YAML item (keys q, p, f, absent, kind, decline, style, t)."""
        return cls(
            str(raw["q"]),
            raw.get("p"),
            _facts(raw.get("f")),
            _facts(raw.get("absent")),
            raw.get("kind"),
            bool(raw.get("decline", False)),
            str(raw.get("style") or "-"),
            raw.get("t"),
        )

    @property
    def answerable(self) -> bool:
        """True when the bot must answer (not decline, not ask which project)."""
        return not self.decline and self.kind != "clarify"


@dataclass
class QuestionSet:
    """Single questions, and conversations whose turns are asked in one chat."""

    name: str
    singles: list[Expectation] = field(default_factory=list)
    conversations: list[list[Expectation]] = field(default_factory=list)

    def questions(self) -> Iterator[str]:
        """Every question and turn, in order."""
        yield from (e.question for e in self.singles)
        yield from (e.question for turns in self.conversations for e in turns)


def load_set(path: Path, name: str | None = None) -> QuestionSet:
    """Read a set: `questions` (an item with `follow` is a conversation) and `conversations`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    result = QuestionSet(name or path.stem)
    for raw in data.get("questions") or ():
        if "follow" in raw:
            result.conversations.append([Expectation.read(step) for step in raw["follow"]])
        else:
            result.singles.append(Expectation.read(raw))
    for raw in data.get("conversations") or ():
        result.conversations.append([Expectation.read(step) for step in raw["turns"]])
    return result


class ProjectTexts:
    """The sentences of every project's record, to tell a refusal that quotes a project."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.snippets = {
            squash(sentence)
            for project in knowledge.projects
            for text in _record_texts(project)
            for sentence in _SENTENCE.split(text)
            if len(sentence) >= 25
        }

    def quoted_in(self, reply: str) -> bool:
        """True when the reply contains a sentence of some project's record."""
        flat = squash(reply)
        return any(snippet in flat for snippet in self.snippets)


def _record_texts(project: Project) -> Iterable[str]:
    values: list[Text | None] = [project.summary, project.programme, project.funding]
    values += [*project.goals, *project.results, *project.target_groups, *project.contractors]
    for activity in project.activities:
        values += [activity.title, activity.summary, *activity.results]
    for item in project.news:
        values += [item.title, item.summary]
    values += [qa.answer for qa in project.faq]
    return (text for value in values if value is not None for _, text in value.values())


@dataclass
class Outcome:
    """How one question went, and why it failed when it did."""

    expected: Expectation
    answer: Answer | None
    ok: bool
    reason: str = ""
    turn: bool = False

    @property
    def wrong_answer(self) -> bool:
        """A wrong reply given as an answer (answered: true)."""
        return not self.ok and self.answer is not None and self.answer.answered

    @property
    def declined_with_facts(self) -> bool:
        """A must-decline question answered with a project's facts."""
        return self.expected.decline and self.reason == "declined with a project's facts"


def judge(expected: Expectation, answer: Answer, texts: ProjectTexts | None = None) -> Outcome:
    """Compare an answer with what was expected (tests/data/README.md)."""
    reply = answer.reply.plain()
    if expected.kind == "clarify":
        ok = not answer.answered and answer.kind == "clarify"
        return Outcome(expected, answer, ok, "" if ok else "no clarifying question")
    if expected.decline:
        if answer.project is not None or (texts is not None and texts.quoted_in(reply)):
            return Outcome(expected, answer, False, "declined with a project's facts")
        if answer.answered:
            return Outcome(expected, answer, False, "answered instead of declining")
        if answer.kind == "clarify":
            return Outcome(expected, answer, False, "did-you-mean instead of declining")
        return Outcome(expected, answer, True)
    reason = ""
    if not answer.answered:
        reason = "not answered"
    elif answer.project != expected.project:
        reason = f"about {answer.project} instead of {expected.project}"
    elif expected.project is None and expected.kind and not _same_kind(expected.kind, answer.kind):
        reason = f"a {answer.kind} answer instead of {expected.kind}"
    else:
        missing = [f for f in expected.facts if not holds(reply, f)]
        present = [a for a in expected.absent if holds(reply, a)]
        if missing:
            reason = f"reply lacks {missing}"
        elif present:
            reason = f"reply contains {present}"
    return Outcome(expected, answer, not reason, reason)


def _same_kind(expected: str, got: str) -> bool:
    return expected == got or {expected, got} <= SAME_KINDS


@dataclass
class Report:
    """Accuracy figures for one set and one way of answering."""

    outcomes: list[Outcome] = field(default_factory=list)
    errors: int = 0

    @staticmethod
    def share(outcomes: list[Outcome]) -> float:
        """The share of right outcomes (1.0 for none)."""
        return sum(o.ok for o in outcomes) / len(outcomes) if outcomes else 1.0

    @property
    def accuracy(self) -> float:
        """Every question and turn."""
        return self.share(self.outcomes)

    @property
    def singles(self) -> list[Outcome]:
        """The single questions."""
        return [o for o in self.outcomes if not o.turn]

    @property
    def turns(self) -> list[Outcome]:
        """The turns of conversations."""
        return [o for o in self.outcomes if o.turn]

    @property
    def answerable(self) -> list[Outcome]:
        """Questions the bot must answer."""
        return [o for o in self.outcomes if o.expected.answerable]

    @property
    def declines(self) -> list[Outcome]:
        """Questions the bot must decline."""
        return [o for o in self.outcomes if o.expected.decline]

    @property
    def wrong_answers(self) -> list[Outcome]:
        """Wrong replies given as answers."""
        return [o for o in self.outcomes if o.wrong_answer]

    @property
    def confident_wrong(self) -> int:
        """Wrong answers with confidence >= 0.5."""
        return sum(1 for o in self.wrong_answers if o.answer and o.answer.confidence >= CONFIDENT)

    @property
    def declined_with_facts(self) -> int:
        """Must-decline questions answered with a project's facts."""
        return sum(o.declined_with_facts for o in self.outcomes)

    def by_style(self) -> dict[str, list[Outcome]]:
        """Outcomes grouped by the writers' style label."""
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in self.outcomes:
            groups[outcome.expected.style].append(outcome)
        return dict(sorted(groups.items()))

    @property
    def failures(self) -> list[Outcome]:
        """Every question that went wrong."""
        return [o for o in self.outcomes if not o.ok]


def evaluate(questions: QuestionSet, ask: Asker, knowledge: KnowledgeBase | None = None) -> Report:
    """Ask every question (each conversation in one chat) and judge the answers.

    An exception counts as a wrong answer and is never shown: frozen sets must stay unread.
    """
    texts = ProjectTexts(knowledge) if knowledge is not None else None
    report = Report()
    chats = [[e] for e in questions.singles] + questions.conversations
    for number, steps in enumerate(chats):
        chat = Conversation()
        turn = number >= len(questions.singles)
        for expected in steps:
            try:
                outcome = judge(expected, ask(expected.question, chat), texts)
            except Exception:  # counted, never shown
                report.errors += 1
                outcome = Outcome(expected, None, False, "error")
            outcome.turn = turn
            report.outcomes.append(outcome)
    return report
