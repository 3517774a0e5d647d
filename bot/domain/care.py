"""When the diary itself says "see a doctor soon": the patterns in what a person recorded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from bot.domain.checkin_flow import split
from bot.domain.entry import Entry
from bot.domain.notes import notes_of

CARE_GAP = timedelta(days=7)
LOOKBACK_DAYS = 42
Signs = Callable[[str], tuple[str, ...]]  # urgent signs in a text, e.g. from the triage rules


def _window(entries: Sequence[Entry], today: date, first: int, last: int) -> list[Entry]:
    """Entries from `first` to `last` days ago, inclusive."""
    return [
        e for e in entries if today - timedelta(days=first) <= e.local_date <= today - timedelta(days=last)
    ]


def _spasm_days(entries: Sequence[Entry]) -> int:
    return len({e.local_date for e in entries if e.had_spasm})


def _mean_severity(entries: Sequence[Entry]) -> float | None:
    values = [e.severity for e in entries if e.had_spasm and e.severity is not None]
    return sum(values) / len(values) if values else None


def reasons_in(entries: Sequence[Entry], today: date, signs: Signs) -> list[str]:
    """The care reasons the stored entries support (answered entries only)."""
    reasons = []
    # Spasms on most days (4 or more of 7) in each of the last two weeks.
    if _spasm_days(_window(entries, today, 13, 7)) >= 4 and _spasm_days(_window(entries, today, 6, 0)) >= 4:
        reasons.append("most_days")
    # Average strength rising week on week for three weeks, by a point or more overall.
    weeks = [_mean_severity(_window(entries, today, 20 - 7 * i, 14 - 7 * i)) for i in range(3)]
    if None not in weeks:
        a, b, c = (w or 0.0 for w in weeks)
        if a < b < c and c - a >= 1.0:
            reasons.append("severity_up")
    # Places in the last two weeks that the four weeks before never had, from enough history.
    recent = {loc for e in _window(entries, today, 13, 0) if e.had_spasm for loc in split(e.locations)}
    earlier_entries = [e for e in _window(entries, today, LOOKBACK_DAYS - 1, 14) if e.had_spasm]
    earlier = {loc for e in earlier_entries for loc in split(e.locations)}
    if len(earlier_entries) >= 2 and recent - earlier and len(recent) > len(earlier):
        reasons.append("new_areas")
    last_week = _window(entries, today, 6, 0)
    if any("medication" in split(e.triggers) for e in last_week):
        reasons.append("medication")
    if any("weak_or_stiff" in signs(n.text) for e in last_week for n in notes_of(e.notes)):
        reasons.append("weak_or_stiff")
    return reasons
