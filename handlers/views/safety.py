"""Emergency, urgent and "see a doctor soon" messages, with the person's local number."""

from __future__ import annotations

from collections.abc import Sequence

from bot.content import Content


def _join(content: Content, parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {content.messages.safety.and_word} {parts[-1]}"


def emergency_text(content: Content, number: str, reasons: Sequence[str]) -> str:
    safety = content.messages.safety
    return safety.emergency.format(
        number=number, reasons=_join(content, [safety.reasons[r] for r in reasons])
    )


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
