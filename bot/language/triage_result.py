"""What triage decides: a level, the red flags (or signs) behind it, and the model's words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["emergency", "urgent", "none"]


@dataclass(frozen=True)
class Triage:
    """`reasons`: the red flags found for an emergency, or the signs found for "urgent"."""

    level: Level
    reasons: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # the words that weighed most with the learned model


def triage_result(reasons: tuple[str, ...], urgent: tuple[str, ...]) -> Triage:
    if reasons:
        return Triage("emergency", reasons)
    return Triage("urgent", urgent) if urgent else Triage("none")
