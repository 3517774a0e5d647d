"""One transaction per update or job: it commits once at the end, or rolls back on any error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.db import SessionFactory


@asynccontextmanager
async def unit_of_work(db: SessionFactory) -> AsyncIterator[AsyncSession]:
    """Repositories and services never commit; this does, once, for everything inside it."""
    async with db() as session, session.begin():
        yield session
