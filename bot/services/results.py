"""What a check-in action returns to the handler: plain values to render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.content import Tip
from bot.domain.checkin_flow import CheckinView, Outcome


@dataclass(frozen=True)
class CheckinResult:
    outcome: Outcome
    view: CheckinView | None = None
    tips: list[Tip] = field(default_factory=list)
    resumed: bool = False
    emergency: tuple[str, ...] = ()  # red flags just reported with a button
    care: tuple[str, ...] = ()  # reasons to see a doctor soon, from the stored entries
    days: tuple[date, ...] = ()  # the days "another day" offers, newest first
    moved_to: date | None = None  # the entry was just moved to this earlier day
    completed: bool = False  # saved for the first time just now
