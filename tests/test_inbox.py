"""Updates are stored before they are acknowledged, handled once, and survive a crash."""

from __future__ import annotations

import asyncio
import itertools

from sqlmodel import select
from telegram import Update
from telegram.ext import TypeHandler

from bot.config import Settings
from bot.runtime.inbox import DurablePoller
from bot.runtime.offline import Person
from bot.services.registry import Services
from bot.storage.models import InboxUpdate, User
from bot.storage.unit_of_work import unit_of_work
from tests.harness import start_harness


async def test_stored_updates_are_handled_once_even_if_redelivered(
    settings: Settings, services: Services
) -> None:
    person = Person(555)
    async with start_harness(settings, services) as harness:
        poller = DurablePoller(harness.runtime)
        start = person.message("/start", 1)
        await poller.store([start])
        await poller.store([start, person.message("Lisbon", 2)])  # Telegram sent it again
        assert await poller.drain() == 2
        assert await poller.drain() == 0
    sent = harness.telegram.sent_to(555)
    assert sum("Hi, I'm Spasm Diary" in c.params["text"] for c in sent) == 1
    async with unit_of_work(services.db) as session:
        user = (await session.exec(select(User))).one()
        handled = list(await session.exec(select(InboxUpdate)))
    assert user.timezone == "Europe/Lisbon"
    assert [row.update_id for row in handled] == [1, 2] and all(row.handled_at for row in handled)


async def test_an_update_stored_before_a_crash_is_handled_after_restart(
    settings: Settings, services: Services
) -> None:
    person = Person(556)
    async with start_harness(settings, services) as first_life:
        await DurablePoller(first_life.runtime).store([person.message("/start", 10)])
        # The process dies here: stored, acknowledged, not yet handled.
    async with start_harness(settings, services) as second_life:
        assert await DurablePoller(second_life.runtime).drain() == 1
    assert any("Hi, I'm Spasm Diary" in c.params["text"] for c in second_life.telegram.sent_to(556))


async def test_a_malformed_stored_update_does_not_block_the_rest(
    settings: Settings, services: Services
) -> None:
    person = Person(557)
    async with start_harness(settings, services) as harness:
        poller = DurablePoller(harness.runtime)
        await poller.store([{"update_id": 20, "message": {"garbage": True}}, person.message("/start", 21)])
        assert await poller.drain() == 2
    async with unit_of_work(services.db) as session:
        rows = {row.update_id: row for row in await session.exec(select(InboxUpdate))}
    assert rows[20].handled_at is not None and rows[20].error is not None
    assert rows[21].error is None
    assert harness.telegram.sent_to(557)


async def test_people_are_handled_side_by_side_but_each_persons_updates_strictly_in_order(
    settings: Settings, services: Services
) -> None:
    events: list[tuple[str, int, int]] = []  # (begin or end, person, their n-th message)

    async def watch(update: Update, _: object) -> None:
        assert update.effective_user is not None and update.effective_message is not None
        person, n = update.effective_user.id, int((update.effective_message.text or "").split()[-1])
        events.append(("begin", person, n))
        await asyncio.sleep(0.002 * (n % 3))  # a slow handler must not let the next one overtake
        events.append(("end", person, n))

    people = [Person(600 + i) for i in range(4)]
    async with start_harness(settings, services) as harness:
        harness.runtime.application.add_handler(TypeHandler(Update, watch), group=-2)
        ids = itertools.count(100)
        # Stored before the poller starts (as after a crash), then more arriving while it runs.
        poller = DurablePoller(harness.runtime)
        await poller.store([p.message(f"/help {n}", next(ids)) for n in range(3) for p in people])
        harness.telegram.updates.extend(
            p.message(f"/help {n}", next(ids)) for n in range(3, 12) for p in people
        )
        stop = asyncio.Event()
        running = asyncio.create_task(poller.run(stop))
        for _ in range(400):
            if sum(kind == "end" for kind, _, _ in events) == 12 * len(people):
                break
            await asyncio.sleep(0.025)
        stop.set()
        await asyncio.wait_for(running, timeout=10)
    for person in people:
        mine = [(kind, n) for kind, who, n in events if who == person.user_id]
        assert mine == [
            (kind, n) for n in range(12) for kind in ("begin", "end")
        ]  # once each, never overlapping
    if harness.runtime.engine.dialect.name == "postgresql":  # SQLite handlers take turns
        overlapping = any(
            events[i][0] == "begin" and events[i + 1][0] == "begin" for i in range(len(events) - 1)
        )
        assert overlapping
    async with unit_of_work(services.db) as session:
        rows = list(await session.exec(select(InboxUpdate)))
    assert len(rows) == 12 * len(people) and all(row.handled_at and not row.error for row in rows)


async def test_an_update_from_a_group_is_not_kept_in_the_inbox(
    settings: Settings, services: Services
) -> None:
    person = Person(556)
    async with start_harness(settings, services) as harness:
        poller = DurablePoller(harness.runtime)
        in_group = person.message("stress 7, eye twitching", 30)
        in_group["message"]["chat"] = {"id": -100777, "type": "supergroup", "title": "Friends"}
        await poller.store([in_group, person.message("/help", 31)])
        assert await poller.drain() == 2
    assert [c.method for c in harness.telegram.calls if c.params.get("chat_id") == -100777] == [
        "sendMessage", "leaveChat",
    ]  # fmt: skip
    async with unit_of_work(services.db) as session:
        kept = [row.update_id for row in await session.exec(select(InboxUpdate))]
    assert kept == [31]
