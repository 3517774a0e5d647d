"""Public red-flag triage: `triage(text)` -> `Triage(level, reasons)`, with the shipped content."""

from __future__ import annotations

from functools import lru_cache

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import load_languages
from bot.language.triage import Level, Triage, Triager
from bot.language.triage_languages import Triagers, screening_in

__all__ = ["Level", "Triage", "Triager", "triage"]


@lru_cache(maxsize=1)
def _default_triager() -> Triagers:
    english, others = load_languages(DEFAULT_CONTENT_DIR)
    return screening_in([english, *others.values()])


def triage(text: str) -> Triage:
    """`level` is "emergency", "urgent" or "none"; `reasons` names the red flags found. Every
    language with its own rules reads the text, as the running bot does."""
    return _default_triager().triage(text)
