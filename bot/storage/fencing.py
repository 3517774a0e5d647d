"""Fencing: what the leading process writes carries its leadership's token, and a process that
lost leadership (its lock session ended, a network blip) can no longer write, even before it
notices. Each new leader takes the next epoch (table `leader_epoch`) and then waits until every
transaction that checked the old epoch has ended; every fenced transaction holds a shared
advisory lock while it checks the epoch, so that wait is exact. PostgreSQL only: SQLite has
one process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

FENCE_KEY = 0x5A53_4446  # "SDF": shared by fenced transactions, taken alone by a new leader
LANE_FENCE_CLASS = 0x5A55  # (class, lane): the same for each lane of people (bot/runtime/lanes.py)
token: ContextVar[int | None] = ContextVar("leader_token", default=None)
# Set per update by the dispatcher: (lane, epoch) of the lane of people its process handles
# (bot/runtime/lanes.py). A handler's writes are fenced by its lane, not by leadership.
lane_token: ContextVar[tuple[int, int] | None] = ContextVar("lane_token", default=None)
# Set per update by the dispatcher: a refusal anywhere in its handling is noted here (a list, so
# tasks started with a copy of the context note it too).
refusals: ContextVar[list[str] | None] = ContextVar("fence_refusals", default=None)


class NotLeader(Exception):
    """This process's leadership has passed to another: the write is refused (rolled back)."""


@contextmanager
def leading(epoch: int | None) -> Iterator[None]:
    """Every transaction begun inside (and in tasks started from inside) is fenced by `epoch`."""
    reset = token.set(epoch)
    try:
        yield
    finally:
        token.reset(reset)


async def check(connection: AsyncConnection) -> None:
    """At the start of a transaction: raise NotLeader unless this process's epoch is current."""
    if connection.dialect.name != "postgresql":
        return
    lane = lane_token.get()
    if lane is not None:
        return await _check_lane(connection, *lane)
    mine = token.get()
    if mine is None:
        return
    fence = text("SELECT leader_fence(:mine, :key)")  # the shared lock, then the epoch: migration 0010
    if not (await connection.execute(fence, {"mine": mine, "key": FENCE_KEY})).scalar():
        noted = refusals.get()
        if noted is not None:
            noted.append("NotLeader")
        raise NotLeader(f"epoch {mine} is over")


async def _check_lane(connection: AsyncConnection, lane: int, mine: int) -> None:
    # A process taking the lane over bumps its epoch, then waits for an exclusive moment on the
    # lane's fence key (`take_lane`): every transaction that read the old epoch has ended by then.
    fence = text("SELECT lane_fence(:cls, :lane, :mine)")  # migration 0012
    if not (await connection.execute(fence, {"cls": LANE_FENCE_CLASS, "lane": lane, "mine": mine})).scalar():
        noted = refusals.get()
        if noted is not None:
            noted.append("NotLeader")
        raise NotLeader(f"lane {lane}: epoch {mine} is over")


async def take_lane(connection: AsyncConnection, lane: int) -> int:
    """For a process that has just locked a lane: its epoch there, once no transaction fenced by
    an earlier one is still open."""
    bump = text(
        "INSERT INTO lane_epoch (lane, epoch) VALUES (:lane, 1) "
        "ON CONFLICT (lane) DO UPDATE SET epoch = lane_epoch.epoch + 1 RETURNING epoch"
    )
    epoch = (await connection.execute(bump, {"lane": lane})).scalar()
    await connection.commit()
    wait = text("SELECT pg_advisory_xact_lock(:cls, :lane)")
    await connection.execute(wait, {"cls": LANE_FENCE_CLASS, "lane": lane})
    await connection.commit()
    assert epoch is not None
    return int(epoch)


async def next_epoch(connection: AsyncConnection) -> tuple[int, bool]:
    """For a process that has just become the leader: its epoch, once no transaction fenced by an
    earlier one is still open (they end or fail within their own time; new ones fail at once),
    and whether the earlier leader's polling is known to have ended."""
    before = text("SELECT poll_closed FROM leader_epoch WHERE id = 1 FOR UPDATE")
    closed = (await connection.execute(before)).scalar()
    bump = text(
        "INSERT INTO leader_epoch (id, epoch, poll_closed) VALUES (1, 1, false) ON CONFLICT (id) "
        "DO UPDATE SET epoch = leader_epoch.epoch + 1, poll_closed = false RETURNING epoch"
    )
    epoch = (await connection.execute(bump)).scalar()
    await connection.commit()
    # Held to the end of this transaction only: nothing can leave it held by mistake.
    await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FENCE_KEY})
    await connection.commit()
    assert epoch is not None
    return int(epoch), closed is None or bool(closed)


async def close_poll(connection: AsyncConnection, epoch: int) -> None:
    """This leader's polling has ended: the next one need not wait for it (only while it is the
    epoch's own leader: a deposed one says nothing for its successor)."""
    done = text("UPDATE leader_epoch SET poll_closed = true WHERE id = 1 AND epoch = :epoch")
    await connection.execute(done, {"epoch": epoch})
    await connection.commit()
