"""Two questions in one message ("кой строи салона и колко струваше?"): the reply to the whole
question, then what each question read alone adds about the same project; none is lost. When
the whole finds no answer, the first question a project answers surely alone leads."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.engine.answer import Answer
from bot.engine.chosen import ProjectReply
from bot.engine.lexicon import PART_JOINS, PART_STARTS
from bot.engine.message import asks_anything
from bot.engine.parsed import Parsed
from bot.engine.reply import Line, Reply

_ALTERNATIVES = "|".join(map(re.escape, sorted(PART_STARTS, key=len, reverse=True)))
_JOINS = "|".join(map(re.escape, PART_JOINS))
_PROJECTS = ("quote", "project")  # a project's answer, not the town's or a list
_SPLIT = re.compile(rf"\?+\s*|[,;]?\s+(?:{_JOINS})\s+(?=(?:{_ALTERNATIVES})\b)", re.IGNORECASE)


def question_parts(text: str) -> list[str]:
    """The questions of text, when it asks two or more ("кога беше и кой свиреше"); else []."""
    pieces = [piece.strip(" ,;") for piece in _SPLIT.split(text)]
    parts = [piece for piece in pieces if piece]
    if len(parts) < 2:
        return []
    parts = [part for part in parts if asks_anything(part)]
    return parts if len(parts) > 1 else []


def _blocks(reply: Reply) -> list[Reply]:
    """The reply's paragraphs (runs of lines between blank ones), without its first line: the
    project's title."""
    blocks: list[list[Line]] = [[]]
    for line in reply.lines[1:]:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [Reply(tuple(block)) for block in blocks if block]


def answer_parts(
    whole: ProjectReply,
    text: str,
    read: Callable[[str], Parsed],
    answer: Callable[[Parsed, int, str, str | None], ProjectReply],
    number: int,
    lang: str,
) -> ProjectReply:
    """The reply to the whole question, then what the reply about project number to each part
    of text read alone says that it does not yet say (its paragraphs, under one heading); the
    whole reply when text asks one question."""
    joined, quoted, certainty = whole.reply, list(whole.quoted), whole.certainty
    for asked in map(read, question_parts(text)):
        reply = answer(asked, number, lang, asked.topic)
        if not reply.answered and not reply.missing:  # a field not in our data is said so
            continue
        said = {block.plain() for block in _blocks(joined)}
        new = [block for block in _blocks(reply.reply) if block.plain() not in said]
        for block in new:
            joined = joined.then(block)
        if new:
            quoted += reply.quoted
            certainty = min(certainty, reply.certainty)
    if joined is whole.reply:
        return whole
    return replace(whole, reply=joined, quoted=tuple(quoted), certainty=certainty)


def sure_part(
    text: str, read: Callable[[str], Parsed], ask: Callable[[Parsed], Answer], sure: float
) -> tuple[Parsed, str, float] | None:
    """The first of several questions in text that a project answers alone at confidence sure
    or more: its reading, the project, and that confidence times the share of the questions
    answered so surely (the others are only that project's follow-ups); for a message read
    whole that found none ("Ще може ли децата да ходят с колело по новата алея и кога
    горе-долу?": the lane). None when text asks one question, or no part is surely a project's."""
    parts = [(asked, ask(asked)) for asked in map(read, question_parts(text))]
    surely = [
        (asked, found.project, found.confidence)
        for asked, found in parts
        if found.answered and found.project and found.confidence >= sure and found.kind in _PROJECTS
    ]
    if not surely:
        return None
    asked, project, confidence = surely[0]
    return asked, project, confidence * len(surely) / len(parts)
