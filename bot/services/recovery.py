"""The recovery after an operation: which checkpoint the check-in asks about, and the answers."""

from __future__ import annotations

from sqlmodel import col, select

from bot.domain.clock import Clock
from bot.domain.recovery import recovery_due
from bot.domain.schedule import local_today
from bot.services.common import find_user, is_set_up
from bot.storage.db import SessionFactory
from bot.storage.models import Treatment, TreatmentEvent
from bot.storage.unit_of_work import unit_of_work

RECOVERY = "recovery"
ANSWERS = ("ok", "hearing", "weakness")


class RecoveryService:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def due(self, telegram_id: int) -> tuple[int, int] | None:
        """(the operation's id, the checkpoint day) when the check-in should ask; else None."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or not is_set_up(user) or user.id is None or user.timezone is None:
                return None
            query = select(Treatment).where(Treatment.user_id == user.id, Treatment.kind == "surgery")
            surgery = (await session.exec(query.order_by(col(Treatment.started_on).desc()))).first()
            if surgery is None or surgery.id is None:
                return None
            asked = select(TreatmentEvent.value).where(
                TreatmentEvent.treatment_id == surgery.id, TreatmentEvent.kind == RECOVERY
            )
            answered = {v for v in (await session.exec(asked)).all() if v is not None}
            checkpoint = recovery_due(surgery.started_on, local_today(self._now(), user.timezone), answered)
            return (surgery.id, checkpoint) if checkpoint is not None else None

    async def answer(self, telegram_id: int, surgery_id: int, checkpoint: int, answer: str) -> bool:
        """Kept once per checkpoint; False for an operation that is not this person's."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            surgery = await session.get(Treatment, surgery_id)
            if user is None or user.timezone is None or surgery is None or surgery.user_id != user.id:
                return False
            if surgery.kind != "surgery" or answer not in ANSWERS:
                return False
            query = select(TreatmentEvent.id).where(
                TreatmentEvent.treatment_id == surgery_id, TreatmentEvent.kind == RECOVERY,
                TreatmentEvent.value == checkpoint,
            )  # fmt: skip
            if (await session.exec(query)).first() is None:
                today = local_today(self._now(), user.timezone)
                event = TreatmentEvent(
                    user_id=user.id, treatment_id=surgery_id, kind=RECOVERY, local_date=today
                )
                event.value, event.detail = checkpoint, answer
                session.add(event)
            return True
