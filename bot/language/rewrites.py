"""Patterns and their replacements, each tried only where it could match, and accents folded:
the normaliser's rewrites and the glossary of other languages' key phrases."""

from __future__ import annotations

import re
import unicodedata
from typing import cast

from bot.language.prefilter import Gate, Gates, Pieces

GATED_UP_TO = 600  # characters; a longer text's rewrites are all tried (its pieces cost more)


def fold_accents(text: str) -> str:
    """ "convulsión" -> "convulsion", "niño" -> "nino": patterns written without accents read both."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Rewrites:
    """Patterns and their replacements, applied in order; a pattern none of whose openings is in
    the text is skipped (exactly: it could not match)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = [(re.compile(a), b) for a, b in pairs]
        self._gates = Gates()
        for number, (pattern, _) in enumerate(pairs):
            self._gates.add(number, Gate([pattern]))
        self._every: set[object] = set(range(len(pairs)))

    def apply(self, text: str, skip: frozenset[int] = frozenset()) -> tuple[str, Pieces | None, bool]:
        """The text rewritten, its pieces (None for a long text) and whether anything changed;
        `skip` names patterns (by their place) not to try."""
        if not self._pairs:
            return text, None, False
        pieces = Pieces(f" {text} ") if len(text) <= GATED_UP_TO else None
        todo, place, changed_any = self._todo(pieces, 0, skip), 0, False
        while place < len(todo):
            number = todo[place]
            pattern, replacement = self._pairs[number]
            place += 1
            if (changed := pattern.sub(replacement, text)) != text:
                text, changed_any = changed, True
                if pieces is not None:  # the padded text's pieces: no rewrite is skipped wrongly
                    pieces = Pieces(f" {text} ")
                    todo, place = self._todo(pieces, number + 1, skip), 0
        return text, pieces, changed_any

    def _todo(self, pieces: Pieces | None, start: int, skip: frozenset[int]) -> list[int]:
        """In order, from `start`: only the patterns that may match (most never can)."""
        passing = cast(set[int], self._gates.passing(pieces, self._every))
        return sorted(n for n in passing if n >= start and n not in skip)
