"""/treatment: botulinum toxin injections and the cycle each starts, as the person lives it.
A treatment is shown back before it is saved; a saved one is only ever added to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from zoneinfo import ZoneInfo

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.checkin_flow import joined_places, joined_sides
from bot.domain.clock import Clock
from bot.domain.cycle_questions import SCORE_KINDS, Answer, CycleAsk, Score, cycle_ask, scores_around
from bot.domain.cycles import Curve, Cycle, Pattern, curve, cycles, day_of_cycle, pattern, strengths
from bot.domain.schedule import local_today
from bot.services.common import find_user, is_set_up
from bot.services.treatment_queries import (
    INJECTION,
    Medicine,
    current_dose,
    events_of,
    injections_of,
    others_of,
    schedule_booking,
)
from bot.services.treatment_scores import cycle_scores
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin, Treatment, TreatmentEvent, User
from bot.storage.unit_of_work import unit_of_work

WEARING_OFF = "wearing_off"
CYCLE_ANSWERS = ("started", "effect")
CYCLES_SHOWN = 4  # the charts and the report overlay at most this many


class Outcome(Enum):
    SAVED = "saved"
    FUTURE = "future"  # an injection cannot be recorded before it happened
    SAME_DAY = "same_day"  # one injection a day: the one already saved stays
    NOT_SET_UP = "not_set_up"
    NO_INJECTION = "no_injection"  # "wearing off" with no injection to belong to
    ALREADY_SAID = "already_said"  # "wearing off" was tapped before in this cycle
    STALE = "stale"  # a question about an injection that is no longer the last one


@dataclass(frozen=True)
class Overview:
    """What /treatment shows: the current cycle and what past cycles had in common."""

    today: date
    injection: Treatment | None = None
    cycle_day: int | None = None
    wearing_off_since: date | None = None
    pattern: Pattern | None = None
    past: list[Cycle] = field(default_factory=list)
    medicines: list[Medicine] = field(default_factory=list)  # still taken
    surgeries: list[Treatment] = field(default_factory=list)
    side_effects: list[tuple[date, str]] = field(default_factory=list)  # this cycle's: day, effect id
    score_before: Score = (None, None)  # just before the injection
    score_after: Score = (None, None)  # 4-6 weeks after it
    booking_weeks: int | None = None  # the reminder to book the next injection, weeks after one
    zone: str = "UTC"  # the person's time zone, for the days shown
    medicine_minute: int | None = None  # the daily reminder to take medicines
    series: tuple[tuple[date, Curve], ...] = ()  # the cycles shown, for the overlay chart


@dataclass(frozen=True)
class TreatmentResult:
    outcome: Outcome
    day: date | None = None
    overview: Overview | None = None


class TreatmentService:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def today(self, telegram_id: int) -> date | None:
        """The person's own today, or None before they have set up."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            return self._today(user) if user is not None and is_set_up(user) else None

    async def record_injection(
        self,
        telegram_id: int,
        day: date,
        name: str | None = None,
        dose: float | None = None,
        unit: str | None = None,
        places: Sequence[str] = (),
        sides: Sequence[tuple[str, str]] = (),  # (place, side) for the places whose side was given
    ) -> TreatmentResult:
        """Saved after the person saw it and tapped Save; never a day to come, never two a day."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.id is None:
                return TreatmentResult(Outcome.NOT_SET_UP)
            today = self._today(user)
            if day > today:
                return TreatmentResult(Outcome.FUTURE, day)
            if any(t.started_on == day for t in await injections_of(session, user.id)):
                return TreatmentResult(Outcome.SAME_DAY, day, await self._overview(session, user))
            session.add(
                Treatment(user_id=user.id, kind=INJECTION, started_on=day, name=name, dose=dose, unit=unit,
                          places=joined_places(places), sides=joined_sides(sides))
            )  # fmt: skip
            latest = max([day, *(t.started_on for t in await injections_of(session, user.id))])
            schedule_booking(user, latest, self._now())
            await session.flush()
            return TreatmentResult(Outcome.SAVED, day, await self._overview(session, user))

    async def wearing_off(self, telegram_id: int) -> TreatmentResult:
        """One tap: the last injection's effect is fading, from today. Said once per cycle."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.id is None:
                return TreatmentResult(Outcome.NOT_SET_UP)
            injections = await injections_of(session, user.id)
            if not injections:
                return TreatmentResult(Outcome.NO_INJECTION)
            last = injections[-1]
            assert last.id is not None
            said = await events_of(session, [last.id], WEARING_OFF)
            if said:
                return TreatmentResult(
                    Outcome.ALREADY_SAID, said[0].local_date, await self._overview(session, user)
                )
            today = self._today(user)
            session.add(
                TreatmentEvent(user_id=user.id, treatment_id=last.id, kind=WEARING_OFF, local_date=today)
            )
            await session.flush()
            return TreatmentResult(Outcome.SAVED, today, await self._overview(session, user))

    async def cycle_ask(self, telegram_id: int) -> tuple[int, CycleAsk] | None:
        """The injection framing today's check-in, and what to add to it (a question, the one-tap
        "it's wearing off"); None when there is nothing to add."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or not is_set_up(user) or user.id is None:
                return None
            injections = await injections_of(session, user.id)
            if not injections or injections[-1].id is None:
                return None
            last = injections[-1]
            assert last.id is not None
            answers = await events_of(session, [last.id], *CYCLE_ANSWERS, *SCORE_KINDS)
            said = await events_of(session, [last.id], WEARING_OFF)
            found = cycle_ask(
                last.started_on,
                self._today(user),
                [Answer(e.kind, e.local_date, e.value) for e in answers],
                bool(said),
            )
            if found is None or (found.question is None and not found.offer_wearing_off):
                return None
            return last.id, found

    async def answer_cycle(
        self, telegram_id: int, treatment_id: int, kind: str, value: int
    ) -> TreatmentResult:
        """An answer to the check-in's injection question: kept once a day, for the last injection."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.id is None:
                return TreatmentResult(Outcome.NOT_SET_UP)
            injections = await injections_of(session, user.id)
            if (
                not injections
                or injections[-1].id != treatment_id
                or kind not in (*CYCLE_ANSWERS, *SCORE_KINDS)
            ):
                return TreatmentResult(Outcome.STALE)
            today = self._today(user)
            same = (kind,) if kind in SCORE_KINDS else CYCLE_ANSWERS  # one answer a day; each score once
            if any(e.local_date == today for e in await events_of(session, [treatment_id], *same)):
                return TreatmentResult(Outcome.ALREADY_SAID, today, await self._overview(session, user))
            session.add(
                TreatmentEvent(
                    user_id=user.id, treatment_id=treatment_id, kind=kind, local_date=today, value=value
                )
            )
            await session.flush()
            return TreatmentResult(Outcome.SAVED, today, await self._overview(session, user))

    async def record_side_effect(self, telegram_id: int, treatment_id: int, effect: str) -> TreatmentResult:
        """A side effect tapped after the person's last injection: kept once a day."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.id is None:
                return TreatmentResult(Outcome.NOT_SET_UP)
            injections = await injections_of(session, user.id)
            if not injections or injections[-1].id != treatment_id:
                return TreatmentResult(Outcome.STALE)
            today = self._today(user)
            noted = await events_of(session, [treatment_id], "side_effect")
            if any(e.local_date == today and effect in (e.detail or "").split(",") for e in noted):
                return TreatmentResult(Outcome.ALREADY_SAID, today)
            event = TreatmentEvent(
                user_id=user.id, treatment_id=treatment_id, kind="side_effect", local_date=today
            )
            event.detail = effect
            session.add(event)
            return TreatmentResult(Outcome.SAVED, today)

    async def set_booking(self, telegram_id: int, weeks: int | None) -> date | None:
        """Remind to book the next injection `weeks` after each one (None: off); the person's own
        day it comes next, or None when it is off or waits for an injection."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.id is None or user.timezone is None:
                return None
            user.booking_weeks = weeks
            injections = await injections_of(session, user.id)
            schedule_booking(user, injections[-1].started_on if injections else None, self._now())
            due = user.next_booking_at
            return due.astimezone(ZoneInfo(user.timezone)).date() if due is not None else None

    async def pattern(self, telegram_id: int) -> Pattern | None:
        """What the person's finished injection cycles share, for an answer's personal line."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or not is_set_up(user) or user.id is None:
                return None
            injections = await injections_of(session, user.id)
            if not injections:
                return None
            all_cycles, _ = await _cycles(session, user.id, injections)
            return pattern(all_cycles[:-1])

    async def overview(self, telegram_id: int) -> Overview | None:
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or not is_set_up(user):
                return None
            return await self._overview(session, user)

    async def _overview(self, session: AsyncSession, user: User) -> Overview:
        assert user.id is not None
        today = self._today(user)
        injections = await injections_of(session, user.id)
        others = await others_of(session, user.id)
        medicines = [m for m in others if m.kind == "medicine" and m.stopped_on is None]
        doses = await events_of(session, [m.id for m in medicines], "dose")
        taken = [current_dose(m, [d for d in doses if d.treatment_id == m.id]) for m in medicines]
        surgeries = [s for s in others if s.kind == "surgery"]
        if not injections:
            return Overview(
                today,
                medicines=taken,
                surgeries=surgeries,
                booking_weeks=user.booking_weeks,
                medicine_minute=user.medicine_minute,
                zone=user.timezone or "UTC",
            )
        all_cycles, by_day = await _cycles(session, user.id, injections)
        last = injections[-1]
        fading = [e.local_date for e in await events_of(session, [last.id], WEARING_OFF)]
        noted = await events_of(session, [last.id], "side_effect")
        scores = await events_of(session, [last.id], *SCORE_KINDS)
        before, after = scores_around(last.started_on, cycle_scores(scores))
        effects = [(e.local_date, effect) for e in noted for effect in (e.detail or "").split(",") if effect]
        return Overview(
            today=today,
            injection=last,
            cycle_day=day_of_cycle(last.started_on, today),
            wearing_off_since=fading[0] if fading else None,
            pattern=pattern(all_cycles[:-1]),  # finished cycles only
            past=all_cycles[-CYCLES_SHOWN:],
            medicines=taken,
            surgeries=surgeries,
            side_effects=effects,
            score_before=before,
            score_after=after,
            booking_weeks=user.booking_weeks,
            zone=user.timezone or "UTC",
            medicine_minute=user.medicine_minute,
            series=tuple((c.injected, curve(c, by_day)) for c in all_cycles[-CYCLES_SHOWN:]),
        )

    def _today(self, user: User) -> date:
        assert user.timezone is not None
        return local_today(self._now(), user.timezone)


async def _cycles(
    session: AsyncSession, user_id: int, injections: list[Treatment]
) -> tuple[list[Cycle], dict[date, int]]:
    """Every injection's cycle worked out from the diary, and the strengths by day it came from."""
    said = await events_of(session, [t.id for t in injections], WEARING_OFF)
    entries = (await session.exec(select(Checkin).where(Checkin.user_id == user_id))).all()
    by_day = strengths(entries)
    return cycles([t.started_on for t in injections], by_day, [e.local_date for e in said]), by_day
