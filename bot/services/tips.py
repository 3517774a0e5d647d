"""Choose tips that fit the reported triggers, never repeating the last ones shown."""

from __future__ import annotations

import random

from bot.content import Tip, TipBook


class TipService:
    def __init__(self, book: TipBook, rng: random.Random | None = None) -> None:
        self._book = book
        self._rng = rng or random.Random()

    def source_title(self, tip: Tip) -> str:
        return self._book.sources[tip.source]

    def choose(
        self, triggers: list[str], recent: set[str], limit: int = 2, *, spasms: bool = True
    ) -> list[Tip]:
        """Up to `limit` tips, one per reported trigger first (a tip made for that trigger before
        one that also fits it); a general one when none fits. After a day without spasms, no tip
        that speaks of spasms."""
        wanted = [t for t in triggers if t != "not_sure"] or ["not_sure" if triggers else "general"]
        chosen: list[Tip] = []
        for trigger in wanted:
            if len(chosen) >= limit:
                break
            fresh = [
                t for t in self._book.tips
                if t not in chosen and t.id not in recent and (spasms or not t.spasm_days_only)
            ]  # fmt: skip
            # Everything for this trigger was shown last time: a general tip rather than a repeat.
            pool = (
                [t for t in fresh if t.triggers[0] == trigger]
                or [t for t in fresh if trigger in t.triggers]
                or [t for t in fresh if "general" in t.triggers]
            )
            if pool:
                chosen.append(self._rng.choice(pool))
        return chosen[: max(1, min(limit, len(wanted)))]
