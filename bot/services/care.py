"""When the diary itself says "see a doctor soon": patterns in what a person recorded, weekly at most."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.checkin_flow import split
from bot.storage.models import Checkin, SafetyEvent, User

CARE_GAP = timedelta(days=7)
LOOKBACK_DAYS = 42
Signs = Callable[[str], tuple[str, ...]]  # urgent signs in a text, e.g. from the triage rules


def _window(entries: Sequence[Checkin], today: date, first: int, last: int) -> list[Checkin]:
    """Entries from `first` to `last` days ago, inclusive."""
    return [
        e for e in entries if today - timedelta(days=first) <= e.local_date <= today - timedelta(days=last)
    ]


def _spasm_days(entries: Sequence[Checkin]) -> int:
    return len({e.local_date for e in entries if e.had_spasm})


def _mean_severity(entries: Sequence[Checkin]) -> float | None:
    values = [e.severity for e in entries if e.had_spasm and e.severity is not None]
    return sum(values) / len(values) if values else None


def reasons_in(entries: Sequence[Checkin], today: date, signs: Signs) -> list[str]:
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
    if any(e.note and "weak_or_stiff" in signs(e.note) for e in last_week):
        reasons.append("weak_or_stiff")
    return reasons


async def care_due(session: AsyncSession, user: User, today: date, now: datetime, signs: Signs) -> list[str]:
    """Reasons to see a doctor soon, if any and if none were given this past week; recorded when given."""
    assert user.id is not None
    if user.last_care_at is not None and now - user.last_care_at < CARE_GAP:
        return []
    query = select(Checkin).where(
        Checkin.user_id == user.id,
        col(Checkin.status).in_(("done", "partial")),
        col(Checkin.local_date) >= today - timedelta(days=LOOKBACK_DAYS),
    )
    entries = list(await session.exec(query))
    reasons = reasons_in(entries, today, signs)
    events = await session.exec(
        select(SafetyEvent).where(
            SafetyEvent.user_id == user.id,
            SafetyEvent.level == "urgent",
            SafetyEvent.source == "text",
            col(SafetyEvent.occurred_at) >= now - timedelta(days=7),
        )
    )
    if "weak_or_stiff" not in reasons and any("weak_or_stiff" in split(e.reasons) for e in events):
        reasons.append("weak_or_stiff")
    if reasons:
        user.last_care_at = now
        session.add(
            SafetyEvent(
                user_id=user.id, occurred_at=now, level="urgent", reasons=",".join(reasons), source="diary"
            )
        )
    return reasons
