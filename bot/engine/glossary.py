"""The bilingual glossary: a project written in one language is found in the other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import yaml

from bot.engine.normalize import terms

Phrase = tuple[str, ...]


class Glossary:
    """Pairs of Bulgarian and English phrases, looked up by their folded terms."""

    def __init__(self, groups: Iterable[list[str]]) -> None:
        self._by_first: dict[str, list[tuple[Phrase, list[str]]]] = defaultdict(list)
        for group in groups:
            phrases = [tuple(terms(text)) for text in group]
            for phrase in phrases:
                if not phrase:
                    continue
                others = [t for other in phrases if other != phrase for t in other]
                self._by_first[phrase[0]].append((phrase, others))

    def translate(self, words: list[str]) -> list[str]:
        """The terms of every other-language phrase whose phrase occurs in words."""
        found: list[str] = []
        if self._by_first.keys().isdisjoint(words):
            return found
        for start, word in enumerate(words):
            for phrase, others in self._by_first.get(word, ()):
                if tuple(words[start : start + len(phrase)]) == phrase:
                    found.extend(others)
        return found


def load_glossary(path: Path) -> Glossary:
    """Read a glossary file: a YAML list of lists of synonyms."""
    return Glossary(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


GLOSSARY = load_glossary(Path(__file__).with_name("glossary.yaml"))
