"""A treatment typed as a line ("started clonazepam 0.5 mg yesterday"): checked, shown back, and
saved only on Save. A medicine's dose change and stop are added to it, never written over it."""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass
from datetime import date
from enum import Enum

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.checkin_flow import joined_places, joined_sides
from bot.domain.clock import Clock
from bot.domain.days import resolve
from bot.domain.schedule import local_today
from bot.language.report_days import TODAY
from bot.language.treatment_reader import TreatmentLine, TreatmentReader
from bot.services.common import find_user, is_set_up
from bot.services.languages import ByLanguage
from bot.services.treatment_queries import MEDICINE, schedule_booking
from bot.storage.db import SessionFactory
from bot.storage.models import Treatment, TreatmentEvent, User
from bot.storage.unit_of_work import unit_of_work


class DraftOutcome(Enum):
    SHOWN = "shown"  # kept as a draft, shown back for Save
    SAVED = "saved"
    FUTURE = "future"
    SAME_DAY = "same_day"  # an injection that day is saved already
    NOT_FOUND = "not_found"  # a dose change or stop for a medicine not in the diary
    STOP_BEFORE_START = "stop_before_start"
    NO_DRAFT = "no_draft"  # Save tapped on a draft already saved or dropped
    NOT_SET_UP = "not_set_up"
    DAY_UNCLEAR = "day_unclear"  # "last week": which day is not clear, so nothing is assumed
    NO_INJECTION = "no_injection"  # a side effect with no injection before it in the diary


@dataclass(frozen=True)
class Draft:
    kind: str  # injection, medicine, dose, stop, surgery
    day: date
    name: str | None = None
    dose: float | None = None
    unit: str | None = None
    dose_unreadable: bool = False
    token: str = ""
    places: str | None = None  # an injection's, as stored: "eyelid,cheek"
    sides: str | None = (
        None  # and "eyelid:left"  # on its Save and Cancel buttons: an older card never saves a newer draft
    )


@dataclass(frozen=True)
class DraftResult:
    outcome: DraftOutcome
    draft: Draft | None = None
    started: date | None = None  # the medicine's start (a stop before it), or the injection's


class TreatmentDrafts:
    def __init__(self, db: SessionFactory, clock: Clock, readers: ByLanguage[TreatmentReader]) -> None:
        self._db = db
        self._now = clock
        self._readers = readers

    @property
    def _reader(self) -> TreatmentReader:
        """Typed lines are read with the words of the person's language."""
        return self._readers.get()

    def injection_told_with_report(self, text: str) -> bool:
        """A line that tells of an injection and of spasms too: the check-in takes it, and the
        person is told the injection was not recorded from it."""
        line = self._reader.read(text)
        return line is not None and line.kind == "injection" and line.with_report

    async def propose_text(
        self, telegram_id: int, text: str, kinds: tuple[str, ...] | None = None
    ) -> DraftResult | None:
        """A typed line that tells of a treatment (of one of these kinds), checked and kept as a
        draft; None for any other line."""
        line = self._reader.read(text)
        if line is None or (kinds is not None and (line.kind not in kinds or line.with_report)):
            return None  # a line that tells of spasms too is a check-in's first
        return await self.propose(telegram_id, line)

    async def propose(self, telegram_id: int, line: TreatmentLine) -> DraftResult:
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.timezone is None:
                return DraftResult(DraftOutcome.NOT_SET_UP)
            today = local_today(self._now(), user.timezone)
            if line.day is None:
                return DraftResult(DraftOutcome.DAY_UNCLEAR)
            day = today if line.day == TODAY else resolve(line.day, today)
            if day == "future" or day is None or day > today:
                return DraftResult(DraftOutcome.FUTURE)
            token = f"{secrets.randbelow(10**8):08d}"
            draft = Draft(
                line.kind, day, line.name, line.dose, line.unit, line.dose_unreadable, token,
                joined_places(line.places), joined_sides(line.sides),
            )  # fmt: skip
            problem = await _problem(session, user, draft)
            if problem is not None:
                return problem
            user.treatment_draft = json.dumps({**asdict(draft), "day": day.isoformat()})
            assert user.id is not None  # _problem looked the person's treatments up by it
            injection = (
                await _injection_before(session, user.id, day) if draft.kind == "side_effect" else None
            )
            return DraftResult(DraftOutcome.SHOWN, draft, injection.started_on if injection else None)

    async def save(self, telegram_id: int, token: str) -> DraftResult:
        """The draft shown, saved as it was shown (checked again: the diary may have changed)."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.id is None:
                return DraftResult(DraftOutcome.NOT_SET_UP)
            raw = json.loads(user.treatment_draft) if user.treatment_draft else {}
            if raw.get("token") != token:
                return DraftResult(DraftOutcome.NO_DRAFT)
            draft = Draft(**{**raw, "day": date.fromisoformat(raw["day"])})
            user.treatment_draft = None
            problem = await _problem(session, user, draft)
            if problem is not None:
                return problem
            if draft.kind == "side_effect":
                injection = await _injection_before(session, user.id, draft.day)
                assert injection is not None and injection.id is not None  # _problem checked
                session.add(
                    TreatmentEvent(user_id=user.id, treatment_id=injection.id, kind="side_effect",
                                   local_date=draft.day, detail=draft.name)
                )  # fmt: skip
                return DraftResult(DraftOutcome.SAVED, draft, injection.started_on)
            if draft.kind in ("dose", "stop"):
                medicine = await _medicine(session, user.id, draft.name or "")
                assert medicine is not None and medicine.id is not None  # _problem checked
                session.add(
                    TreatmentEvent(user_id=user.id, treatment_id=medicine.id, kind=draft.kind,
                                   local_date=draft.day, dose=draft.dose, unit=draft.unit)
                )  # fmt: skip
                if draft.kind == "stop":
                    medicine.stopped_on = draft.day
            else:
                kind = MEDICINE if draft.kind == "medicine" else draft.kind
                session.add(
                    Treatment(user_id=user.id, kind=kind, started_on=draft.day, name=draft.name,
                              dose=draft.dose, unit=draft.unit, places=draft.places, sides=draft.sides)
                )  # fmt: skip
                if kind == "injection":
                    latest = await _injection_before(session, user.id, date.max)
                    newest = max(draft.day, latest.started_on) if latest else draft.day
                    schedule_booking(user, newest, self._now())
            return DraftResult(DraftOutcome.SAVED, draft)

    async def drop(self, telegram_id: int, token: str) -> bool:
        """Cancel: this card's draft is gone and nothing was saved; False when it was not current."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if (
                user is None
                or not user.treatment_draft
                or json.loads(user.treatment_draft).get("token") != token
            ):
                return False
            user.treatment_draft = None
            return True


async def _problem(session: AsyncSession, user: User, draft: Draft) -> DraftResult | None:
    assert user.id is not None
    if draft.kind == "side_effect" and await _injection_before(session, user.id, draft.day) is None:
        return DraftResult(DraftOutcome.NO_INJECTION, draft)
    if draft.kind == "injection":
        query = select(Treatment.id).where(
            Treatment.user_id == user.id, Treatment.kind == "injection", Treatment.started_on == draft.day
        )
        if (await session.exec(query)).first() is not None:
            return DraftResult(DraftOutcome.SAME_DAY, draft)
    if draft.kind in ("dose", "stop"):
        medicine = await _medicine(session, user.id, draft.name or "")
        if medicine is None:
            return DraftResult(DraftOutcome.NOT_FOUND, draft)
        if draft.day < medicine.started_on:
            return DraftResult(DraftOutcome.STOP_BEFORE_START, draft, medicine.started_on)
    return None


async def _medicine(session: AsyncSession, user_id: int, name: str) -> Treatment | None:
    """The person's medicine of this name still taken (the latest started)."""
    query = select(Treatment).where(
        Treatment.user_id == user_id,
        Treatment.kind == MEDICINE,
        col(Treatment.stopped_on).is_(None),
        col(Treatment.name) == name.lower(),
    )
    return (await session.exec(query.order_by(col(Treatment.started_on).desc()))).first()


async def _injection_before(session: AsyncSession, user_id: int, day: date) -> Treatment | None:
    """The last injection on or before this day: the one a side effect belongs to."""
    query = select(Treatment).where(
        Treatment.user_id == user_id, Treatment.kind == "injection", col(Treatment.started_on) <= day
    )
    return (await session.exec(query.order_by(col(Treatment.started_on).desc()))).first()
