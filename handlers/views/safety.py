"""Emergency, urgent and "see a doctor soon" messages, with the person's local number."""

from __future__ import annotations

from collections.abc import Sequence

from bot.content import Content
from bot.language.emergency import emergency_wording, joined


def _join(content: Content, parts: Sequence[str]) -> str:
    return joined(parts, content.messages.safety.and_word)


def emergency_text(content: Content, number: str, reasons: Sequence[str]) -> str:
    return emergency_wording(content.messages.safety, number, reasons)


def still_urgent_text(content: Content, number: str) -> str:
    return content.messages.safety.still_urgent.format(number=number)


def urgent_text(content: Content, number: str, reasons: Sequence[str]) -> str:
    safety = content.messages.safety
    return safety.urgent.format(
        number=number, reasons=_join(content, [safety.urgent_reasons[r] for r in reasons])
    )


def care_text(content: Content, reasons: Sequence[str]) -> str:
    safety = content.messages.safety
    return safety.prompt_care.format(reasons=_join(content, [safety.urgent_reasons[r] for r in reasons]))
