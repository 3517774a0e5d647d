"""Emergencies written in a language with no rules of its own, read through its key phrases glossed
into the rules' language (content/<language>/glossary.toml), negation, history and all.

A text is glossed only when it is not in the rules' own language (fewer than two of its small
words), and with a glossed language's phrases only when the text has at least as many of that
language's small words as of any language with rules of its own: Portuguese "derrame" is a
stroke, but in a Spanish message Spanish's own rules read it, history and all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.content.safety import GlossedLanguage
from bot.language.rewrites import Rewrites, fold_accents

WORD = re.compile(r"[^\W\d_]+")
ENOUGH_OWN = 2  # small words of the rules' own language that make a text theirs: no glossing


@lru_cache(maxsize=4)
def _compiled(pairs: tuple[tuple[str, str], ...]) -> Rewrites:
    """Thousands of patterns: compiled once per process, however many triagers read them."""
    return Rewrites([(fold_accents(pattern), gloss) for pattern, gloss in pairs])


class Glossary:
    def __init__(
        self, languages: Sequence[GlossedLanguage], own: frozenset[str], rivals: Sequence[frozenset[str]]
    ) -> None:
        self._own, self._rivals = own, tuple(rivals)
        self._rewrites = _compiled(tuple(pair for language in languages for pair in language.phrases))
        self._languages: list[tuple[frozenset[str], frozenset[int]]] = []
        start = 0
        for language in languages:
            words = frozenset(fold_accents(w.lower()) for w in language.words)
            self._languages.append((words, frozenset(range(start, start + len(language.phrases)))))
            start += len(language.phrases)

    def read(self, text: str) -> tuple[str, int]:
        """The text glossed (lower case, accents folded) and how clearly it was in the glossed
        language: 0 when nothing was glossed, else that language's small words found (at least 1)."""
        if not self._languages:
            return text, 0
        folded = fold_accents(text)
        words = set(WORD.findall(folded))
        if len(words & self._own) >= ENOUGH_OWN:
            return text, 0
        rival = max((len(words & r) for r in self._rivals), default=0)
        skip: set[int] = set()
        strongest = 0
        for own_words, places in self._languages:
            found = len(words & own_words)
            if own_words and found < rival:
                skip |= places
            else:
                strongest = max(strongest, found)
        glossed, _, changed = self._rewrites.apply(folded, frozenset(skip))
        return (glossed, max(1, strongest)) if changed else (text, 0)
