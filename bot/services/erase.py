"""/delete: every row about a person, in every table, gone in one transaction."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete
from sqlmodel import col, select

from bot.services.common import find_user
from bot.storage.db import SessionFactory
from bot.storage.models import (
    Checkin,
    EmergencyReply,
    InboxUpdate,
    Outbox,
    SafetyEvent,
    Treatment,
    TreatmentEvent,
    User,
)
from bot.storage.unit_of_work import unit_of_work


class EraseService:
    def __init__(self, db: SessionFactory, forget: Callable[[int], None]) -> None:
        self._db = db
        self._forget = forget  # what is held in memory about the person, too

    async def erase(self, telegram_id: int) -> bool:
        """Remove the person's settings, entries, notes, safety events, outbox and inbox rows.
        False when there was nothing stored but incoming messages (those are removed all the same)."""
        self._forget(telegram_id)
        async with unit_of_work(self._db) as session:
            await session.exec(delete(InboxUpdate).where(col(InboxUpdate.sender_id) == telegram_id))
            await session.exec(delete(EmergencyReply).where(col(EmergencyReply.sender_id) == telegram_id))
            # Outbox rows before the user row is locked: the sender locks in that order too
            # (a claimed row, then its user), so the two never wait for each other in a circle.
            person = select(User.id).where(User.telegram_id == telegram_id).scalar_subquery()
            await session.exec(delete(Outbox).where(col(Outbox.user_id) == person))
            user = await find_user(session, telegram_id, lock=True)
            if user is None:
                return False
            # Children first: outbox rows point at check-ins, and everything points at the user.
            for model in (Outbox, SafetyEvent, TreatmentEvent, Treatment, Checkin):
                await session.exec(delete(model).where(col(model.user_id) == user.id))
            await session.exec(delete(User).where(col(User.id) == user.id))
            return True

    async def forget_update(self, update_id: int) -> None:
        """An update from a group or channel: not kept even until the inbox purge."""
        async with unit_of_work(self._db) as session:
            await session.exec(delete(InboxUpdate).where(col(InboxUpdate.update_id) == update_id))
