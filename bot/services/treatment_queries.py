"""The queries and small rules /treatment's service is built from: a person's injections, other
treatments and events, a medicine's current dose, and when to remind to book."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.schedule import occurrence
from bot.storage.models import Treatment, TreatmentEvent, User

INJECTION = "injection"
MEDICINE = "medicine"


@dataclass(frozen=True)
class Medicine:
    name: str
    since: date
    dose: float | None
    unit: str | None
    dose_since: date | None = None  # the last change, when there was one


async def injections_of(session: AsyncSession, user_id: int) -> list[Treatment]:
    query = select(Treatment).where(Treatment.user_id == user_id, Treatment.kind == INJECTION)
    return list((await session.exec(query.order_by(col(Treatment.started_on)))).all())


async def events_of(
    session: AsyncSession, treatment_ids: list[int | None], *kinds: str
) -> list[TreatmentEvent]:
    query = select(TreatmentEvent).where(
        col(TreatmentEvent.treatment_id).in_(treatment_ids), col(TreatmentEvent.kind).in_(kinds)
    )
    return list((await session.exec(query.order_by(col(TreatmentEvent.local_date)))).all())


async def others_of(session: AsyncSession, user_id: int) -> list[Treatment]:
    query = select(Treatment).where(Treatment.user_id == user_id, Treatment.kind != INJECTION)
    return list((await session.exec(query.order_by(col(Treatment.started_on)))).all())


async def medicines_of(session: AsyncSession, user_id: int, *, current: bool = False) -> list[Treatment]:
    """The person's medicines, oldest first; `current`: only those still taken."""
    query = select(Treatment).where(Treatment.user_id == user_id, Treatment.kind == MEDICINE)
    if current:
        query = query.where(col(Treatment.stopped_on).is_(None))
    return list((await session.exec(query.order_by(col(Treatment.started_on)))).all())


def current_dose(medicine: Treatment, changes: list[TreatmentEvent]) -> Medicine:
    """The dose now: the last change, or the one it was started on."""
    last = changes[-1] if changes else None
    return Medicine(
        name=medicine.name or "",
        since=medicine.started_on,
        dose=last.dose if last else medicine.dose,
        unit=last.unit if last else medicine.unit,
        dose_since=last.local_date if last else None,
    )


def schedule_booking(user: User, injected: date | None, now: datetime) -> None:
    """The reminder to book comes `booking_weeks` after the last injection, at check-in time."""
    user.next_booking_at = None
    if user.booking_weeks is None or injected is None or user.timezone is None or user.checkin_minute is None:
        return
    day = injected + timedelta(weeks=user.booking_weeks)
    due = occurrence(day, user.checkin_minute, ZoneInfo(user.timezone))
    user.next_booking_at = due if due > now else None
