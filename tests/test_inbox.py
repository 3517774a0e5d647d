"""Updates are stored before they are acknowledged, handled once, and survive a crash."""

from __future__ import annotations

from sqlmodel import select

from bot.config import Settings
from bot.inbox import DurablePoller
from bot.models import InboxUpdate, User
from bot.offline import Person
from bot.services.common import unit_of_work
from bot.services.registry import Services
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
