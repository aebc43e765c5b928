"""Telegram handlers, keyboards and the application wiring."""
