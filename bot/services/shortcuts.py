"""Messages that are one command word alone ("меню", "/menu", "help"): the menu is shown, and
a word that names a command does not choose the chat's language. Only the whole message is
taken so; the same words inside a question are the engine's to read."""

from __future__ import annotations

MENU_WORDS = frozenset({"меню", "менюто", "menu", "meniu", "menyu", "главно меню", "main menu"})
COMMAND_WORDS = MENU_WORDS | {"help", "помощ", "pomosht", "pomo6t", "start", "старт", "info"}


def command_word(text: str) -> str | None:
    """The command word a message is made of alone ("/Menu!" is "menu"), else None."""
    word = " ".join(text.strip().lstrip("/").rstrip("!?.").casefold().split())
    return word if word in COMMAND_WORDS else None


def asks_menu(text: str) -> bool:
    """True for "меню", "menu" or "/menu" alone."""
    return command_word(text) in MENU_WORDS
