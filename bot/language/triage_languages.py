"""Red-flag triage in every language that has its own rules: whatever language a person chose, an
emergency typed in another one is still caught. The most severe reading wins, in this order:
an emergency in any language, then a sign for a doctor soon, then none."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.content import Content
from bot.language.triage import Triage, Triager


class Triagers:
    def __init__(self, triagers: Sequence[Triager]) -> None:
        if not triagers:
            raise ValueError("at least one language's rules are needed")
        self.each = tuple(triagers)

    def triage(self, text: str) -> Triage:
        """The first emergency any language's rules find; else the first urgent sign; else none."""
        found = [triager.triage(text) for triager in self.each]
        return next(
            (r for r in found if r.level == "emergency"),
            next((r for r in found if r.level == "urgent"), found[0]),
        )

    def calm_line_due(self, text: str) -> bool:
        return any(triager.calm_line_due(text) for triager in self.each)

    def is_all_clear(self, text: str) -> bool:
        return any(triager.is_all_clear(text) for triager in self.each)


def screening_in(languages: Iterable[Content]) -> Triagers:
    """English's rules and those of every language that has its own (offered yet or not), each
    with its own learned model only: English's would read another language's words wrongly."""
    return Triagers(
        [
            Triager(c.safety, None if "triage_model.json" in c.missing else c.triage_model)
            for c in languages
            if c.language == "en" or "safety.toml" not in c.missing
        ]
    )
