"""Services between the front ends (Telegram, command line) and the engine and knowledge base."""
