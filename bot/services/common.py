"""What many services share: finding a person's row and their own entries, and whether they
finished setting up."""

from __future__ import annotations

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import Checkin, User


async def find_user(session: AsyncSession, telegram_id: int, *, lock: bool = False) -> User | None:
    query = select(User).where(User.telegram_id == telegram_id)
    if lock:
        query = query.with_for_update()
    return (await session.exec(query)).first()


def is_set_up(user: User | None) -> bool:
    return user is not None and user.timezone is not None and user.checkin_minute is not None


async def own_entry(session: AsyncSession, telegram_id: int, checkin_id: int) -> Checkin | None:
    """One of the person's own entries, locked after the person (one lock order for people and
    their check-ins); None when it is someone else's or gone."""
    user = await find_user(session, telegram_id, lock=True)
    entry = await session.get(Checkin, checkin_id, with_for_update=True)
    return entry if user is not None and entry is not None and entry.user_id == user.id else None
