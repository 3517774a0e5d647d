"""Snoozing a check-in, and one gentle follow-up when it stays unanswered: both through the
outbox, so they survive a restart and are never sent twice for a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlmodel import col, select

from bot.domain.checkin_flow import has_answers
from bot.domain.clock import Clock
from bot.domain.slots import DAILY, NO_SLOT
from bot.services.common import find_user
from bot.storage.db import SessionFactory, insert_ignoring_duplicates
from bot.storage.models import OUTBOX_KEY, Checkin, Outbox
from bot.storage.unit_of_work import unit_of_work

FOLLOWUP_LOOKBACK = timedelta(hours=24)


class Snooze(StrEnum):
    LATER = "later"  # asked again at `until`
    TOMORROW = "tomorrow"  # left for tomorrow's check-in
    ONCE_A_DAY = "once"  # this day's check-in was snoozed already
    STALE = "stale"


@dataclass(frozen=True)
class SnoozeResult:
    outcome: Snooze
    until: datetime | None = None
    timezone: str | None = None


class ReminderService:
    def __init__(self, db: SessionFactory, clock: Clock, followup_after: timedelta) -> None:
        self._db = db
        self._now = clock
        self._followup_after = followup_after

    async def snooze(self, telegram_id: int, checkin_id: int, minutes: int | None) -> SnoozeResult:
        """Ask again in `minutes`, or (None) not today."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)  # the person, then the check-in
            checkin = await session.get(Checkin, checkin_id, with_for_update=True)
            if user is None or checkin is None or checkin.user_id != user.id:
                return SnoozeResult(Snooze.STALE)
            if checkin.status != "open" or has_answers(checkin):
                return SnoozeResult(Snooze.STALE)
            if minutes is None:
                checkin.status = "missed"
                return SnoozeResult(Snooze.TOMORROW)
            until = self._now() + timedelta(minutes=minutes)
            row = {"user_id": user.id, "kind": "snooze", "local_date": checkin.local_date, "due_at": until,
                   "status": "pending", "not_before": until, "checkin_id": checkin.id,
                   "slot": _slot(checkin)}  # fmt: skip
            result = await session.exec(insert_ignoring_duplicates(session, Outbox, OUTBOX_KEY).values([row]))
            if not result.rowcount:
                return SnoozeResult(Snooze.ONCE_A_DAY)
            return SnoozeResult(Snooze.LATER, until, user.timezone)

    async def enqueue_followups(self) -> int:
        """One follow-up for a daily check-in still untouched `followup_after` after it opened
        (and not snoozed): at most one per person, day and check-in of the day."""
        async with unit_of_work(self._db) as session:
            now = self._now()
            quiet = await session.exec(
                select(Checkin).where(
                    col(Checkin.kind).in_(DAILY),
                    Checkin.status == "open",
                    col(Checkin.created_at) <= now - self._followup_after,
                    col(Checkin.created_at) >= now - FOLLOWUP_LOOKBACK,
                    col(Checkin.had_spasm).is_(None),
                    col(Checkin.stress).is_(None),
                    col(Checkin.sleep_hours).is_(None),
                )
            )
            rows = [
                {"user_id": c.user_id, "kind": "followup", "local_date": c.local_date, "due_at": now,
                 "status": "pending", "not_before": now, "checkin_id": c.id, "slot": _slot(c)}
                for c in quiet
            ]  # fmt: skip
            if not rows:
                return 0
            snoozed = await session.exec(
                select(Outbox).where(
                    Outbox.kind == "snooze", col(Outbox.local_date).in_({r["local_date"] for r in rows})
                )
            )
            taken = {(s.user_id, s.local_date, s.slot) for s in snoozed}
            rows = [r for r in rows if (r["user_id"], r["local_date"], r["slot"]) not in taken]
            if not rows:
                return 0
            result = await session.exec(insert_ignoring_duplicates(session, Outbox, OUTBOX_KEY).values(rows))
            return int(result.rowcount or 0)


def _slot(checkin: Checkin) -> int:
    """Each scheduled check-in of a day has its own snooze and follow-up; those opened by hand share one."""
    return checkin.slot if checkin.slot is not None else NO_SLOT
