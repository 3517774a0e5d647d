"""What the Mini App shows and changes: a person's own diary over a span of days, and a note added
to one of their entries. Through the same rules as the chat (notes: `save_note`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import col, select

from bot.domain.checkin_flow import CheckinView, split, view_of
from bot.domain.clock import Clock
from bot.domain.corrections import apply_correction, correction_problem
from bot.domain.schedule import local_today
from bot.services.common import find_user, own_entry
from bot.services.notes import save_note
from bot.services.results import CheckinResult
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin, Treatment, TreatmentEvent
from bot.storage.unit_of_work import unit_of_work

LONGEST_SPAN = 366  # days a page may ask for at once


@dataclass(frozen=True)
class Diary:
    today: date  # in the person's own time zone
    first: date
    entries: list[CheckinView]  # saved entries, oldest first
    treatments: list[Treatment]  # injections, medicines and operations begun in the span
    changes: list[tuple[Treatment, TreatmentEvent]]  # medicines' dose changes and stops in it


class WebAppService:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def diary(self, telegram_id: int, days: int) -> Diary | None:
        """The last `days` days (today included); None for someone not set up."""
        days = max(1, min(days, LONGEST_SPAN))
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or user.timezone is None:
                return None
            today = local_today(self._now(), user.timezone)
            first = today - timedelta(days=days - 1)
            rows = await session.exec(
                select(Checkin)
                .where(
                    Checkin.user_id == user.id,
                    col(Checkin.status).in_(("done", "partial")),
                    col(Checkin.local_date) >= first,
                )
                .order_by(col(Checkin.local_date), col(Checkin.id))
            )
            entries = [view_of(c) for c in rows]
            mine = {
                t.id: t for t in await session.exec(select(Treatment).where(Treatment.user_id == user.id))
            }
            events = await session.exec(
                select(TreatmentEvent).where(
                    TreatmentEvent.user_id == user.id,
                    col(TreatmentEvent.kind).in_(("dose", "stop")),
                    col(TreatmentEvent.local_date) >= first,
                )
            )
            begun = sorted((t for t in mine.values() if t.started_on >= first), key=lambda t: t.started_on)
            changes = [(mine[e.treatment_id], e) for e in events if e.treatment_id in mine]
            return Diary(today, first, entries, begun, changes)

    async def add_note(self, telegram_id: int, checkin_id: int, text: str) -> CheckinResult | None:
        """A note on one of the person's own saved entries, never replacing another; None when the
        entry is not theirs (or is gone)."""
        async with unit_of_work(self._db) as session:
            entry = await own_entry(session, telegram_id, checkin_id)
            if entry is None or entry.status not in ("done", "partial"):
                return None
            return save_note(entry, text, self._now())

    async def correct(self, telegram_id: int, checkin_id: int, changes: Mapping[str, Any]) -> Corrected:
        """Changes to one of the person's own saved entries (the page showed them first): numbers,
        places and their sides, duration, triggers; all written, or none."""
        async with unit_of_work(self._db) as session:
            entry = await own_entry(session, telegram_id, checkin_id)
            if entry is None or entry.status not in ("done", "partial"):
                return Corrected(None)
            problem = correction_problem(changes, bool(entry.had_spasm), split(entry.locations))
            if problem is not None:
                return Corrected(view_of(entry), problem)
            apply_correction(entry, changes)
            return Corrected(view_of(entry))


@dataclass(frozen=True)
class Corrected:
    view: CheckinView | None  # None: not the person's (or gone)
    problem: str | None = None  # "number", "choice" or "no_spasm": nothing was written
