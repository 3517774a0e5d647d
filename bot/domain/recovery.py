"""After microvascular decompression: improvement comes slowly, over weeks to months, so the
check-in asks about hearing and facial strength at a few points of the first year."""

from __future__ import annotations

from collections.abc import Set
from datetime import date

CHECKPOINTS = (7, 14, 28, 56, 84, 182, 365)  # days after the operation


def recovery_due(operated: date, today: date, answered: Set[int]) -> int | None:
    """The latest checkpoint reached and not yet answered (older missed ones are not asked)."""
    days = (today - operated).days
    reached = [c for c in CHECKPOINTS if c <= days]
    if not reached or days > CHECKPOINTS[-1] + 30 or reached[-1] in answered:
        return None
    return reached[-1]
