"""What many services share: finding a person's row, and whether they finished setting up."""

from __future__ import annotations

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import User


async def find_user(session: AsyncSession, telegram_id: int, *, lock: bool = False) -> User | None:
    query = select(User).where(User.telegram_id == telegram_id)
    if lock:
        query = query.with_for_update()
    return (await session.exec(query)).first()


def is_set_up(user: User | None) -> bool:
    return user is not None and user.timezone is not None and user.checkin_minute is not None
