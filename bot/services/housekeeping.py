"""Periodic clean-up that keeps the stored data small and correct."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import col

from bot.storage.db import SessionFactory
from bot.storage.models import InboxUpdate
from bot.storage.unit_of_work import unit_of_work

# Telegram may reuse update ids after a quiet week; handled ones are only needed briefly.
INBOX_KEEP = timedelta(days=3)


async def purge_handled_updates(db: SessionFactory, now: datetime, keep: timedelta = INBOX_KEEP) -> int:
    async with unit_of_work(db) as session:
        result = await session.exec(delete(InboxUpdate).where(col(InboxUpdate.handled_at) < now - keep))
        return int(result.rowcount or 0)
