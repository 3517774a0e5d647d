"""One lock order for a person and their check-ins (the person's row first): the scheduler's
claim of a due check-in and a handler working on that person never deadlock on PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import checkins, onboard

DUE = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # 20:00 in Berlin


async def test_claiming_a_due_checkin_waits_for_a_handler_holding_the_person(
    chat: Chat, services: Services, clock: FakeClock, engine: AsyncEngine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("row locks are PostgreSQL's (SQLite writes one transaction at a time)")
    clock.now = datetime(2026, 3, 9, 20, 0, tzinfo=UTC)  # after that day's check-in time
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/checkin")
    await chat.tap("Yes")  # yesterday's check-in, still open: the handler's
    clock.now = DUE
    await services.outbox.enqueue_due()
    async with engine.connect() as handler:
        # A handler's transaction: the person's row first, then their open check-in.
        transaction = await handler.begin()
        who = {"t": chat.user_id}
        await handler.execute(text("SELECT id FROM users WHERE telegram_id = :t FOR UPDATE"), who)
        claiming = asyncio.create_task(services.outbox.claim())
        await asyncio.sleep(0.5)  # the claim runs while the handler holds the person
        await handler.execute(
            text(
                "UPDATE checkins SET status = status WHERE status = 'open' AND user_id = "
                "(SELECT id FROM users WHERE telegram_id = :t)"
            ),
            who,
        )
        await transaction.commit()
    first = await claiming  # no deadlock error: it skipped the busy person
    later = await services.outbox.claim()
    assert [d.telegram_id for d in [*first, *later]] == [chat.user_id]
    assert len([c for c in await checkins(services) if c.status == "open"]) == 1
