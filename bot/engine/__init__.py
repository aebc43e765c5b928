"""Understanding questions and composing answers: pure Python, no Telegram, no database."""

from bot.engine.answer import Answer
from bot.engine.conversation import Conversation
from bot.engine.engine import Engine
from bot.engine.prepared import Prepared
from bot.engine.reply import Reply

__all__ = ["Answer", "Conversation", "Engine", "Prepared", "Reply"]
