"""What happens to check-ins left half-done, corrections abandoned, and days already answered."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.content import Content
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import checkins, onboard, outbox, quiet_day, user_row

DUE = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # 20:00 in Berlin


async def test_a_half_answered_checkin_is_closed_next_day_and_gets_no_later_answers(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await chat.harness.runtime.tick()
    await chat.tap("No")  # then walks away at the stress step
    clock.advance(days=1)
    await chat.harness.runtime.tick()
    await chat.send("7")  # meant for today, which is still at its first question
    assert chat.last_text() == content.messages.checkin.use_buttons
    first, second = await checkins(services)
    assert (first.local_date, first.status, first.stress) == (date(2026, 3, 10), "partial", None)
    assert (second.local_date, second.status, second.stress) == (date(2026, 3, 11), "open", None)


async def test_an_abandoned_correction_restores_the_saved_answers(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.tap("Cheek")
    await chat.tap("Done")
    await chat.tap("Skip")
    await chat.tap("5")
    await chat.tap("Minutes")
    await chat.tap("None of these")
    await chat.tap("6")
    await chat.tap("Not recorded")
    await chat.tap("Done")
    await chat.tap("Correct")
    await chat.tap("Spasms")  # answers cleared while correcting ...
    clock.advance(days=1)
    await chat.send("/checkin")  # ... and the correction is never finished
    first = (await checkins(services))[0]
    assert (first.status, first.had_spasm, first.locations, first.severity, first.duration, first.stress) == (
        "done", True, "cheek", 5, "minutes", 6,
    )  # fmt: skip
    assert first.backup is None


async def test_log_leaves_todays_scheduled_checkin_answerable(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE
    await chat.harness.runtime.tick()
    scheduled = chat.keyboard_message()
    await chat.send("/log")
    await chat.press(scheduled, buttons_of(scheduled)[1][1])  # "No" on the daily check-in
    kinds = {c.kind: (c.status, c.step) for c in await checkins(services)}
    assert kinds == {"checkin": ("open", "stress"), "episode": ("open", "locations")}


async def test_a_day_answered_with_checkin_gets_no_scheduled_prompt(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat, "Berlin", "20:00")
    clock.now = DUE - timedelta(hours=2)
    await quiet_day(chat, "1")
    clock.now = DUE
    await chat.harness.runtime.tick()
    sent = [c.params["text"] for c in chat.telegram.sent_to(chat.user_id)]
    assert not any(content.messages.checkin.scheduled_intro in t for t in sent)
    (row,) = await outbox(services)
    assert (row.status, row.error) == ("skipped", "already answered")
    assert len(await checkins(services)) == 1


async def test_a_command_ends_a_pending_time_zone_question(chat: Chat, services: Services) -> None:
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/settings")
    await chat.tap("Change time zone")
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.send("5")
    (entry,) = await checkins(services)
    assert entry.stress == 5
    user = await user_row(services, chat.user_id)
    assert user is not None and (user.timezone, user.awaiting_input) == ("Europe/Berlin", None)


async def test_whitespace_only_text_gets_a_friendly_pointer(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await chat.send("   \u200b ")
    assert chat.last_text() == content.messages.general.unknown_text


async def test_no_tip_is_repeated_back_to_back_for_any_trigger(chat: Chat, content: Content) -> None:
    await onboard(chat)
    for trigger in ("Caffeine", "Alcohol", "New medication", "Screen time", "Fatigue"):
        seen: list[set[str]] = []
        for _ in range(3):
            await quiet_day(chat, "2", trigger)
            latest = " ".join(m["text"] for m in chat.my_messages()[-2:])  # tips, maybe a care note
            seen.append({t.id for t in content.tips.tips if t.text in latest})
        assert all(seen) and seen[0].isdisjoint(seen[1]) and seen[1].isdisjoint(seen[2]), trigger
