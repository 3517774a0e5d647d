"""The botulinum toxin cycle, read from the diary: when relief began, its best week and when it
wore off, per injection and across the last few. Pure arithmetic on days and strengths."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import mean, median

from bot.domain.entry import Entry

# Relief counts once strength is down by a quarter from before the injection; it has worn off
# once half of the best week's gain is lost again (or the person said so).
ONSET_DROP = 0.25
WEAR_OFF_SHARE = 0.5
BASELINE_DAYS = 14
MIN_DAYS_IN_WEEK = 2  # a week with fewer days written down says nothing
LAST_CYCLES = 3


@dataclass(frozen=True)
class Cycle:
    injected: date
    ends: date | None  # the day before the next injection; None for the current cycle
    days_written: int
    baseline: float | None  # mean strength over the fortnight before (or days 0-2), 0 = no spasm
    onset_day: int | None  # days after the injection when relief began
    best_week: int | None  # week 1 is days 0-6
    wear_off_week: int | None
    wear_off_said: bool  # the person tapped "it's wearing off"


def day_of_cycle(injected: date, today: date) -> int:
    """Day 0 is the injection day, as people count ("day 12 since my botox")."""
    return (today - injected).days


def week_of(day: int) -> int:
    return day // 7 + 1


def strengths(entries: Iterable[Entry]) -> dict[date, int]:
    """Each day's strongest spasm (0 on a day written down with none); unanswered entries skipped."""
    days: dict[date, int] = {}
    for entry in entries:
        if entry.had_spasm is None:
            continue
        value = (entry.severity or 0) if entry.had_spasm else 0
        days[entry.local_date] = max(days.get(entry.local_date, 0), value)
    return days


Curve = tuple[tuple[int, float], ...]  # (day since the injection, that day's strength)


def curve(cycle: Cycle, by_day: Mapping[date, int]) -> Curve:
    """Each written day of the cycle as its day since the injection and its strength, for a chart."""
    return tuple(
        ((day - cycle.injected).days, float(value))
        for day, value in sorted(by_day.items())
        if day >= cycle.injected and (cycle.ends is None or day <= cycle.ends)
    )


def cycles(
    injections: Sequence[date], by_day: Mapping[date, int], wearing_off: Sequence[date] = ()
) -> list[Cycle]:
    """One cycle per injection, oldest first; each runs until the day before the next."""
    dates = sorted(set(injections))
    result = []
    for index, injected in enumerate(dates):
        following = dates[index + 1] if index + 1 < len(dates) else None
        ends = date.fromordinal(following.toordinal() - 1) if following else None
        result.append(
            _cycle(injected, ends, by_day, wearing_off, previous=dates[index - 1] if index else None)
        )
    return result


def _cycle(
    injected: date,
    ends: date | None,
    by_day: Mapping[date, int],
    wearing_off: Sequence[date],
    previous: date | None,
) -> Cycle:
    inside = {
        (day - injected).days: value
        for day, value in by_day.items()
        if day >= injected and (ends is None or day <= ends)
    }
    before = [
        value
        for day, value in by_day.items()
        if 0 < (injected - day).days <= BASELINE_DAYS and (previous is None or day >= previous)
    ]
    first_days = [value for day, value in inside.items() if day <= 2]  # relief is rarely this early
    baseline = mean(before) if len(before) >= 3 else mean(first_days) if len(first_days) >= 2 else None
    weeks = _weekly(inside)
    best = min(weeks, key=lambda w: (weeks[w], w)) if weeks and baseline else None
    if best is not None and baseline is not None and weeks[best] > baseline * (1 - ONSET_DROP):
        best = None  # no week was clearly better than before: no relief to speak of
    said = sorted(d for d in wearing_off if d >= injected and (ends is None or d <= ends))
    wear_off = week_of((said[0] - injected).days) if said else None
    if wear_off is None and best is not None and baseline is not None:
        limit = weeks[best] + (baseline - weeks[best]) * WEAR_OFF_SHARE
        wear_off = next((w for w in sorted(weeks) if w > best and weeks[w] >= limit), None)
    return Cycle(
        injected=injected,
        ends=ends,
        days_written=len(inside),
        baseline=baseline,
        onset_day=_onset(inside, baseline) if best is not None else None,
        best_week=best,
        wear_off_week=wear_off,
        wear_off_said=bool(said),
    )


def _weekly(inside: Mapping[int, int]) -> dict[int, float]:
    grouped: dict[int, list[int]] = {}
    for day, value in inside.items():
        grouped.setdefault(week_of(day), []).append(value)
    return {week: mean(values) for week, values in grouped.items() if len(values) >= MIN_DAYS_IN_WEEK}


def _onset(inside: Mapping[int, int], baseline: float | None) -> int | None:
    """The first day a quarter below baseline from which the next written days stay there on average."""
    if baseline is None:
        return None
    days, relieved = sorted(inside), baseline * (1 - ONSET_DROP)
    for i, day in enumerate(days):
        window = [inside[d] for d in days[i : i + 3] if d - day <= 6]
        if inside[day] <= relieved and len(window) >= 2 and mean(window) <= relieved:
            return day
    return None


@dataclass(frozen=True)
class Pattern:
    """What the last few finished cycles share: "your last 3 cycles wore off around week 10"."""

    cycles: int
    onset_day: int | None
    best_week: int | None
    wear_off_week: int | None


def pattern(all_cycles: Sequence[Cycle], last: int = LAST_CYCLES) -> Pattern | None:
    """The median onset, best and wear-off over the last `last` cycles that showed them."""
    known = [c for c in all_cycles if c.best_week is not None or c.wear_off_said][-last:]
    if not known:
        return None

    def middle(values: list[int | None]) -> int | None:
        present = [v for v in values if v is not None]
        return round(median(present)) if present else None

    return Pattern(
        cycles=len(known),
        onset_day=middle([c.onset_day for c in known]),
        best_week=middle([c.best_week for c in known]),
        wear_off_week=middle([c.wear_off_week for c in known]),
    )
