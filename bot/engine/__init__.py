"""Understanding questions and composing answers: pure Python, no Telegram, no database."""

from bot.engine.engine import Answer, Conversation, Engine
from bot.engine.reply import Reply

__all__ = ["Answer", "Conversation", "Engine", "Reply"]
