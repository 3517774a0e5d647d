"""What followed a medicine being started, changed or stopped: the diary's days in the week
before the change set beside the days since (up to a fortnight). Pure arithmetic on the days."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

BEFORE_DAYS = 7
AFTER_DAYS = 14  # what followed is judged over at most this long
MIN_DAYS_AFTER = 3  # fewer days written since the change: too early to say
FOLLOWED_WEEKS = 4  # a weekly summary keeps following a change this long

ChangeKind = Literal["start", "dose", "stop"]


@dataclass(frozen=True)
class Stretch:
    days: int  # days written down
    spasm_days: int
    mean_strength: float | None  # of each day's strongest (0 on a day without spasms)


@dataclass(frozen=True)
class MedicineChange:
    name: str
    kind: ChangeKind
    day: date
    dose: float | None
    unit: str | None
    before: Stretch
    after: Stretch  # from the day after the change until the summary's end, a fortnight at most

    @property
    def too_early(self) -> bool:
        return self.after.days < MIN_DAYS_AFTER


def stretch(by_day: Mapping[date, int], first: date, last: date) -> Stretch:
    """The written days from `first` to `last`, inclusive."""
    values = [v for day, v in by_day.items() if first <= day <= last]
    mean = sum(values) / len(values) if values else None
    return Stretch(len(values), sum(1 for v in values if v > 0), mean)


def followed(
    name: str,
    kind: ChangeKind,
    day: date,
    dose: float | None,
    unit: str | None,
    by_day: Mapping[date, int],
    end: date,
) -> MedicineChange:
    """The change on `day` with the week before it and what followed it up to `end`."""
    before = stretch(by_day, day - timedelta(days=BEFORE_DAYS), day - timedelta(days=1))
    after = stretch(by_day, day + timedelta(days=1), min(end, day + timedelta(days=AFTER_DAYS)))
    return MedicineChange(name, kind, day, dose, unit, before, after)


def followed_since(end: date, length: int) -> date:
    """The first day of changes a summary of `length` days ending on `end` mentions: its own
    period, or the last four weeks when that is longer, so a week's summary keeps following."""
    return end - timedelta(days=max(length, FOLLOWED_WEEKS * 7) - 1)
