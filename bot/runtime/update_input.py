"""What the bot accepts as one of Telegram's updates, at the door (webhook body or getUpdates item):
an object whose update_id is a positive integer its 64-bit column can hold, nested no deeper than
any real update. Anything else is refused before it reaches storage or the logs."""

from __future__ import annotations

import json
from typing import Any

MAX_UPDATE_ID = 2**63 - 1  # BIGINT
MAX_DEPTH = 24  # a real update nests about 8 deep (a reply's quoted message, its entities...)


def is_update(item: object) -> bool:
    if not isinstance(item, dict):
        return False
    update_id = item.get("update_id")
    return type(update_id) is int and 0 < update_id <= MAX_UPDATE_ID and _depth_within(item)


def sender_of(payload: dict[str, Any]) -> int | None:
    """Who sent an update (the person a message, edit or button press came from), if anyone."""
    for key, value in payload.items():
        if key != "update_id" and isinstance(value, dict):
            sender = value.get("from") or value.get("user")
            if isinstance(sender, dict) and isinstance(sender.get("id"), int):
                return int(sender["id"])
    return None


def parse_update(body: bytes) -> dict[str, Any] | None:
    """The update in a webhook body, or None (answered 400)."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past the parser
        return None
    return payload if is_update(payload) else None


def _depth_within(item: object) -> bool:
    """No list or object nested more than MAX_DEPTH deep (looked at without recursion)."""
    waiting: list[tuple[object, int]] = [(item, 1)]
    while waiting:
        value, depth = waiting.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(value, dict):
            waiting.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            waiting.extend((child, depth + 1) for child in value)
    return True
