"""What the engine remembers of whole messages, and forgetting it.

A message asked again is read, corrected and told its language once (bounded memories: a running
bot meets new messages forever). The speed benchmark forgets them before each question, so that
its figures are those of a message the bot has never seen; words' readings are kept, as in a
running bot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.engine.message import forget_splits
from bot.engine.normalize import forget_texts
from bot.engine.topics import forget_phrases

if TYPE_CHECKING:
    from bot.engine.engine import Engine


def forget_messages(engine: Engine) -> None:
    """Forget every message the engine has read whole (never needed by the bot itself)."""
    forget_splits()
    forget_texts()
    forget_phrases()
    engine.reader.speller.forget()
    engine.detector.forget()
