"""One transaction per update or job: it commits once at the end, or rolls back on any error.

SQLite has one writer, and every transaction here begins IMMEDIATE (a write turn). Within the
process, turns are handed out by an asyncio lock, first come first served, instead of by SQLite's
busy handler, which sleeps and polls: handlers for different people run side by side and queue
only for the few milliseconds of each transaction, never across a call to Telegram."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import OperationalError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage import fencing
from bot.storage.db import SessionFactory

TURN_WAIT = 15.0  # seconds; longer than SQLite's own busy timeout would have waited
_turns: weakref.WeakKeyDictionary[object, dict[asyncio.AbstractEventLoop, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)


def _turn(db: SessionFactory) -> asyncio.Lock | None:
    """The write turn of this database in this event loop (None: PostgreSQL locks rows itself)."""
    engine = db.kw.get("bind")
    if engine is None or engine.dialect.name != "sqlite":
        return None
    per_loop = _turns.setdefault(engine.sync_engine, {})
    return per_loop.setdefault(asyncio.get_running_loop(), asyncio.Lock())


@asynccontextmanager
async def unit_of_work(db: SessionFactory) -> AsyncIterator[AsyncSession]:
    """Repositories and services never commit; this does, once, for everything inside it."""
    turn = _turn(db)
    if turn is None:
        async with db() as session, session.begin():
            # Written for the leader: refused if this process no longer leads (PostgreSQL).
            await fencing.check(await session.connection())
            yield session
        return
    try:
        await asyncio.wait_for(turn.acquire(), TURN_WAIT)
    except TimeoutError as exc:  # as SQLite's busy timeout would: this update is tried again
        raise OperationalError("waiting for the write turn", None, exc) from exc
    try:
        async with db() as session, session.begin():
            yield session
    finally:
        turn.release()
