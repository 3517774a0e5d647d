"""Processes share the handling by lanes of people (PostgreSQL): an even share each, a stopped
process's lanes taken over, and a process that lost a lane can no longer write for it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from bot.runtime.lanes import LANE_CLASS, LANES, LaneKeeper, lane_of
from bot.runtime.offline import Person
from bot.storage import fencing
from bot.storage.db import session_factory
from bot.storage.fencing import NotLeader
from bot.storage.models import InboxUpdate, LaneEpoch
from bot.storage.unit_of_work import unit_of_work
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApiServer


def idle(_: int) -> bool:
    return False


@pytest.fixture
async def keepers(engine: AsyncEngine) -> AsyncIterator[tuple[LaneKeeper, LaneKeeper]]:
    if engine.dialect.name != "postgresql":
        pytest.skip("lanes are shared between processes on PostgreSQL only")
    first, second = LaneKeeper(engine), LaneKeeper(engine)
    try:
        yield first, second
    finally:
        await first.release()
        await second.release()


async def epoch_of(engine: AsyncEngine, lane: int) -> int:
    async with session_factory(engine)() as session:
        row = await session.get(LaneEpoch, lane)
    assert row is not None
    return row.epoch


async def test_on_sqlite_the_one_process_handles_every_lane_unfenced(engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's case")
    keeper = LaneKeeper(engine)
    await keeper.balance(idle)
    assert keeper.owned == list(range(LANES)) and set(keeper.epochs.values()) == {None}


async def test_two_processes_hold_half_the_lanes_each_and_one_takes_over_when_the_other_stops(
    keepers: tuple[LaneKeeper, LaneKeeper], engine: AsyncEngine
) -> None:
    first, second = keepers
    await first.balance(idle)
    assert first.owned == list(range(LANES))  # alone: everything
    before = await epoch_of(engine, 12)
    await second.balance(idle)  # joins; every lane is still held
    assert second.owned == []
    await first.balance(idle)  # two now: gives up its surplus
    await second.balance(idle)
    assert len(first.owned) == len(second.owned) == LANES // 2
    assert set(first.owned).isdisjoint(second.owned)
    assert second.epochs[12] == before + 1 == await epoch_of(engine, 12)  # taken over: a new epoch
    await first.release()  # stops (or its session ends)
    await second.balance(idle)
    assert second.owned == list(range(LANES))


async def test_a_lane_with_updates_under_way_is_handed_over_only_once_they_finished(
    keepers: tuple[LaneKeeper, LaneKeeper],
) -> None:
    first, second = keepers
    await first.balance(idle)
    await second.balance(idle)
    await first.balance(lambda lane: lane == LANES - 1)  # still handling someone in the last lane
    await second.balance(idle)
    assert LANES - 1 not in first.owned + second.owned  # nothing new starts there meanwhile
    assert len(second.owned) == LANES // 2 - 1
    await first.balance(idle)  # finished: unlocked
    await second.balance(idle)
    assert LANES - 1 in second.owned


async def test_a_process_that_lost_a_lane_cannot_write_for_it_and_the_new_one_waits_for_its_write(
    keepers: tuple[LaneKeeper, LaneKeeper], engine: AsyncEngine
) -> None:
    first, second = keepers
    db = session_factory(engine)
    await first.balance(idle)
    lane = LANES - 1
    old = first.epochs[lane]
    assert old is not None
    fencing.lane_token.set((lane, old))
    async with unit_of_work(db) as session:  # a handler's write under way in the old process
        session.add(InboxUpdate(update_id=1, payload="{}", sender_id=lane))
        await session.flush()
        await second.balance(idle)
        await first.balance(idle)  # gives the lane up while that write is still open
        taking = asyncio.create_task(second.balance(idle))
        await asyncio.sleep(0.5)
        assert not taking.done()  # the new process waits for it to end
    await asyncio.wait_for(taking, 10)
    assert lane in second.owned
    with pytest.raises(NotLeader):  # later writes of the old process are refused
        async with unit_of_work(db) as session:
            session.add(InboxUpdate(update_id=2, payload="{}", sender_id=lane))
    fencing.lane_token.set(None)
    async with db() as session:
        stored = [u.update_id for u in await session.exec(select(InboxUpdate))]
    assert stored == [1]


def answered(api: FakeBotApiServer, chat_id: int) -> list[str]:
    return [c.params["text"][:20] for c in api.telegram.sent_to(chat_id) if "text" in c.params]


async def test_two_processes_both_handle_each_persons_updates_once_and_in_order(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("several processes need PostgreSQL")
    fast = {"LEADER_RETRY_SECONDS": "0.5"}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = BotProcess(api, db_url, tmp_path / "a", Person(2000), env=fast)
    second = BotProcess(api, db_url, tmp_path / "b", Person(2000), wait=False, env=fast)
    people = list(range(3000, 3032))  # two in every lane
    assert {lane_of(p) for p in people} == set(range(LANES))
    try:
        async with engine.connect() as conn:  # both processes hold lanes: 8 each
            for _ in range(100):
                held = (
                    await conn.execute(
                        text(
                            "SELECT pid, count(*) FROM pg_locks WHERE locktype = 'advisory'"
                            " AND classid::bigint = :cls AND objsubid = 2 AND granted GROUP BY pid"
                        ),
                        {"cls": LANE_CLASS},
                    )
                ).all()
                await conn.commit()
                if sorted(n for _, n in held) == [LANES // 2, LANES // 2]:
                    break
                await asyncio.sleep(0.2)
        assert sorted(n for _, n in held) == [LANES // 2, LANES // 2]
        for person in people:
            api.push(Person(person).message_builder("/start"))
            api.push(Person(person).message_builder("/help"))
        api.wait_for(lambda _: all(len(answered(api, p)) >= 3 for p in people), timeout=60)
        second.kill()  # its lanes pass to the first process
        for person in people:
            api.push(Person(person).message_builder("/privacy"))
        api.wait_for(lambda _: all(len(answered(api, p)) >= 4 for p in people), timeout=60)
    finally:
        first.stop()
        if second.process.poll() is None:
            second.stop()
    expected = [
        "Hi, I'm Spasm Diary ",
        "First, which time zo",
        "Here is what I can d",
        "What I store, and wh",
    ]
    for person in people:  # once each, and in the order the person sent them
        assert answered(api, person) == expected
    async with session_factory(engine)() as session:
        rows = list(await session.exec(select(InboxUpdate)))
    assert len(rows) == 3 * len(people) and all(r.handled_at is not None for r in rows)
