"""The optional daily reminder to take one's medicines, and the one tap that says "taken"."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from bot.domain.clock import Clock
from bot.domain.schedule import local_today, next_occurrence
from bot.services.common import find_user, is_set_up
from bot.services.treatment_queries import MEDICINE, medicines_of
from bot.storage.db import SessionFactory
from bot.storage.models import Treatment, TreatmentEvent
from bot.storage.unit_of_work import unit_of_work

TAKEN = "taken"


class MedicineReminders:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def set_time(self, telegram_id: int, minute: int | None) -> datetime | None:
        """Remind every day at `minute` (local), or never (None); when it comes next."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.timezone is None:
                return None
            user.medicine_minute = minute
            due = None if minute is None else next_occurrence(self._now(), minute, user.timezone)[1]
            user.next_medicine_at = due
            return due

    async def untaken(self, telegram_id: int) -> list[Treatment]:
        """The medicines the person takes now that are not yet marked taken today."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or user.id is None or user.timezone is None:
                return []
            today = local_today(self._now(), user.timezone)
            medicines = await medicines_of(session, user.id, current=True)
            taken = select(TreatmentEvent.treatment_id).where(
                TreatmentEvent.user_id == user.id,
                TreatmentEvent.kind == TAKEN,
                TreatmentEvent.local_date == today,
            )
            done = set((await session.exec(taken)).all())
            return [m for m in medicines if m.id not in done]

    async def taken(self, telegram_id: int, treatment_id: int) -> Treatment | None:
        """Marked taken today (once); None when it is not a medicine this person takes."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            medicine = await session.get(Treatment, treatment_id)
            if user is None or user.timezone is None or medicine is None or medicine.user_id != user.id:
                return None
            if medicine.kind != MEDICINE or medicine.stopped_on is not None:
                return None
            today = local_today(self._now(), user.timezone)
            query = select(TreatmentEvent.id).where(
                TreatmentEvent.treatment_id == treatment_id, TreatmentEvent.kind == TAKEN,
                TreatmentEvent.local_date == today,
            )  # fmt: skip
            if (await session.exec(query)).first() is None:
                session.add(
                    TreatmentEvent(user_id=user.id, treatment_id=treatment_id, kind=TAKEN, local_date=today)
                )
            return medicine
