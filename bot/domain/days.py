"""Which calendar day a report is about: "yesterday", "on Monday", "2 days ago", "on the 3rd",
"Dec 5", resolved against the person's own today. Never a day in the future."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

PAST_DAYS = 14  # the days offered as buttons for "another day"


@dataclass(frozen=True)
class DayRef:
    """A day as said: `ago` days back, a `weekday` (0 Monday), a `date` (day of month, and month
    when said), or `future`."""

    kind: Literal["ago", "weekday", "date", "future"]
    value: int = 0
    month: int = 0
    last: bool = False  # "last Monday": never today
    either_order: bool = False  # "12/3": day/month or month/day, whichever is the most recent


Resolved = date | Literal["future"] | None  # None: not a day that can be told


def resolve(ref: DayRef, today: date) -> Resolved:
    if ref.kind == "future":
        return "future"
    if ref.kind == "ago":
        return today - timedelta(days=ref.value)
    if ref.kind == "weekday":
        back = (today.weekday() - ref.value) % 7
        return today - timedelta(days=back or (7 if ref.last else 0))
    found = _date(ref.value, ref.month, today)
    if not ref.either_order:
        return found
    swapped = _date(ref.month, ref.value, today)
    candidates = [d for d in (found, swapped) if isinstance(d, date)]
    return max(candidates) if candidates else found


def _date(day: int, month: int, today: date) -> Resolved:
    """ "Dec 5" is this year's, and "Dec 20" said on 9 December is still to come; "the 28th" with no
    month is the most recent 28th: this month's if it has come, else last month's."""
    try:
        if month:
            found = date(today.year, month, day)
            return "future" if found > today else found
        found = date(today.year, today.month, day)
    except ValueError:
        return None
    if found <= today:
        return found
    previous = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    try:
        return previous.replace(day=day)
    except ValueError:
        return None


def past_days(today: date) -> list[date]:
    """Today and the days before it that "another day" offers, newest first."""
    return [today - timedelta(days=n) for n in range(PAST_DAYS + 1)]
