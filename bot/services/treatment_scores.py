"""The self-rated score's starting point: once a person records their first treatment, the two
questions (in the way, how often; 0-4) as things are now, unless the score just before an
injection is asked instead. Later scores (before and 4-6 weeks after each injection) are set
beside it in /treatment and the report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.clock import Clock
from bot.domain.cycle_questions import SCORE_KINDS, SCORED_BEFORE_DAYS, Answer, Score
from bot.domain.schedule import local_today
from bot.services.common import find_user, is_set_up
from bot.services.treatment_queries import events_of, injections_of
from bot.storage.db import SessionFactory
from bot.storage.models import Treatment, TreatmentEvent, User
from bot.storage.unit_of_work import unit_of_work

START = "start"  # the detail that marks a starting score's answers

When = Literal["before", "start"]


@dataclass(frozen=True)
class ScoreDue:
    treatment_id: int
    when: When


@dataclass(frozen=True)
class StartScore:
    day: date
    score: Score


class ScoreService:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def due(self, telegram_id: int) -> ScoreDue | None:
        """Right after a treatment is saved: the score before an injection of today or yesterday,
        else a starting score when the person has never given one."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or not is_set_up(user) or user.id is None or user.timezone is None:
                return None
            today = local_today(self._now(), user.timezone)
            injections = await injections_of(session, user.id)
            last = injections[-1] if injections else None
            if (
                last is not None
                and last.id is not None
                and (today - last.started_on).days <= SCORED_BEFORE_DAYS
            ):
                given = await events_of(session, [last.id], *SCORE_KINDS)
                if not cycle_scores(given):
                    return ScoreDue(last.id, "before")
            if await _any_score(session, user.id):
                return None
            newest = await _newest_treatment(session, user.id)
            return ScoreDue(newest.id, "start") if newest is not None and newest.id is not None else None

    async def answer_start(self, telegram_id: int, treatment_id: int, kind: str, value: int) -> bool:
        """Half of the starting score: kept once, on one of the person's own treatments."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.id is None or kind not in SCORE_KINDS:
                return False
            owned = await session.get(Treatment, treatment_id)
            if owned is None or owned.user_id != user.id or await _start_given(session, user, kind):
                return False
            assert user.timezone is not None
            today = local_today(self._now(), user.timezone)
            event = TreatmentEvent(user_id=user.id, treatment_id=treatment_id, kind=kind, local_date=today)
            event.value, event.detail = value, START
            session.add(event)
            return True

    async def start(self, telegram_id: int) -> StartScore | None:
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or user.id is None:
                return None
            return start_of(await _start_events(session, user.id))


def cycle_scores(events: list[TreatmentEvent]) -> list[Answer]:
    """The score answers about an injection (before it, 4-6 weeks after): a starting score is its own."""
    return [
        Answer(e.kind, e.local_date, e.value) for e in events if e.kind in SCORE_KINDS and e.detail != START
    ]


def start_of(events: list[TreatmentEvent]) -> StartScore | None:
    """The starting score from its answers (the first of each kind), or None before any."""
    first = {e.kind: e for e in reversed(events)}
    if not first:
        return None
    day = min(e.local_date for e in first.values())
    values = tuple(first[k].value if k in first else None for k in SCORE_KINDS)
    return StartScore(day, (values[0], values[1]))


async def _start_events(session: AsyncSession, user_id: int) -> list[TreatmentEvent]:
    query = select(TreatmentEvent).where(
        TreatmentEvent.user_id == user_id, TreatmentEvent.detail == START,
        col(TreatmentEvent.kind).in_(SCORE_KINDS),
    )  # fmt: skip
    return list((await session.exec(query.order_by(col(TreatmentEvent.id)))).all())


async def _start_given(session: AsyncSession, user: User, kind: str) -> bool:
    assert user.id is not None
    return any(e.kind == kind for e in await _start_events(session, user.id))


async def _any_score(session: AsyncSession, user_id: int) -> bool:
    query = select(TreatmentEvent.id).where(
        TreatmentEvent.user_id == user_id, col(TreatmentEvent.kind).in_(SCORE_KINDS)
    )
    return (await session.exec(query.limit(1))).first() is not None


async def _newest_treatment(session: AsyncSession, user_id: int) -> Treatment | None:
    query = select(Treatment).where(Treatment.user_id == user_id).order_by(col(Treatment.id).desc())
    return (await session.exec(query.limit(1))).first()
