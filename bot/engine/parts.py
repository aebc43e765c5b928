"""Two questions in one message ("кой строи салона и колко струваше?"): the reply to the whole
question, then what each question read alone adds about the same project; none is lost."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.engine.lexicon import PART_JOINS, PART_STARTS
from bot.engine.message import asks_anything
from bot.engine.projects import ProjectReply
from bot.engine.question import Parsed
from bot.engine.reply import Reply

_ALTERNATIVES = "|".join(map(re.escape, sorted(PART_STARTS, key=len, reverse=True)))
_JOINS = "|".join(map(re.escape, PART_JOINS))
_SPLIT = re.compile(rf"\?+\s*|[,;]?\s+(?:{_JOINS})\s+(?=(?:{_ALTERNATIVES})\b)", re.IGNORECASE)


def question_parts(text: str) -> list[str]:
    """The questions of text, when it asks two or more ("кога беше и кой свиреше"); else []."""
    pieces = [piece.strip(" ,;") for piece in _SPLIT.split(text)]
    parts = [piece for piece in pieces if piece]
    if len(parts) < 2:
        return []
    parts = [part for part in parts if asks_anything(part)]
    return parts if len(parts) > 1 else []


def answer_parts(
    whole: ProjectReply,
    text: str,
    read: Callable[[str], Parsed],
    answer: Callable[[Parsed, int, str, str | None], ProjectReply],
    number: int,
    lang: str,
) -> ProjectReply:
    """The reply to the whole question, then the reply about project number to each part of
    text read alone that says something the reply does not yet say (without the project's
    title: one heading); the whole reply when text asks one question."""
    done = [whole]
    for asked in map(read, question_parts(text)):
        reply = answer(asked, number, lang, asked.topic)
        said = "\n".join(d.reply.plain() for d in done)
        if reply.answered and Reply(reply.reply.lines[1:]).plain() not in said:
            done.append(reply)
    if len(done) < 2:
        return whole
    joined = whole.reply
    for other in done[1:]:
        joined = joined.then(Reply(other.reply.lines[1:]))
    quoted = tuple(fact for d in done for fact in d.quoted)
    return replace(whole, reply=joined, quoted=quoted, certainty=min(d.certainty for d in done))
