"""munibot: a Telegram bot that answers citizens' questions about municipal projects."""

__version__ = "0.1.0"
