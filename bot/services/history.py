"""A person's recent entries: to look at, correct (through the check-in card) or delete."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.checkin_flow import CheckinView, split, view_of
from bot.services.common import find_user, own_entry
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin, Outbox, SafetyEvent
from bot.storage.unit_of_work import unit_of_work

RECENT = 10


class HistoryService:
    def __init__(self, db: SessionFactory) -> None:
        self._db = db

    async def recent(self, telegram_id: int, limit: int = RECENT) -> list[CheckinView]:
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None:
                return []
            rows = await session.exec(
                select(Checkin)
                .where(Checkin.user_id == user.id, col(Checkin.status).in_(("done", "partial")))
                .order_by(col(Checkin.local_date).desc(), col(Checkin.id).desc())
                .limit(limit)
            )
            return [view_of(c) for c in rows]

    async def alerts(
        self, telegram_id: int, limit: int = RECENT
    ) -> list[tuple[datetime, str, tuple[str, ...]]]:
        """Recent escalations (when, in the person's own zone; level; flags), newest first."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None:
                return []
            rows = await session.exec(
                select(SafetyEvent)
                .where(SafetyEvent.user_id == user.id)
                .order_by(col(SafetyEvent.occurred_at).desc())
                .limit(limit)
            )
            zone = ZoneInfo(user.timezone or "UTC")
            return [(e.occurred_at.astimezone(zone), e.level, split(e.reasons)) for e in rows]

    async def show(self, telegram_id: int, checkin_id: int, message_id: int | None) -> CheckinView | None:
        """One of the person's own entries; its card moves to `message_id` (older copies go stale)."""
        async with unit_of_work(self._db) as session:
            checkin = await self._own(session, telegram_id, checkin_id)
            if checkin is None or checkin.status not in ("done", "partial"):
                return None
            if message_id is not None:
                checkin.message_id = message_id
            return view_of(checkin)

    async def delete(self, telegram_id: int, checkin_id: int) -> date | None:
        """Remove one of the person's own entries; the day it was for, or None if not theirs."""
        async with unit_of_work(self._db) as session:
            checkin = await self._own(session, telegram_id, checkin_id)
            if checkin is None:
                return None
            day = checkin.local_date
            await session.exec(
                update(Outbox).where(col(Outbox.checkin_id) == checkin_id).values(checkin_id=None)
            )
            for draft in await session.exec(select(Checkin).where(Checkin.amends_id == checkin_id)):
                await session.delete(draft)  # unsaved changes to it go with it
            await session.delete(checkin)
            return day

    @staticmethod
    async def _own(session: AsyncSession, telegram_id: int, checkin_id: int) -> Checkin | None:
        return await own_entry(session, telegram_id, checkin_id)
