"""Red-flag triage in every language that has its own rules: whatever language a person chose, an
emergency typed in another one is still caught. The most severe reading wins, in this order:
an emergency in any language, then a sign for a doctor soon, then none."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.content import Content
from bot.content.loader import ENGLISH
from bot.language.rewrites import fold_accents
from bot.language.triage import Triage, Triager

WORD = re.compile(r"[^\W\d_]+")
CLEARLY = 2  # another language's small words it takes to skip a language with none of its own


class Triagers:
    def __init__(self, triagers: Sequence[Triager]) -> None:
        if not triagers:
            raise ValueError("at least one language's rules are needed")
        self.each = tuple(triagers)
        self._words = [frozenset(t.rules.function_words) for t in self.each]

    def _reading(self, text: str) -> list[Triager]:
        """The languages the text may be in: all, unless it is clearly in some and not in others.
        English's rules misread Spanish ("convulsión" after "tuve una ... en 2015"), and Spanish's
        misread Italian ("ictus ... 10 anni fa"): a text clearly in a glossed language (more of
        its small words than of a language with rules) is read through the glossary instead."""
        if len(self.each) == 1:
            return list(self.each)
        words = set(WORD.findall(fold_accents(text.lower())))
        counts = [len(words & small) if small else None for small in self._words]
        most = max((c for c in counts if c is not None), default=0)
        # Only a language with a glossary reads the text here: the others' reading may be skipped.
        glossed = [t.normaliser.glossed_in(text) if t.rules.glossary else 0 for t in self.each]
        clearly = max(glossed) if max(glossed) >= CLEARLY else 0
        return [
            t
            for t, c, g in zip(self.each, counts, glossed, strict=True)
            if g or c is None or ((c > 0 or most < CLEARLY) and c >= clearly)
        ]

    def triage(self, text: str) -> Triage:
        """The first emergency any language's rules find; else the first urgent sign; else none."""
        found = [triager.triage(text) for triager in self._reading(text)]
        return next(
            (r for r in found if r.level == "emergency"),
            next((r for r in found if r.level == "urgent"), found[0]),
        )

    def calm_line_due(self, text: str) -> bool:
        return any(triager.calm_line_due(text) for triager in self._reading(text))

    def denies(self, text: str) -> bool:
        """Names red flags and denies each one ("no seizure or anything lol")."""
        readings = [triager.names(text) for triager in self._reading(text)]
        return any(named for named, _ in readings) and not any(left for _, left in readings)

    def is_all_clear(self, text: str) -> bool:
        return any(triager.is_all_clear(text) for triager in self._reading(text))


def screening_in(languages: Iterable[Content]) -> Triagers:
    """English's rules and those of every language that has its own (offered yet or not), each
    with its own learned model only: English's would read another language's words wrongly."""
    ruled = [c for c in languages if c.language == ENGLISH or "safety.toml" not in c.missing]
    words = [frozenset(c.safety.function_words) for c in ruled]
    return Triagers(
        [
            Triager(
                c.safety,
                None if "triage_model.json" in c.missing else c.triage_model,
                rivals=[w for w in words if w is not own],
            )
            for c, own in zip(ruled, words, strict=True)
        ]
    )
