"""Which encoding a file that is not UTF-8 was most likely saved in, so that staff are told
what their editor did ("Windows-1251", as Notepad saves Cyrillic as "ANSI") and not a byte."""

from __future__ import annotations

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
CYRILLIC = range(0x0400, 0x0500)
MIN_LETTERS = 4  # a stray byte or two ("\xff" reads as "я") tells no encoding
SAVE_AS_UTF8 = (
    "open it in your editor and save it as UTF-8 (in Notepad: File, Save As, Encoding: UTF-8; "
    "in Notepad++: Encoding, Convert to UTF-8)"
)


def likely_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'Windows-1251' when raw reads as one of them, else None."""
    if raw.startswith(UTF16_BOMS) or (len(raw) >= 4 and raw.count(0) * 4 >= len(raw)):
        return "UTF-16"  # Notepad's "Unicode": every other byte of a Latin text is 0
    read = raw.decode("utf-8", "replace")
    damaged = read.count("\ufffd")
    if sum(ord(char) > 0x7F for char in read) - damaged > damaged:
        return None  # UTF-8 with a stray byte or two: most of its letters read well
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if ord(char) > 0x7F and char.isalpha()]
    cyrillic = sum(ord(char) in CYRILLIC for char in letters)
    plausible = len(letters) >= MIN_LETTERS and cyrillic * 10 >= len(letters) * 9
    return "Windows-1251" if plausible else None
