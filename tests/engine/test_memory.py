"""Forgetting what the engine remembers of whole messages changes no answer
(bot/engine/memory.py; the speed benchmark forgets before each question)."""

from __future__ import annotations

from bot.engine import Conversation, Engine, message
from bot.engine.memory import forget_messages

QUESTIONS = ["колко струва паркът", "kolko struva parka", "how much is the park", "👍"]


def test_a_forgotten_message_is_answered_as_before(bases: dict[str, Engine]) -> None:
    engine = bases["shipped"]
    before = [engine.answer(q, Conversation()).reply.plain() for q in QUESTIONS]
    assert len(message._SPLITS) > 0
    forget_messages(engine)
    assert len(message._SPLITS) == 0
    assert engine.reader.speller._fixed == {} and engine.detector._told == {}
    assert [engine.answer(q, Conversation()).reply.plain() for q in QUESTIONS] == before
