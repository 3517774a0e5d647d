"""One process at a time polls, handles stored updates and runs the ticks: a PostgreSQL
advisory lock held on its own connection. When that process dies, its connection closes, the
lock is released and a standby process takes over at its next try."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.fencing import close_poll, next_epoch

log = logging.getLogger(__name__)
LOCK_KEY = 0x5A53_4449  # "SDI": any constant shared by every process of this bot


class Leadership:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._connection: AsyncConnection | None = None
        self.shared = engine.dialect.name == "postgresql"  # several processes may take turns leading
        self.held = not self.shared  # SQLite: one process, always the leader
        self._checking = asyncio.Lock()  # the tick and the poller's watch share one connection
        self.token: int | None = None  # this leadership's epoch: its writes are fenced by it
        self.predecessor_closed = True  # the leader before this one is known to have stopped polling

    async def try_acquire(self) -> bool:
        if self.held:
            return True
        try:
            connection = await self._engine.connect()
            got = (
                await connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY})
            ).scalar()
            await connection.commit()  # the lock is session-level: it outlives this transaction
        except Exception as exc:
            log.warning("could not try for leadership (%s)", type(exc).__name__)
            return False
        if not got:
            await connection.close()
            return False
        try:  # waits until no write of an earlier leader is still under way
            self.token, self.predecessor_closed = await next_epoch(connection)
        except Exception as exc:
            log.warning("could not take the next leader epoch (%s)", type(exc).__name__)
            await connection.invalidate()
            await connection.close()
            return False
        self._connection, self.held = connection, True
        log.info("this process leads (epoch %d): polling, handling and ticks", self.token)
        return True

    async def still_held(self) -> bool:
        """Check the lock's connection is alive; if it broke, the lock is gone too."""
        async with self._checking:
            if self._connection is None:
                return self.held
            try:
                await self._connection.execute(text("SELECT 1"))
                await self._connection.commit()
            except Exception as exc:
                log.warning("lost leadership (%s)", type(exc).__name__)
                await self.release()
            return self.held

    async def polling_ended(self) -> None:
        """Record that this leader's getUpdates is over, so its successor need not wait for it."""
        async with self._checking:
            if self._connection is None or self.token is None:
                return
            try:
                await close_poll(self._connection, self.token)
            except Exception as exc:  # the successor then waits, as after a crash
                log.warning("could not record that polling ended (%s)", type(exc).__name__)

    async def release(self) -> None:
        """Unlock, and end the lock's database session: a pooled connection would keep it."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            self.held = False
            try:
                await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
            except Exception:  # already broken: ending the session below releases it anyway
                log.debug("could not unlock; the session is ending anyway")
            try:
                await connection.invalidate()
                await connection.close()
            except Exception:
                log.debug("leadership connection was already closed")

    async def wait_for_leadership(self, stop: asyncio.Event, every: float) -> bool:
        """Try until leading or stopped; True when leading."""
        while not stop.is_set():
            if await self.try_acquire():
                return True
            try:
                await asyncio.wait_for(stop.wait(), timeout=every)
            except TimeoutError:
                continue
        return False
