"""Counts for the operators' /stats: how many, never who or what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.clock import Clock
from bot.domain.slots import DAILY
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin, SafetyEvent, User
from bot.storage.unit_of_work import unit_of_work

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Stats:
    people: int
    active_week: int
    checkins: int
    checkins_week: int
    escalations: int
    escalations_week: int


class StatsService:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def counts(self) -> Stats:
        """Active this week: a check-in or episode started or answered (typed, tapped or written
        in words), or a red-flag message, in the last 7 days. Incoming messages themselves are
        not used: the inbox keeps them only 3 days."""
        since = self._now() - WEEK
        answered = (col(Checkin.kind).in_(DAILY), Checkin.status == "done")
        diary = select(Checkin.user_id).where(
            or_(col(Checkin.created_at) >= since, col(Checkin.completed_at) >= since)
        )
        alarms = select(SafetyEvent.user_id).where(col(SafetyEvent.occurred_at) >= since)
        async with unit_of_work(self._db) as session:
            return Stats(
                people=await _count(session, User),
                active_week=await _count(
                    session, User, or_(col(User.id).in_(diary), col(User.id).in_(alarms))
                ),
                checkins=await _count(session, Checkin, *answered),
                checkins_week=await _count(session, Checkin, *answered, col(Checkin.completed_at) >= since),
                escalations=await _count(session, SafetyEvent),
                escalations_week=await _count(session, SafetyEvent, col(SafetyEvent.occurred_at) >= since),
            )


async def _count(session: AsyncSession, model: Any, *where: Any) -> int:
    query = select(func.count()).select_from(model).where(*where)
    return int((await session.exec(query)).one())
