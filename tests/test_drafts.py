"""Changes to a saved entry (a report typed later, or a correction) wait in a draft: the saved entry
stays as it is, counted everywhere, until the draft is saved; an abandoned draft changes nothing."""

from __future__ import annotations

from bot.runtime.offline import Failure, buttons_of
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import checkins, onboard, quiet_day


async def test_a_correction_while_a_report_waits_goes_into_the_same_draft(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await quiet_day(chat, "2", "Caffeine")
    clock.advance(hours=2)
    await chat.send("slept 5 hours")  # waits for Save
    await chat.send("/history")
    await chat.tap("2026-03-10")
    await chat.tap("Correct")
    await chat.tap("Triggers")
    await chat.tap("Alcohol")
    await chat.tap("Done")
    assert "Sleep: not recorded → 5 h" in chat.keyboard_message()["text"]  # still there, for review
    await chat.tap("✅ Save")
    (day,) = await checkins(services)
    assert (day.status, day.sleep_hours, day.triggers) == ("done", 5.0, "poor_sleep,caffeine,alcohol")


async def test_saving_a_report_on_a_saved_day_sends_no_tips_again(chat: Chat, clock: FakeClock) -> None:
    await onboard(chat)
    await quiet_day(chat, "2", "Caffeine")
    assert "Something that may help" in chat.last_text()
    clock.advance(hours=2)
    await chat.send("stress 4")
    calls = await chat.tap("✅ Save")
    assert not any("Something that may help" in str(c.params.get("text")) for c in calls)


async def test_an_unfinished_correction_leaves_the_saved_day_in_place(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await quiet_day(chat, "2")
    clock.advance(hours=2)
    await chat.tap("Correct")
    await chat.tap("Sleep")  # never answered
    clock.advance(hours=1)
    await chat.send("/history")
    assert [label for label, _ in buttons_of(chat.keyboard_message())] == ["2026-03-10: no spasms"]
    saved = next(c for c in await checkins(services) if c.amends_id is None)
    assert (saved.status, saved.stress) == ("done", 2)


async def test_typed_hours_correct_an_older_entry_and_a_report_meanwhile_is_not_lost(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await quiet_day(chat, "2")
    clock.advance(hours=24)  # the next day
    await chat.send("/history")
    await chat.tap("2026-03-10")
    await chat.tap("Correct")
    await chat.tap("Sleep")
    await chat.send("left cheek twitching now, 5/10, for 10 minutes")  # news, not the answer
    today = next(c for c in await checkins(services) if c.local_date.day == 11)  # today's, for review
    assert (today.locations, today.severity, today.review) == ("cheek", 5, True)
    await chat.send("/history")
    await chat.tap("2026-03-10")
    await chat.tap("Correct")
    await chat.tap("Sleep")
    await chat.send("6.5")
    saved = next(c for c in await checkins(services) if c.local_date.day == 10)
    assert (saved.status, saved.sleep_hours) == ("done", 6.5)


async def test_deleting_a_saved_entry_drops_its_draft(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await quiet_day(chat, "2")
    clock.advance(hours=2)
    await chat.send("stress 6")
    draft_card = chat.keyboard_message()
    await chat.send("/history")
    await chat.tap("2026-03-10")
    await chat.tap("Delete")
    await chat.tap("Yes, delete")
    assert await checkins(services) == []
    await chat.press(draft_card, next(data for label, data in buttons_of(draft_card) if "Save" in label))
    assert await checkins(services) == []


async def test_a_card_sent_anew_when_the_list_cannot_be_edited_has_live_buttons(chat: Chat) -> None:
    await onboard(chat)
    await quiet_day(chat, "2")
    await chat.send("/history")
    chat.telegram.fail("editMessageText", Failure(400, "Bad Request: message can't be edited"))
    await chat.tap("2026-03-10")
    await chat.tap("Correct")
    assert "What would you like to correct?" in chat.keyboard_message()["text"]
