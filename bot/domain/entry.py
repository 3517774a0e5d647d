"""The shape of a diary entry as the pure rules see it; the stored `Checkin` row has this shape."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol


class Entry(Protocol):
    """A check-in or an episode: its answers and where its conversation stands."""

    id: int | None
    kind: str
    local_date: date
    status: str
    step: str
    editing: bool
    review: bool
    had_spasm: bool | None
    locations: str | None
    sides: str | None
    severity: int | None
    duration: str | None
    duration_minutes: int | None
    stress: int | None
    triggers: str | None
    notes: str
    note_open_until: datetime | None
    sleep_hours: float | None
    sleep_asked: bool
    red_flags: str | None
    draft: str
    backup: str | None
    message_id: int | None
