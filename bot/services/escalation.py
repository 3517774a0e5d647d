"""Escalations: the person's emergency number, and a record of each escalation (never the text)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from sqlalchemy import Table
from sqlmodel import col, select

from bot.content.emergency import EmergencyBook
from bot.domain.clock import Clock
from bot.language.emergency import number_for_zone
from bot.services.common import find_user
from bot.storage.db import SessionFactory, insert_ignoring_duplicates
from bot.storage.models import SafetyEvent, UpdateReply
from bot.storage.unit_of_work import unit_of_work

log = logging.getLogger(__name__)
# "I'm fine now" within this time of an emergency reply gets the still-urgent reminder.
REMINDER_WINDOW = timedelta(hours=6)
# A "see a doctor soon" reply to typed text is given at most this often.
URGENT_REPLY_GAP = timedelta(hours=24)
LOOKUP_TIMEOUT = 1.0
EVENTS: Table = SafetyEvent.__table__  # type: ignore[attr-defined]
LINES: Table = UpdateReply.__table__  # type: ignore[attr-defined]


class EscalationService:
    def __init__(self, db: SessionFactory, clock: Clock, book: EmergencyBook, default_zone: str) -> None:
        self._db = db
        self._now = clock
        self._book = book
        self._default_zone = default_zone
        # Recent emergency replies by Telegram id, also for people with no row (not set up,
        # or a group chat) and when the database is unavailable.
        self._recent: dict[int, datetime] = {}

    async def number_for(self, telegram_id: int | None) -> str:
        """The local emergency number; if the database cannot say at once, the default zone's."""
        zone = None
        if telegram_id is not None:
            try:
                zone = await asyncio.wait_for(self._zone_of(telegram_id), LOOKUP_TIMEOUT)
            except Exception:  # an emergency reply must never wait on, or fail with, the database
                log.exception("emergency number lookup failed; using the default zone's")
        return number_for_zone(self._book, zone or self._default_zone)

    async def _zone_of(self, telegram_id: int) -> str | None:
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            return user.timezone if user is not None else None

    def forget(self, telegram_id: int) -> None:
        self._recent.pop(telegram_id, None)

    def remember(self, telegram_id: int) -> None:
        now = self._now()
        self._recent = {k: v for k, v in self._recent.items() if now - v < REMINDER_WINDOW}
        self._recent[telegram_id] = now

    async def record(
        self,
        telegram_id: int,
        level: str,
        reasons: tuple[str, ...],
        source: str,
        update_id: int | None = None,
    ) -> None:
        """One event; for a message (`update_id`), one however often the message is handled."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or user.id is None:
                return
            row = {"user_id": user.id, "occurred_at": self._now(), "level": level,
                   "reasons": ",".join(reasons), "source": source, "update_id": update_id}  # fmt: skip
            insert = insert_ignoring_duplicates(session, EVENTS, ["update_id"])
            await (await session.connection()).execute(insert, [row])

    async def line_due(self, update_id: int, line: int) -> bool:
        """Recorded before a safety line goes out: False if this message had it already (an earlier
        run of its handling, cut short by a crash), so it is never sent twice."""
        async with unit_of_work(self._db) as session:
            insert = insert_ignoring_duplicates(session, LINES, ["update_id", "seq"])
            row = {"update_id": update_id, "seq": -line, "method": "sendMessage", "created_at": self._now()}
            return bool((await (await session.connection()).execute(insert, row)).rowcount)

    async def escalated_recently(self, telegram_id: int) -> bool:
        remembered = self._recent.get(telegram_id)
        if remembered is not None and self._now() - remembered < REMINDER_WINDOW:
            return True
        return await self._latest(telegram_id, "emergency", REMINDER_WINDOW) is not None

    async def urgent_reply_due(self, telegram_id: int, reasons: tuple[str, ...]) -> bool:
        """True (and recorded) if no "see a doctor soon" reply went out in the last day."""
        if await self._latest(telegram_id, "urgent", URGENT_REPLY_GAP, source="text") is not None:
            return False
        await self.record(telegram_id, "urgent", reasons, "text")
        return True

    async def _latest(
        self, telegram_id: int, level: str, within: timedelta, source: str | None = None
    ) -> SafetyEvent | None:
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None:
                return None
            query = select(SafetyEvent).where(
                SafetyEvent.user_id == user.id,
                SafetyEvent.level == level,
                col(SafetyEvent.occurred_at) >= self._now() - within,
            )
            if source is not None:
                query = query.where(SafetyEvent.source == source)
            return (await session.exec(query.order_by(col(SafetyEvent.occurred_at).desc()))).first()
