"""The bilingual glossary: a project written in one language is found in the other."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from bot.engine.normalize import terms

Phrase = tuple[str, ...]
_CYRILLIC = re.compile("[а-яА-Я]")


class Glossary:
    """Pairs of Bulgarian and English phrases, looked up by their folded terms."""

    def __init__(self, groups: Iterable[list[str]]) -> None:
        self._by_first: dict[str, list[tuple[Phrase, list[str], bool]]] = defaultdict(list)
        self._same: dict[str, set[str]] = defaultdict(set)
        for group in groups:
            phrases = [(tuple(terms(text)), _CYRILLIC.search(text) is not None) for text in group]
            for phrase, cyrillic in phrases:
                if not phrase:
                    continue
                others = [t for other, _ in phrases if other != phrase for t in other]
                self._by_first[phrase[0]].append((phrase, others, cyrillic))
                if len(phrase) == 1:  # one word's synonyms in its own language
                    self._same[phrase[0]] |= {
                        o[0] for o, c in phrases if c == cyrillic and len(o) == 1 and o != phrase
                    }

    def translate(self, words: list[str], scripts: Sequence[bool] = ()) -> list[str]:
        """The terms of every other-language phrase whose phrase occurs in words (scripts: for
        each word, True when it was written in Cyrillic, when known: a phrase matches words of
        its own script only, since the Bulgarian "поле" folds like the English "pool")."""
        found: list[str] = []
        by_first = self._by_first
        for start in [start for start, word in enumerate(words) if word in by_first]:
            for phrase, others, cyrillic in by_first[words[start]]:
                end = start + len(phrase)
                if tuple(words[start:end]) == phrase and (
                    not scripts or (not cyrillic) not in scripts[start:end]
                ):
                    found.extend(others)
        return found

    def begins(self, term: str) -> bool:
        """True when some phrase starts with term."""
        return term in self._by_first

    def synonyms(self, term: str) -> frozenset[str]:
        """The one-word synonyms of a term in its own language ("деца": "ученици"), never a
        translation, which may fold like another word of the other language ("levee": "лев")."""
        return frozenset(self._same.get(term, ()))


def load_glossary(path: Path) -> Glossary:
    """Read a glossary file: a YAML list of lists of synonyms."""
    return Glossary(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


GLOSSARY = load_glossary(Path(__file__).with_name("glossary.yaml"))
