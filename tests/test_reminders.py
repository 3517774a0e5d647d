"""Snoozing a check-in, and one gentle follow-up when it stays unanswered, across restarts."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.config import Settings
from bot.content import Content
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat, start_harness
from tests.helpers import checkins, onboard, outbox

DUE = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # 20:00 in Berlin


def prompts(chat: Chat, fragment: str) -> int:
    return sum(fragment in c.params["text"] for c in chat.telegram.sent_to(chat.user_id))


async def test_snooze_an_hour_asks_again_once_and_survives_a_restart(
    chat: Chat, settings: Settings, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await chat.harness.runtime.tick()
    await chat.tap("Later")
    await chat.tap("In 1 hour")
    assert "Okay, I'll ask again at 21:00." in [m.get("text") for m in chat.my_messages()]
    # The bot restarts before the hour is up: the snooze lives in the database.
    await chat.harness.runtime.leadership.release()  # as a process that died would
    async with start_harness(settings, services) as second_life:
        again = second_life.chat(chat.user_id)
        clock.advance(minutes=59)
        await second_life.runtime.tick()
        assert prompts(again, content.messages.checkin.ask_spasm) == 0
        clock.advance(minutes=2)
        await second_life.runtime.tick()
        await second_life.runtime.tick()
        assert prompts(again, content.messages.checkin.ask_spasm) == 1
        await again.tap("No")
        await again.tap("2")
        await again.tap("Not recorded")
        await again.tap("Done")
    (entry,) = await checkins(services)
    assert (entry.status, entry.stress) == ("done", 2)


async def test_snoozing_twice_the_same_day_is_refused_kindly(
    chat: Chat, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await chat.harness.runtime.tick()
    await chat.tap("Later")
    await chat.tap("In 1 hour")
    clock.advance(minutes=61)
    await chat.harness.runtime.tick()
    await chat.tap("Later")
    await chat.tap("In 3 hours")
    assert content.messages.checkin.snooze_once in [m.get("text") for m in chat.my_messages()]


async def test_snooze_until_tomorrow_closes_todays(chat: Chat, services: Services, clock: FakeClock) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await chat.harness.runtime.tick()
    await chat.tap("Later")
    await chat.tap("Tomorrow")
    (entry,) = await checkins(services)
    assert entry.status == "missed"
    clock.advance(days=1)
    await chat.harness.runtime.tick()
    assert len(await checkins(services)) == 2  # tomorrow's came as usual


async def test_one_gentle_follow_up_after_three_quiet_hours(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await chat.harness.runtime.tick()
    clock.advance(hours=2, minutes=59)
    await chat.harness.runtime.tick()
    assert prompts(chat, content.messages.checkin.followup_intro) == 0
    clock.advance(minutes=2)
    for _ in range(3):
        await chat.harness.runtime.tick()
        clock.advance(minutes=30)
    assert prompts(chat, content.messages.checkin.followup_intro) == 1
    await chat.tap("No")  # the follow-up's buttons answer the same check-in
    await chat.tap("5")
    await chat.tap("Not recorded")
    await chat.tap("Done")
    (entry,) = await checkins(services)
    assert (entry.status, entry.stress) == ("done", 5)
    assert sorted(r.kind for r in await outbox(services)) == ["checkin", "followup"]


async def test_no_follow_up_for_an_answered_or_snoozed_checkin(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await chat.harness.runtime.tick()
    await chat.tap("Later")
    await chat.tap("In 3 hours")
    clock.advance(hours=3, minutes=5)
    await chat.harness.runtime.tick()
    await chat.harness.runtime.tick()
    assert prompts(chat, content.messages.checkin.followup_intro) == 0
    clock.advance(days=1)
    await chat.harness.runtime.tick()
    await chat.tap("Yes")  # answered (partly) right away
    clock.advance(hours=4)
    await chat.harness.runtime.tick()
    assert prompts(chat, content.messages.checkin.followup_intro) == 0
