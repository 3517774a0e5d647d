"""Two `run` processes on one PostgreSQL: each update handled once, and a standby takes over."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from bot.runtime.leader import LOCK_KEY
from bot.runtime.offline import Person
from bot.storage.db import session_factory
from bot.storage.models import InboxUpdate
from tests.bot_process import TOKEN, BotProcess
from tests.fake_bot_api import FakeBotApiServer

pytestmark = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL")


@pytest.fixture
def api() -> Iterator[FakeBotApiServer]:
    with FakeBotApiServer(TOKEN) as server:
        yield server


def welcomes(api: FakeBotApiServer, chat_id: int) -> int:
    return sum("Hi, I'm Spasm Diary" in c.params["text"] for c in api.telegram.sent_to(chat_id))


async def test_two_processes_handle_each_update_once_and_a_standby_takes_over(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("several processes need PostgreSQL")
    fast = "0.5"  # LEADER_RETRY_SECONDS
    (tmp_path / "a").mkdir()
    first = BotProcess(api, db_url, tmp_path / "a", Person(1001), LEADER_RETRY_SECONDS=fast)
    api.push(lambda uid: Person(1001).message("/start", uid))
    api.wait_for(lambda _: welcomes(api, 1001))  # the first process leads
    (tmp_path / "b").mkdir()
    second = BotProcess(api, db_url, tmp_path / "b", Person(1002), wait=False, LEADER_RETRY_SECONDS=fast)
    try:
        for person in (1002, 1003):
            api.push(Person(person).message_builder("/start"))
        api.wait_for(lambda _: all(welcomes(api, p) for p in (1001, 1002, 1003)))
        first.kill()  # the leader dies mid-flight; the standby must carry on
        for person in (1004, 1005):
            api.push(Person(person).message_builder("/start"))
        api.wait_for(lambda _: all(welcomes(api, p) for p in (1004, 1005)), timeout=60)
    finally:
        second.stop()
    assert [welcomes(api, p) for p in (1001, 1002, 1003, 1004, 1005)] == [1, 1, 1, 1, 1]
    async with session_factory(engine)() as session:
        rows = list(await session.exec(select(InboxUpdate)))
    assert len(rows) == 5 and all(r.handled_at is not None for r in rows)


async def test_the_leader_lock_is_exclusive_and_really_released(engine: AsyncEngine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the lock is PostgreSQL's")
    from bot.runtime.leader import Leadership

    first, second = Leadership(engine), Leadership(engine)
    assert await first.try_acquire() and not await second.try_acquire()
    await first.release()  # its pooled connection must not keep the lock
    assert await second.try_acquire() and await second.still_held()
    await second.release()


async def test_a_new_leader_waits_only_when_its_predecessor_may_still_be_polling(
    engine: AsyncEngine,
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the lock is PostgreSQL's")
    from bot.runtime.leader import Leadership

    first = Leadership(engine)
    assert await first.try_acquire()
    await first.polling_ended()  # a clean stop: its getUpdates is over
    await first.release()
    second = Leadership(engine)
    assert await second.try_acquire() and second.predecessor_closed  # no grace needed
    await second.release()  # without saying its polling ended, as when its session breaks
    third = Leadership(engine)
    assert await third.try_acquire() and not third.predecessor_closed  # waits out the grace
    await third.polling_ended()
    await third.release()


async def test_a_leader_whose_lock_session_ends_stops_polling_within_seconds(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the lock is PostgreSQL's")
    bot = BotProcess(api, db_url, tmp_path, Person(1101), LEADER_RETRY_SECONDS="30", TICK_SECONDS="60")
    bot.say("/start")
    bot.wait_text("Hi, I'm Spasm Diary")
    await asyncio.sleep(2)  # past the first tick: the next is a minute away
    async with engine.connect() as conn:  # what pg_terminate_backend or a network blip does
        ended = await conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_locks"
                " WHERE locktype = 'advisory' AND objid = :key AND granted"
            ),
            {"key": LOCK_KEY},
        )
        assert ended.scalars().all() == [True]
        # Another process takes the lead at once; the old leader must stop.
        await conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
        await asyncio.sleep(3)
        bot.person = Person(1102)
        bot.say("/start")
        await asyncio.sleep(2)
        welcomed = [c for c in api.telegram.sent_to(1102) if "Hi, I'm Spasm Diary" in c.params["text"]]
        await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
    output = bot.stop()
    assert welcomed == []  # not polled, not handled: the other leader's to take
    assert "lost leadership" in output
