"""SQLite's one write turn, handed out within the process by an asyncio lock (first come, first
served) instead of by SQLite's busy handler, which sleeps and polls."""

from __future__ import annotations

import asyncio
import weakref

from sqlalchemy.exc import OperationalError

from bot.storage.db import SessionFactory

TURN_WAIT = 15.0  # seconds; longer than SQLite's own busy timeout would have waited
_turns: weakref.WeakKeyDictionary[object, dict[asyncio.AbstractEventLoop, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)


def write_turn(db: SessionFactory) -> asyncio.Lock | None:
    """The write turn of this database in this event loop (None: PostgreSQL locks rows itself)."""
    engine = db.kw.get("bind")
    if engine is None or engine.dialect.name != "sqlite":
        return None
    per_loop = _turns.setdefault(engine.sync_engine, {})
    return per_loop.setdefault(asyncio.get_running_loop(), asyncio.Lock())


async def take(turn: asyncio.Lock) -> None:
    try:
        await asyncio.wait_for(turn.acquire(), TURN_WAIT)
    except TimeoutError as exc:  # as SQLite's busy timeout would: this update is tried again
        raise OperationalError("waiting for the write turn", None, exc) from exc
