"""The parts of a message beyond its question: its context fills a question that says nothing
of its own, and a second question ("кой строи салона и колко струваше?", "Кога беше? И кой
свиреше?") is answered about the same project, after the first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.engine.answer import Answer
from bot.engine.conversation import FollowUps
from bot.engine.lexicon import PAIR_JOINS, PAIR_WORDS
from bot.engine.message import sentences, split_message
from bot.engine.normalize import terms
from bot.engine.question import Parsed
from bot.engine.reply import Reply

_JOIN_WORDS = frozenset(word.lower() for word in PAIR_JOINS)
_ASKS = frozenset(t for word in PAIR_WORDS for t in terms(word))


def with_context(parsed: Parsed, number: int, follow: FollowUps) -> Parsed:
    """A question with no words of its own ("кога беше?", "коя е?") takes its details from the
    message's context: the words of it that the project's record holds."""
    if parsed.content or parsed.extra or parsed.answer is None or not parsed.told:
        return parsed
    held = [w for w in parsed.told if follow.explains(number, w)]
    return replace(parsed, extra=held) if held else parsed


def _asks(text: str) -> bool:
    return not _ASKS.isdisjoint(terms(text))


def split_pair(question: str) -> tuple[str, str] | None:
    """The two questions of a message's question, or None: two sentences that ask, or a join
    followed by a question word, each side asking something."""
    asked = [s for s in sentences(question) if s.strip()]
    if len(asked) == 2 and all(_asks(s) for s in asked):
        return asked[0], asked[1]
    words = question.split()
    for at in range(1, len(words) - 1):
        if words[at].lower() not in _JOIN_WORDS:  # most words: no folding needed
            continue
        start = terms(words[at + 1])
        if start and start[0] in _ASKS:
            first, second = " ".join(words[:at]), " ".join(words[at + 1 :])
            if _asks(first):
                return first, second
    return None


def answer_both(
    found: Answer, asked: str, read: Callable[[str], Parsed], ask: Callable[[str, Parsed], Answer]
) -> Answer:
    """found, or, when the question asked asks two things of the project found, the answers to
    each one after the other (ask: the answer about that project to a text read)."""
    pair = split_pair(asked) if found.answered and found.kind in ("quote", "project") else None
    if pair is None:
        return found
    context = split_message(found.question).context
    texts = [f"{context}\n{part}" if context else part for part in pair]
    first, second = (ask(text, read(text)) for text in texts)
    if not (first.answered and second.answered):
        return found
    added = second.reply.lines[1:]  # under the same project's name
    reply = first.reply
    if any(line and line not in reply.lines for line in added):
        reply = reply.then(Reply(added))
    quoted = "quote" in (first.kind, second.kind)
    return replace(
        found,
        reply=reply,
        topic=first.topic,
        kind="quote" if quoted else found.kind,
        source_url=first.source_url or second.source_url,
    )
