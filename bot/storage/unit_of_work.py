"""One transaction per update or job: it commits once at the end, or rolls back on any error.

Inside an update's handling (`update_scope`), every unit of work before the update's first reply
joins the update's one transaction (as a savepoint, so a failed one undoes only itself), which
commits with the update's "handled" mark. Otherwise each is its own transaction.

SQLite has one writer, and every transaction here begins IMMEDIATE (a write turn), handed out
within the process by `turns`: handlers for different people run side by side and queue only for
the few milliseconds of each transaction, never across a call to Telegram."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage import fencing, update_scope
from bot.storage.db import SessionFactory
from bot.storage.turns import take, write_turn


@asynccontextmanager
async def unit_of_work(db: SessionFactory) -> AsyncIterator[AsyncSession]:
    """Repositories and services never commit; this does, once, for everything inside it."""
    scope = update_scope.joinable(db)
    if scope is not None:
        session = await scope.session()
        async with session.begin_nested():
            yield session
        return
    turn = write_turn(db)
    if turn is None:
        async with db() as session, session.begin():
            # Written for the leader: refused if this process no longer leads (PostgreSQL).
            await fencing.check(await session.connection())
            yield session
        return
    await take(turn)
    try:
        async with db() as session, session.begin():
            yield session
    finally:
        turn.release()
