"""Telegram misbehaving: outages, odd errors, expired queries, and the poller staying alive."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select
from telegram.error import InvalidToken

from bot.config import Settings
from bot.content import Content
from bot.runtime.inbox import DurablePoller
from bot.runtime.offline import CONNECTION_REFUSED, Failure, Person
from bot.services.registry import Services
from bot.storage.models import InboxUpdate
from bot.storage.unit_of_work import unit_of_work
from tests.conftest import FakeClock
from tests.harness import Chat, start_harness
from tests.helpers import checkins, onboard, outbox

DUE = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)


def prompts(chat: Chat, content: Content) -> int:
    return sum(
        content.messages.checkin.scheduled_intro in c.params["text"]
        for c in chat.telegram.sent_to(chat.user_id)
    )


async def test_a_long_outage_is_retried_until_it_would_be_too_late(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    chat.telegram.fail("sendMessage", Failure(CONNECTION_REFUSED, "down", times=1000), chat.user_id)
    clock.now = DUE
    for _ in range(40):  # 40 minutes of refused connections
        await chat.harness.runtime.tick()
        clock.advance(minutes=1)
    (row,) = await outbox(services)
    assert row.status == "pending" and row.attempts > 6
    chat.telegram.failures.clear()
    clock.advance(minutes=10)
    await chat.harness.runtime.tick()
    assert prompts(chat, content) == 1


async def test_an_outage_past_the_grace_period_gives_up_and_closes_the_checkin(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    chat.telegram.fail("sendMessage", Failure(CONNECTION_REFUSED, "down", times=1000), chat.user_id)
    clock.now = DUE
    while clock.now < DUE + timedelta(hours=3, minutes=15):
        await chat.harness.runtime.tick()
        clock.advance(minutes=5)
    (row,) = await outbox(services)
    assert row.status == "failed"
    (entry,) = await checkins(services)
    assert entry.status == "missed"
    assert prompts(chat, content) == 0


@pytest.mark.parametrize(("code", "description", "status"), [
    (500, "Internal Server Error", "pending"),
    (503, "Service Unavailable", "pending"),
    (502, "Bad Gateway", "unknown"),
    (504, "Gateway Timeout", "unknown"),
    (409, "Conflict: terminated by other getUpdates request", "unknown"),
])  # fmt: skip
async def test_error_statuses_are_retried_only_when_surely_not_delivered(
    chat: Chat, services: Services, clock: FakeClock, code: int, description: str, status: str
) -> None:
    await onboard(chat, "Berlin", "20:00")
    chat.telegram.fail("sendMessage", Failure(code, description), chat.user_id)
    clock.now = DUE
    await chat.harness.runtime.tick()
    (row,) = await outbox(services)
    assert row.status == status


async def test_one_odd_failure_does_not_stop_the_others(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    people = [chat, chat.harness.chat(201), chat.harness.chat(202)]
    for person in people:
        await onboard(person, "Berlin", "20:00")
    chat.telegram.fail("sendMessage", Failure(409, "Conflict"), chat.user_id)
    clock.now = DUE
    await chat.harness.runtime.tick()
    assert [prompts(p, content) for p in people] == [0, 1, 1]
    assert sorted(r.status for r in await outbox(services)) == ["sent", "sent", "unknown"]


async def test_an_expired_button_query_still_saves_and_shows_the_answer(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    chat.telegram.fail("answerCallbackQuery", Failure(400, "Bad Request: query is too old"))
    await chat.tap("No")
    assert chat.keyboard_message()["text"] == content.messages.checkin.ask_stress
    assert content.messages.general.error not in [m["text"] for m in chat.my_messages()]
    (entry,) = await checkins(services)
    assert entry.had_spasm is False


async def test_the_poller_survives_faults_and_acknowledges_only_stored_updates(
    settings: Settings, services: Services
) -> None:
    person = Person(303)
    async with start_harness(settings, services) as harness:
        telegram = harness.telegram
        telegram.fail("getUpdates", Failure(409, "Conflict: another getUpdates", times=2))
        telegram.updates.append(person.message("/start", 41))
        stop = asyncio.Event()
        poller = asyncio.create_task(DurablePoller(harness.runtime).run(stop))
        for _ in range(400):
            if telegram.sent_to(303) and telegram.confirmed_below > 41:
                break
            await asyncio.sleep(0.025)
        stop.set()
        await asyncio.wait_for(poller, timeout=10)
    assert any("Hi, I'm Spasm Diary" in c.params["text"] for c in telegram.sent_to(303))
    assert telegram.confirmed_below == 42
    async with unit_of_work(services.db) as session:
        (row,) = await session.exec(select(InboxUpdate))
    assert row.update_id == 41 and row.handled_at is not None


async def test_a_refused_token_stops_the_poller_loudly(settings: Settings, services: Services) -> None:
    async with start_harness(settings, services) as harness:
        harness.telegram.fail("getUpdates", Failure(401, "Unauthorized"))
        with pytest.raises(InvalidToken):
            await asyncio.wait_for(DurablePoller(harness.runtime).run(asyncio.Event()), timeout=10)
