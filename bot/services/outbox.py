"""Who is due now, turned into outbox rows that can be claimed and sent exactly once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, update
from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.checkin_flow import CheckinView, has_answers, view_of
from bot.domain.clock import Clock
from bot.domain.schedule import next_occurrence, next_weekly
from bot.domain.slots import NO_SLOT, kind_of, next_due, slot_at, times_of
from bot.services.entries import open_checkin, slot_answered
from bot.storage.db import SessionFactory, insert_ignoring_duplicates, set_column_by_id
from bot.storage.models import OUTBOX_KEY, Checkin, Outbox, User
from bot.storage.unit_of_work import unit_of_work

BATCH = 5000
# Core statements for the bulk writes: the ORM's per-row bookkeeping costs more than the SQL.
OUTBOX: Table = Outbox.__table__  # type: ignore[attr-defined]
USERS: Table = User.__table__  # type: ignore[attr-defined]
SUMMARY_GRACE = timedelta(hours=12)  # a summary is still worth sending this late
FIRST_RETRY = timedelta(seconds=15)
LONGEST_RETRY = timedelta(minutes=10)


@dataclass(frozen=True)
class EnqueueStats:
    enqueued: int = 0
    skipped_late: int = 0


@dataclass(frozen=True)
class Delivery:
    """A claimed outbox row with what is needed to send it."""

    outbox_id: int
    chat_id: int
    kind: str
    checkin: CheckinView | None
    telegram_id: int = 0
    local_date: date | None = None
    claimed_at: datetime | None = None  # the claim's token: only this claim may send the row
    language: str | None = None  # the person's chosen language (None: not chosen)


@dataclass(frozen=True)
class _Schedule:
    kind: str
    attribute: str  # the User column holding the next due time
    grace: timedelta  # later than this, the prompt is skipped rather than sent
    # The next due time after the one just queued (`due`, on local `day`), and after `now`.
    following: Callable[[Any, datetime, date, datetime], datetime | None]
    slotted: bool = False  # several a day, told apart by their local minute


def _next_checkin(person: Any, now: datetime, day: date, due: datetime) -> datetime | None:
    return next_due(now, times_of(person.checkin_times, person.checkin_minute), person.timezone, due)


def _next_medicine(person: Any, now: datetime, day: date, due: datetime) -> datetime | None:
    if person.medicine_minute is None:
        return None
    return next_occurrence(now, person.medicine_minute, person.timezone, day)[1]


def _once(person: Any, now: datetime, day: date, due: datetime) -> None:
    return None


def _next_summary(person: Any, now: datetime, day: date, due: datetime) -> datetime:
    return next_weekly(now, person.summary_weekday, person.summary_minute, person.timezone, day)[1]


class OutboxService:
    def __init__(
        self, db: SessionFactory, clock: Clock, grace: timedelta, first_retry: timedelta = FIRST_RETRY
    ) -> None:
        self._db = db
        self._now = clock
        self._grace = grace
        self._first_retry = first_retry
        self._schedules = (
            _Schedule("checkin", "next_due_at", grace, _next_checkin, slotted=True),
            _Schedule("summary", "next_summary_at", SUMMARY_GRACE, _next_summary),
            _Schedule("booking", "next_booking_at", SUMMARY_GRACE, _once),  # set again by the next injection
            _Schedule("medicine", "next_medicine_at", grace, _next_medicine),
        )

    async def enqueue_due(self) -> EnqueueStats:
        """Queue every due check-in, weekly summary, medicine reminder and reminder to book."""
        totals = [await self._enqueue(schedule) for schedule in self._schedules]
        return EnqueueStats(sum(t.enqueued for t in totals), sum(t.skipped_late for t in totals))

    async def _enqueue(self, schedule: _Schedule) -> EnqueueStats:
        """Move everyone due now into the outbox, batch by batch; the (user, kind, local day, slot)
        key means nobody gets the same prompt twice, whatever replays it. Plain
        columns and one bulk update per batch: 30,000 people due at once take about a second."""
        enqueued = skipped = 0
        due_column = getattr(User, schedule.attribute)
        fields = (
            User.id, User.timezone, User.checkin_minute, User.summary_weekday, User.summary_minute,
            User.medicine_minute, User.checkin_times,
        )  # fmt: skip
        columns = [col(c) for c in (*fields, User.paused, User.blocked)] + [col(due_column)]
        while True:
            async with unit_of_work(self._db) as session:
                now = self._now()
                query = (
                    sa_select(*columns)
                    .where(col(due_column) <= now)
                    .order_by(col(due_column))
                    .limit(BATCH)
                    .with_for_update(skip_locked=True)
                )
                people = list(await session.exec(query))  # type: ignore[call-overload]
                if not people:
                    break
                rows: list[dict[str, object]] = []
                moves: dict[int, datetime | None] = {}
                for person in people:
                    due: datetime = person[-1]
                    if person.paused or person.blocked or person.timezone is None:
                        moves[person.id] = None
                        continue
                    day = due.astimezone(ZoneInfo(person.timezone)).date()
                    # Check-ins still within their grace are caught up on, each once (the others' next
                    # time is simply after now); one with a later check-in due already is skipped,
                    # as the later one asks all it would.
                    since = now - schedule.grace if schedule.slotted else now
                    following = schedule.following(person, since, day, due)
                    superseded = schedule.slotted and following is not None and following <= now
                    late = now - due > schedule.grace or superseded
                    skipped, enqueued = skipped + late, enqueued + (not late)
                    slot = NO_SLOT
                    if schedule.slotted:
                        slot = slot_at(
                            times_of(person.checkin_times, person.checkin_minute), person.timezone, due
                        )
                    rows.append(
                        {"user_id": person.id, "kind": schedule.kind, "local_date": day, "due_at": due,
                         "status": "skipped" if late else "pending", "not_before": now, "attempts": 0,
                         "slot": slot}
                    )  # fmt: skip
                    moves[person.id] = following
                if rows:
                    insert = insert_ignoring_duplicates(session, OUTBOX, OUTBOX_KEY)
                    # With RETURNING, SQLAlchemy sends many rows per INSERT, not one statement a row.
                    await (await session.connection()).execute(insert.returning(OUTBOX.c.id), rows)
                await set_column_by_id(session, USERS, schedule.attribute, moves)
        return EnqueueStats(enqueued, skipped)

    async def claim(self, limit: int = 30) -> list[Delivery]:
        """Mark due rows as being sent (so no other sender takes them) and open their check-ins."""
        claimed: list[Delivery] = []
        async with unit_of_work(self._db) as session:
            now = self._now()
            query = (
                select(Outbox, User)
                .join(User, col(User.id) == Outbox.user_id)
                .where(Outbox.status == "pending", col(Outbox.not_before) <= now)
                .order_by(col(Outbox.not_before))
                .limit(limit)
                # The person's row too, before any of their check-ins (the lock order handlers
                # follow); one a handler holds is left for the next pass instead of deadlocking.
                .with_for_update(skip_locked=True, of=[Outbox, User])
            )
            for row, user in await session.exec(query):
                assert row.id is not None
                if user.blocked or user.paused:
                    row.status = "skipped"
                    continue
                checkin = None
                if row.kind in ("snooze", "followup"):
                    # A reminder of a check-in that has since been answered or closed is not sent.
                    checkin = await session.get(Checkin, row.checkin_id) if row.checkin_id else None
                    if checkin is None or checkin.status != "open" or has_answers(checkin):
                        row.status, row.error = "skipped", "check-in answered or closed"
                        continue
                elif row.kind == "checkin":
                    checkin = await session.get(Checkin, row.checkin_id) if row.checkin_id else None
                    if checkin is None:
                        if await slot_answered(session, user, row.local_date, row.slot):
                            row.status, row.error = "skipped", "already answered"
                            continue
                        times = times_of(user.checkin_times, user.checkin_minute)
                        kind = kind_of(times, row.slot)
                        checkin = await open_checkin(session, user, row.local_date, kind, now, slot=row.slot)
                        row.checkin_id = checkin.id
                # Claimed, not yet tried: if this process dies now, the row is simply sent later.
                row.status, row.claimed_at = "claimed", now
                view = view_of(checkin) if checkin else None
                claimed.append(
                    Delivery(
                        row.id,
                        user.chat_id,
                        row.kind,
                        view,
                        user.telegram_id,
                        row.local_date,
                        now,
                        user.language,
                    )
                )
        return claimed

    async def attempting(self, outbox_id: int, claimed_at: datetime | None) -> bool:
        """Committed just before the send: from here on, a crash leaves it possibly delivered.
        False if the claim is no longer this one (recovered and claimed again elsewhere)."""
        async with unit_of_work(self._db) as session:
            row = await session.get(Outbox, outbox_id, with_for_update=True)
            if row is None or row.status != "claimed" or row.claimed_at != claimed_at:
                return False
            row.status, row.attempts = "sending", row.attempts + 1
            return True

    async def sent(self, outbox_id: int, message_id: int) -> None:
        async with unit_of_work(self._db) as session:
            row = await session.get(Outbox, outbox_id, with_for_update=True)
            if row is None:
                return
            row.status, row.sent_at, row.message_id, row.error = "sent", self._now(), message_id, None
            if row.checkin_id is not None:
                checkin = await session.get(Checkin, row.checkin_id)
                if checkin is not None:
                    checkin.message_id = message_id

    async def retry_later(self, outbox_id: int, error: str, wait: timedelta | None = None) -> None:
        """Only for failures where the message surely was not delivered: back off and try again,
        until the check-in would arrive later than the grace period allows."""
        async with unit_of_work(self._db) as session:
            row = await session.get(Outbox, outbox_id, with_for_update=True)
            if row is None:
                return
            backoff = min(self._first_retry * 2 ** max(row.attempts - 1, 0), LONGEST_RETRY)
            row.error, retry_at = error, self._now() + (wait if wait is not None else backoff)
            if retry_at > row.due_at + self._grace:
                row.status = "failed"
                await self._close_checkin(session, row)
            else:
                row.status, row.not_before = "pending", retry_at

    async def unknown(self, outbox_id: int, error: str) -> None:
        """It may have been delivered: never resend."""
        await self._finish(outbox_id, "unknown", error)

    async def failed(self, outbox_id: int, error: str, *, blocked: bool = False) -> None:
        await self._finish(outbox_id, "failed", error, blocked=blocked)

    async def _finish(self, outbox_id: int, status: str, error: str, *, blocked: bool = False) -> None:
        async with unit_of_work(self._db) as session:
            row = await session.get(Outbox, outbox_id, with_for_update=True)
            if row is None:
                return
            row.status, row.error = status, error
            if status == "failed":
                await self._close_checkin(session, row)
            if blocked:
                user = await session.get(User, row.user_id, with_for_update=True)
                if user is not None:
                    user.blocked, user.next_due_at = True, None

    @staticmethod
    async def _close_checkin(session: AsyncSession, row: Outbox) -> None:
        checkin = await session.get(Checkin, row.checkin_id) if row.checkin_id else None
        if checkin is not None and checkin.status == "open":
            checkin.status = "missed"

    async def recover_interrupted(self, older_than: timedelta = timedelta(minutes=2)) -> int:
        """After a crash: rows claimed but never tried go back to pending; rows whose send had
        begun may or may not have gone out, so they are marked unknown and never resent."""
        async with unit_of_work(self._db) as session:
            cutoff = self._now() - older_than
            await session.exec(
                update(Outbox)
                .where(col(Outbox.status) == "claimed", col(Outbox.claimed_at) < cutoff)
                .values(status="pending")
            )
            result = await session.exec(
                update(Outbox)
                .where(col(Outbox.status) == "sending", col(Outbox.claimed_at) < cutoff)
                .values(status="unknown", error="interrupted while sending")
            )
            return int(result.rowcount or 0)
