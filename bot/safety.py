"""Public red-flag triage: `triage(text)` -> `Triage(level, reasons)`, with the shipped content."""

from __future__ import annotations

from functools import lru_cache

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_content
from bot.language.triage import Level, Triage, Triager

__all__ = ["Level", "Triage", "Triager", "triage"]


@lru_cache(maxsize=1)
def _default_triager() -> Triager:
    content = load_content(DEFAULT_CONTENT_DIR)
    return Triager(content.safety, content.triage_model)


def triage(text: str) -> Triage:
    """`level` is "emergency", "urgent" or "none"; `reasons` names the red flags found."""
    return _default_triager().triage(text)
