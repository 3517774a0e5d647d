"""content/<language>/tips.toml: tips for each trigger, each naming its source."""

from __future__ import annotations

from pydantic import model_validator

from bot.content.wording import Strict
from bot.domain.vocab import TRIGGERS


class Tip(Strict):
    id: str
    triggers: list[str]
    source: str
    text: str
    spasm_days_only: bool = False


class TipBook(Strict):
    sources: dict[str, str]
    tips: list[Tip]

    @model_validator(mode="after")
    def _consistent(self) -> TipBook:
        ids = [tip.id for tip in self.tips]
        if len(ids) != len(set(ids)):
            raise ValueError("tips: duplicate ids")
        known = {*TRIGGERS, "general"}
        for tip in self.tips:
            if tip.source not in self.sources:
                raise ValueError(f"tip {tip.id}: unknown source {tip.source!r}")
            if not tip.triggers or not set(tip.triggers) <= known:
                raise ValueError(f"tip {tip.id}: triggers must be among {sorted(known)}")
        missing = known - {t for tip in self.tips for t in tip.triggers}
        if missing:
            raise ValueError(f"tips: no tip for {sorted(missing)}")
        return self

    def worded(self, tip: Tip) -> Tip:
        """The same tip (by id) in this book's language; itself when this book lacks it."""
        return next((own for own in self.tips if own.id == tip.id), tip)
