"""When the diary itself says "see a doctor soon": weekly at most, recorded as a safety event."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.care import CARE_GAP, LOOKBACK_DAYS, Signs, reasons_in
from bot.domain.checkin_flow import split
from bot.storage.models import Checkin, SafetyEvent, User


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
