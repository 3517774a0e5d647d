"""Fencing on PostgreSQL: once another process leads, a deposed leader's writes are refused, even
before it notices; and a new leader starts only after the old leader's writes under way ended."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.runtime.leader import LOCK_KEY, Leadership
from bot.storage.db import session_factory
from bot.storage.fencing import NotLeader, leading
from bot.storage.models import User
from bot.storage.unit_of_work import unit_of_work


async def _end_lock_session(engine: AsyncEngine) -> None:
    """What pg_terminate_backend or a network blip does to the leader's lock session."""
    async with engine.connect() as conn:
        query = text(
            "SELECT pg_terminate_backend(pid) FROM pg_locks"
            " WHERE locktype = 'advisory' AND objid = :k AND granted"
        )
        assert (await conn.execute(query, {"k": LOCK_KEY})).scalars().all() == [True]
        await conn.commit()
    await _lock_free(engine)


async def _lock_free(engine: AsyncEngine) -> bool:
    """Wait (up to 5 s) until no session holds the leader lock: an ended session lets go of it
    only once its backend has exited, a moment after pg_terminate_backend returns."""
    holders = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = :k AND granted")
    for _ in range(50):
        async with engine.connect() as conn:
            if not (await conn.execute(holders, {"k": LOCK_KEY})).scalar():
                return True
        await asyncio.sleep(0.1)
    return False


async def _users(engine: AsyncEngine) -> list[int]:
    async with engine.connect() as conn:
        found = await conn.execute(text("SELECT telegram_id FROM users ORDER BY telegram_id"))
        return list(found.scalars())


@pytest.fixture
async def postgres(engine: AsyncEngine) -> AsyncEngine:
    if engine.dialect.name != "postgresql":
        pytest.skip("fencing guards several processes on PostgreSQL")
    # A bot process an earlier test killed may hold the lock until its session is noticed gone.
    if not await _lock_free(engine):
        await _end_lock_session(engine)
    return engine


@pytest.fixture
async def leaders(postgres: AsyncEngine) -> AsyncIterator[tuple[Leadership, Leadership]]:
    """The old and the new leader; both let go of their connections whatever happens."""
    old, new = Leadership(postgres), Leadership(postgres)
    yield old, new
    await new.release()
    await old.release()  # its session was ended: this only lets go of the connection


async def test_a_deposed_leader_cannot_write_even_before_it_notices(
    postgres: AsyncEngine, leaders: tuple[Leadership, Leadership]
) -> None:
    db, (old, new) = session_factory(postgres), leaders
    assert await old.try_acquire()
    await _end_lock_session(postgres)
    assert await new.try_acquire()  # the next epoch
    assert old.held and old.token is not None and new.token is not None and new.token > old.token
    with leading(old.token), pytest.raises(NotLeader):
        async with unit_of_work(db) as session:
            session.add(User(telegram_id=1, chat_id=1))
    with leading(new.token):
        async with unit_of_work(db) as session:
            session.add(User(telegram_id=2, chat_id=2))
    assert await _users(postgres) == [2]


async def test_a_new_leader_waits_for_the_old_leaders_write_under_way(
    postgres: AsyncEngine, leaders: tuple[Leadership, Leadership]
) -> None:
    db, (old, new) = session_factory(postgres), leaders
    assert await old.try_acquire()
    writing, finish = asyncio.Event(), asyncio.Event()

    async def slow_write() -> None:
        with leading(old.token):
            async with unit_of_work(db) as session:
                session.add(User(telegram_id=3, chat_id=3))
                writing.set()
                await finish.wait()

    write = asyncio.create_task(slow_write())
    await writing.wait()
    await _end_lock_session(postgres)
    taking = asyncio.create_task(new.try_acquire())
    await asyncio.sleep(0.5)
    assert not taking.done()  # the old leader's write may still commit: not yet leading
    finish.set()
    await write
    assert await taking
    assert await _users(postgres) == [3]  # it committed before the new epoch began
    with leading(old.token), pytest.raises(NotLeader):
        async with unit_of_work(db) as session:
            session.add(User(telegram_id=4, chat_id=4))
