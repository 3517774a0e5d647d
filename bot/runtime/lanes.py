"""Handling is shared between processes by lanes of people: all of a person's updates go to one
lane (their id modulo LANES), and one process at a time handles a lane, holding its PostgreSQL
advisory lock, so each person's updates stay strictly in order while different lanes are handled
by different processes. Every process takes an even share (LANES / processes, rounded up), gives
up its surplus when another joins and takes over the lanes of one that stopped. Each taking of a
lane bumps its epoch (`lane_epoch`); a handler's writes are fenced by it, so a process that lost a
lane can no longer write for it, even before it notices. SQLite has one process: it owns all."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, func, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.fencing import take_lane

log = logging.getLogger(__name__)
LANES = 16
LANE_CLASS = 0x5A53  # advisory lock (LANE_CLASS, lane): held by the lane's process
MEMBER_CLASS = 0x5A54  # advisory lock (MEMBER_CLASS, any): one per process sharing the lanes
MEMBERS = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = :cls "
    "AND objsubid = 2 AND granted AND database = "
    "(SELECT oid FROM pg_database WHERE datname = current_database())"
)


def lane_of(sender_id: int | None) -> int:
    return abs(sender_id or 0) % LANES


def lane_column(sender_id: ColumnElement[Any]) -> ColumnElement[int]:
    """The same lane, worked out by the database from the stored sender."""
    return func.abs(func.coalesce(sender_id, 0)) % LANES


class LaneKeeper:
    def __init__(self, engine: AsyncEngine, *, shared: bool = True) -> None:
        """`shared`: take a share of the lanes with other processes (PostgreSQL only); otherwise
        this process handles every lane, its writes fenced by leadership alone."""
        self._engine = engine
        self.shared = shared and engine.dialect.name == "postgresql"
        # lane -> the epoch this process took it with (None: unfenced, the only process)
        self.epochs: dict[int, int | None] = {} if self.shared else dict.fromkeys(range(LANES))
        self._leaving: set[int] = set()  # given up: unlocked once nothing of it is under way
        self._connection: AsyncConnection | None = None
        self._member = random.randrange(1, 2**31)
        self.gained = False  # a lane was taken since the last look: its stored updates wait

    def owns(self, lane: int) -> bool:
        return lane in self.epochs

    @property
    def owned(self) -> list[int]:
        return sorted(self.epochs)

    async def balance(self, busy: Callable[[int], bool]) -> None:
        """One pass: join, count the processes, give up the surplus or take free lanes. `busy`
        says whether this process still has updates of a lane under way."""
        if not self.shared:
            return
        try:
            connection = self._connection or await self._join()
            members = (await connection.execute(MEMBERS, {"cls": MEMBER_CLASS})).scalar() or 1
            await connection.commit()
            share = -(-LANES // members)
            for lane in self.owned[share:]:
                del self.epochs[lane]  # nothing more of it starts here
                self._leaving.add(lane)
            for lane in sorted(self._leaving):
                if not busy(lane):
                    await self._unlock(connection, lane)
            for lane in range(LANES):
                if len(self.epochs) >= share:
                    break
                if lane not in self.epochs and lane not in self._leaving:
                    await self._take(connection, lane)
        except Exception as exc:  # the connection broke: its locks are gone with it
            log.warning("lost the lanes this process handled (%s)", type(exc).__name__)
            await self.release()

    async def _join(self) -> AsyncConnection:
        connection = await self._engine.connect()
        try:
            await connection.execute(
                text("SELECT pg_advisory_lock(:cls, :member)"), {"cls": MEMBER_CLASS, "member": self._member}
            )
            await connection.commit()  # session-level locks outlive their transaction
        except BaseException:
            await connection.close()
            raise
        self._connection = connection
        return connection

    async def _take(self, connection: AsyncConnection, lane: int) -> None:
        taken = text("SELECT pg_try_advisory_lock(:cls, :lane)")
        got = (await connection.execute(taken, {"cls": LANE_CLASS, "lane": lane})).scalar()
        await connection.commit()
        if not got:
            return
        epoch = await take_lane(connection, lane)  # waits for the last process's writes under way
        self.epochs[lane] = epoch
        self.gained = True
        log.info("handling lane %d (epoch %d)", lane, epoch)

    async def _unlock(self, connection: AsyncConnection, lane: int) -> None:
        unlock = text("SELECT pg_advisory_unlock(:cls, :lane)")
        await connection.execute(unlock, {"cls": LANE_CLASS, "lane": lane})
        await connection.commit()
        self._leaving.discard(lane)
        log.info("lane %d handed over", lane)

    async def release(self) -> None:
        """Give up every lane at once: end the session that holds their locks."""
        if not self.shared:
            return
        self.epochs.clear()
        self._leaving.clear()
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                await connection.invalidate()
                await connection.close()
            except Exception:
                log.debug("the lanes' connection was already closed")
