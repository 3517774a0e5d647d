"""The diary as a record a person can trust: what they recorded stays unless they confirm a change,
notes add up, cancel leaves the saved diary as it was, and typed words mean what they say."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.content import Content
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from bot.storage.models import SafetyEvent
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import checkins, note_texts, onboard, quiet_day, rows


def button(message: dict[str, object], label: str) -> str:
    return next(data for text, data in buttons_of(message) if label in text)


async def spasm_with_red_flag(chat: Chat) -> None:
    await chat.send("/checkin")
    for label in ("Yes", "Eyelid", "Done", "Left", "6", "Minutes", "Weakness"):
        await chat.tap(label)


async def test_a_later_report_shows_old_to_new_and_never_drops_red_flags(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await spasm_with_red_flag(chat)
    for label in ("5", "Not recorded", "Done"):
        await chat.tap(label)
    (saved,) = await checkins(services)
    assert (saved.status, saved.sides, saved.red_flags) == ("done", "eyelid:left", "paralysis")
    await chat.send("none today, stress 8")
    review = chat.keyboard_message()["text"]
    assert "Spasms: Yes → none" in review and "Stress: 5/10 → 8/10" in review
    assert "Also reported" not in review  # the red flag is not something the report changes
    (kept,) = [c for c in await checkins(services) if c.amends_id is None]
    assert (kept.had_spasm, kept.stress, kept.locations) == (True, 5, "eyelid")  # nothing saved yet
    await chat.tap("✅ Save")
    (after,) = await checkins(services)
    assert (after.had_spasm, after.stress, after.red_flags) == (False, 8, "paralysis")
    assert len(await rows(services, SafetyEvent)) == 1


async def test_cancel_leaves_the_saved_diary_exactly_as_it_was(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await quiet_day(chat, "3")
    card = chat.keyboard_message()
    before = [c.model_dump() for c in await checkins(services)]
    await chat.send("stress 9, 3 coffees")  # a draft of changes
    await chat.send("/cancel")
    assert chat.last_text() == content.messages.general.cancelled
    assert [c.model_dump() for c in await checkins(services)] == before
    await chat.press(card, button(card, "Add a note"))
    await chat.tap("✖ Cancel")  # the note prompt's own button
    await chat.send("this is not a note")
    (entry,) = await checkins(services)
    assert note_texts(entry) == []
    await chat.send("cancel")
    assert chat.last_text() == content.messages.general.nothing_to_cancel


async def test_notes_add_up_by_button_and_by_reply_and_nothing_else_is_a_note(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await quiet_day(chat, "2")
    card = chat.keyboard_message()
    await chat.send("why does my eyelid twitch?")  # a question is answered, not noted
    assert "Source:" in chat.last_text()
    await chat.send("asdfgh")
    await chat.send("👍")
    await chat.press(card, button(card, "Add a note"))
    await chat.send("long day at the screen")
    await chat.press(card, button(card, "Add a note"))
    await chat.send("x" * 1001)
    assert "longer than 1000 characters" in chat.last_text()
    await chat.send("better after a walk")
    await chat.reply_to(card, "and a headache in the evening")
    (entry,) = await checkins(services)
    said = ["long day at the screen", "better after a walk", "and a headache in the evening"]
    assert note_texts(entry) == said
    assert all(n["at"] for n in json.loads(entry.notes))
    await chat.send("/history")
    await chat.tap(entry.local_date.isoformat())
    shown = chat.keyboard_message()["text"]
    assert all(f"Note: {note}" in shown for note in said)


async def test_typed_no_skip_and_none_at_button_steps(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.send("yes")
    await chat.tap("Cheek")
    await chat.tap("Done")
    await chat.send("skip")  # the side
    await chat.send("4")
    await chat.tap("Seconds")
    await chat.send("skip")  # never "none of these" for the red-flag question: still asked
    assert "Anything else right now?" in chat.keyboard_message()["text"]
    await chat.send("none")
    await chat.send("3")
    await chat.send("no")  # sleep: not recorded
    await chat.send("nope")  # triggers: none
    (entry,) = await checkins(services)
    assert (entry.status, entry.sides, entry.red_flags, entry.sleep_hours, entry.triggers) == (
        "done", "", "", None, ""
    )  # fmt: skip


async def test_a_report_about_yesterday_is_saved_on_that_day_and_a_plan_is_refused(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat)
    await chat.send("tomorrow my eye will twitch for sure")
    assert chat.last_text() == content.messages.checkin.day_future
    assert await checkins(services) == []
    await chat.send("yesterday my right cheek twitched for an hour")
    assert "Day: Monday, 2026-03-09" in chat.keyboard_message()["text"]
    await chat.send("and it started after coffee")  # still about yesterday's report
    for label in ("5", "None of these", "4", "7", "✅ Save"):
        await chat.tap(label)
    (entry,) = await checkins(services)
    assert (entry.local_date.isoformat(), entry.status, entry.sides) == ("2026-03-09", "done", "cheek:right")
    assert "caffeine" in (entry.triggers or "")


async def test_another_day_buttons_move_a_checkin_to_an_earlier_day_never_a_taken_one(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("📅 Another day")
    assert chat.keyboard_message()["text"] == content.messages.checkin.ask_day
    await chat.tap("Yesterday")
    assert "📅 For Monday, 2026-03-09" in chat.keyboard_message()["text"]
    for label in ("No", "2", "Not recorded", "Done"):
        await chat.tap(label)
    clock.advance(minutes=5)
    await chat.send("/checkin")
    await chat.tap("📅 Another day")
    await chat.tap("Yesterday")  # already has its check-in
    assert chat.alerts()[-1] == content.messages.checkin.day_taken
    days = sorted(c.local_date.isoformat() for c in await checkins(services))
    assert days == ["2026-03-09", "2026-03-10"]
    assert (await checkins(services))[0].local_date == clock.now.date() - timedelta(days=1)


async def test_a_side_without_a_place_and_a_correction_of_a_deleted_entry_change_nothing(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("left")
    assert chat.last_text() == content.messages.general.unknown_text
    assert await checkins(services) == []
    await quiet_day(chat, "3")
    card = chat.keyboard_message()
    await chat.send("/history")
    (entry,) = await checkins(services)
    await chat.tap(entry.local_date.isoformat())
    await chat.tap("Delete")
    await chat.tap("Yes, delete")
    assert await checkins(services) == []
    await chat.press(card, button(card, "Correct"))  # the old card, after the entry is gone
    assert chat.alerts()[-1] == content.messages.checkin.stale
    assert await checkins(services) == []


async def test_changing_settings_has_its_own_words_and_a_cancel(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await chat.send("/settings")
    await chat.tap("Change time zone")
    shown = chat.keyboard_message()
    assert shown["text"] == content.messages.settings.ask_timezone and not shown["text"].startswith("First")
    await chat.tap("✖ Cancel")
    await chat.send("Tokyo")  # no longer waiting for a time zone: read as any other text
    assert "Time zone set" not in chat.last_text()


def test_tips_fit_the_trigger_and_a_calm_day_gets_none_about_spasms(services: Services) -> None:
    tips = services.tips
    for _ in range(20):
        (screen,) = tips.choose(["screen"], set(), limit=1)
        assert screen.triggers[0] == "screen"  # a screen-break tip, not a bedtime one
        calm = tips.choose([], set(), spasms=False)
        assert calm and not any(t.spasm_days_only for t in calm)
        assert "persist" not in " ".join(t.text for t in calm)
