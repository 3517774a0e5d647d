"""Scheduled check-ins: at the local time, once a day, late ones skipped, blocked people left alone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.content import Content
from bot.runtime.offline import CONNECTION_REFUSED, TIMEOUT_AFTER_DELIVERY, Failure, buttons_of
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import checkins, onboard, outbox, user_row

# 10:00 in Berlin on 10 March; the check-in is at 20:00 Berlin = 19:00 UTC.
DUE = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)


def scheduled_prompts(chat: Chat, content: Content) -> list[str]:
    return [
        c.params["text"] for c in chat.telegram.sent_to(chat.user_id)
        if content.messages.checkin.scheduled_intro in c.params["text"]
    ]  # fmt: skip


async def tick(chat: Chat) -> None:
    await chat.harness.runtime.tick()


async def test_checkin_arrives_at_the_local_time_and_only_once(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE - timedelta(minutes=1)
    await tick(chat)
    assert scheduled_prompts(chat, content) == []
    clock.now = DUE
    await tick(chat)
    await tick(chat)
    assert len(scheduled_prompts(chat, content)) == 1
    prompt = chat.keyboard_message()
    assert [label for label, _ in buttons_of(prompt)] == ["Yes", "No", "⏰ Later", "📅 Another day"]
    (row,) = await outbox(services)
    assert (row.status, row.local_date, row.message_id) == ("sent", date(2026, 3, 10), prompt["message_id"])
    (entry,) = await checkins(services)
    assert (entry.local_date, entry.message_id, entry.status) == (
        date(2026, 3, 10),
        prompt["message_id"],
        "open",
    )
    user = await user_row(services, chat.user_id)
    assert user is not None and user.next_due_at == DUE + timedelta(days=1)


async def test_the_same_day_is_never_enqueued_twice_even_if_the_schedule_is_replayed(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await tick(chat)
    # As if a second process or a restored backup still had the old due time.
    user = await user_row(services, chat.user_id)
    assert user is not None
    from bot.storage.unit_of_work import unit_of_work

    async with unit_of_work(services.db) as session:
        stored = await session.get(type(user), user.id)
        assert stored is not None
        stored.next_due_at = DUE
    await tick(chat)
    assert len(scheduled_prompts(chat, content)) == 1
    assert len(await outbox(services)) == 1


async def test_a_checkin_that_fell_due_while_down_is_sent_if_under_three_hours_late(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE + timedelta(hours=2, minutes=59)
    await tick(chat)
    assert len(scheduled_prompts(chat, content)) == 1


async def test_a_checkin_more_than_three_hours_late_is_skipped(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE + timedelta(hours=3, minutes=1)
    await tick(chat)
    assert scheduled_prompts(chat, content) == []
    (row,) = await outbox(services)
    assert row.status == "skipped"
    user = await user_row(services, chat.user_id)
    assert user is not None and user.next_due_at == DUE + timedelta(days=1)


async def test_a_person_who_blocked_the_bot_stops_being_scheduled_until_start(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    chat.telegram.fail("sendMessage", Failure(403, "Forbidden: bot was blocked by the user"), chat.user_id)
    clock.now = DUE
    await tick(chat)
    (row,) = await outbox(services)
    assert row.status == "failed"
    user = await user_row(services, chat.user_id)
    assert user is not None and user.blocked and user.next_due_at is None
    clock.advance(days=1)
    await tick(chat)
    assert len(await outbox(services)) == 1
    await chat.send("/start")
    user = await user_row(services, chat.user_id)
    assert user is not None and not user.blocked and user.next_due_at is not None


async def test_flood_limit_waits_retry_after_then_sends(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    chat.telegram.fail("sendMessage", Failure(429, "Too Many Requests", retry_after=30), chat.user_id)
    clock.now = DUE
    await tick(chat)
    (row,) = await outbox(services)
    assert row.status == "pending" and row.not_before == DUE + timedelta(seconds=30)
    clock.advance(seconds=10)
    await tick(chat)
    assert scheduled_prompts(chat, content) == []
    clock.advance(seconds=25)
    await tick(chat)
    assert len(scheduled_prompts(chat, content)) == 1
    (row,) = await outbox(services)
    assert row.status == "sent"


async def test_refused_connection_is_retried_but_an_ambiguous_timeout_is_never_resent(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    other = chat.harness.chat(222)
    await onboard(other, "Berlin", "20:00")
    chat.telegram.fail("sendMessage", Failure(CONNECTION_REFUSED, "refused"), chat.user_id)
    chat.telegram.fail("sendMessage", Failure(TIMEOUT_AFTER_DELIVERY, "slow"), other.user_id)
    clock.now = DUE
    await tick(chat)
    statuses = {row.user_id: row.status for row in await outbox(services)}
    assert sorted(statuses.values()) == ["pending", "unknown"]
    clock.advance(minutes=5)
    await tick(chat)
    assert len(scheduled_prompts(chat, content)) == 1
    assert len(scheduled_prompts(other, content)) == 1  # delivered once before the timeout, not again
    assert sorted(row.status for row in await outbox(services)) == ["sent", "unknown"]


async def test_paused_people_get_no_checkin(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/pause")
    clock.now = DUE
    await tick(chat)
    assert scheduled_prompts(chat, content) == [] and await outbox(services) == []


async def test_yesterdays_unanswered_buttons_go_stale_when_todays_checkin_arrives(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await tick(chat)
    yesterday = chat.keyboard_message()
    clock.advance(days=1)
    await tick(chat)
    await chat.press(yesterday, buttons_of(yesterday)[0][1])
    assert chat.alerts()[-1] == content.messages.checkin.stale
    await chat.tap("No")
    await chat.tap("2")
    await chat.tap("Not recorded")
    await chat.tap("Done")
    first, second = await checkins(services)
    assert (first.local_date, first.status, first.had_spasm) == (date(2026, 3, 10), "missed", None)
    assert (second.local_date, second.status, second.had_spasm) == (date(2026, 3, 11), "done", False)


async def test_an_answer_after_midnight_is_stored_on_the_checkins_own_day(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat, "Berlin", "21:30")
    clock.now = datetime(2026, 3, 10, 20, 30, tzinfo=UTC)  # 21:30 Berlin
    await chat.harness.runtime.tick()
    await chat.tap("Yes")
    clock.now = datetime(2026, 3, 10, 23, 10, tzinfo=UTC)  # 00:10 the next day in Berlin
    await chat.tap("Nose")
    await chat.tap("Done")
    await chat.tap("Skip")
    await chat.tap("2")
    await chat.tap("Seconds")
    await chat.tap("None of these")
    await chat.tap("1")
    await chat.tap("Not recorded")
    await chat.tap("Done")
    (entry,) = await checkins(services)
    assert (entry.local_date, entry.status) == (date(2026, 3, 10), "done")
