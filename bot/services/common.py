"""What every service shares: the clock type, the unit of work, and the user lookup."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.db import SessionFactory
from bot.storage.models import User

Clock = Callable[[], datetime]


@asynccontextmanager
async def unit_of_work(db: SessionFactory) -> AsyncIterator[AsyncSession]:
    """One transaction that commits once at the end, or rolls back on any error."""
    async with db() as session, session.begin():
        yield session


async def find_user(session: AsyncSession, telegram_id: int, *, lock: bool = False) -> User | None:
    query = select(User).where(User.telegram_id == telegram_id)
    if lock:
        query = query.with_for_update()
    return (await session.exec(query)).first()


def is_set_up(user: User | None) -> bool:
    return user is not None and user.timezone is not None and user.checkin_minute is not None
