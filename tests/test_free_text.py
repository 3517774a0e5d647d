"""Check-ins written in free text: what the card shows back, what is asked, and that nothing is
saved until the person taps Save."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.config import Settings
from bot.content import Content
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat, start_harness
from tests.helpers import checkins, note_texts, onboard, quiet_day

EXAMPLE = "left eyelid twitching all afternoon, stress 7, slept 5h, 3 coffees"


async def test_a_report_is_shown_back_missing_answers_asked_and_saved_only_on_save(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send(EXAMPLE)
    card = chat.keyboard_message()
    for line in ("Here's what I understood:", "Where: Eyelid", "How long: 4 h", "Stress: 7/10",
                 "Sleep: 5 h", "Likely triggers: Stress, Poor sleep, Caffeine"):  # fmt: skip
        assert line in card["text"]
    assert card["text"].endswith(content.messages.checkin.ask_severity)  # the one thing not said
    (entry,) = await checkins(services)
    assert (entry.status, entry.review) == ("open", True)  # shown, not saved

    await chat.tap("6")
    await chat.tap("None of these")  # "anything else right now?" is always asked
    review = chat.keyboard_message()
    assert [label for label, _ in buttons_of(review)] == ["✅ Save", "✏️ Edit", "✖ Cancel"]
    assert "Strength: 6/10" in review["text"]
    (entry,) = await checkins(services)
    assert entry.status == "open" and entry.completed_at is None

    await chat.tap("✅ Save")
    saved = chat.telegram.messages[(chat.user_id, review["message_id"])]["text"]
    assert "Saved ✅" in saved and "strength 6/10; 4 h" in saved and "Sleep: 5 h" in saved
    assert "Something that may help" in chat.last_text()
    (entry,) = await checkins(services)
    assert (entry.status, entry.review, entry.had_spasm, entry.locations) == ("done", False, True, "eyelid")
    assert (entry.severity, entry.duration, entry.duration_minutes) == (6, "day", 240)
    assert (entry.stress, entry.sleep_hours, entry.triggers) == (7, 5.0, "stress,poor_sleep,caffeine")


async def test_a_day_without_spasms_in_words_asks_only_stress_sleep_and_what_the_day_held(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("none today :)")
    assert chat.keyboard_message()["text"].endswith(content.messages.checkin.ask_stress)
    await chat.tap("2")
    assert chat.keyboard_message()["text"].endswith(content.messages.checkin.ask_sleep)
    await chat.tap("8")
    assert chat.keyboard_message()["text"].endswith(content.messages.checkin.ask_day_held)
    await chat.tap("Not sure")
    await chat.tap("Done")
    await chat.tap("✅ Save")
    (entry,) = await checkins(services)
    assert (entry.status, entry.had_spasm, entry.stress, entry.triggers) == ("done", False, 2, "not_sure")
    assert entry.sleep_hours == 8.0


async def test_edit_before_saving_changes_one_answer(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("no twitching today, stress 4, 2 coffees, slept 7h")
    await chat.tap("✏️ Edit")
    assert "What would you like to correct?" in chat.keyboard_message()["text"]
    await chat.tap("Stress")
    await chat.tap("8")
    assert "Stress: 8/10" in chat.keyboard_message()["text"]
    await chat.tap("✅ Save")
    (entry,) = await checkins(services)
    assert (entry.status, entry.stress, entry.triggers) == ("done", 8, "caffeine")


async def test_an_unconfirmed_report_is_not_kept_and_does_not_stop_the_checkin(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat, "Berlin", "20:00")
    await chat.send("eye twitching 5/10, slept 4 hours")  # never confirmed
    (draft,) = await checkins(services)
    clock.now = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # 20:00 in Berlin
    await chat.harness.runtime.tick()
    assert "Time for your check-in" in chat.keyboard_message()["text"]
    old = next(c for c in await checkins(services) if c.id == draft.id)
    assert (old.status, old.had_spasm, old.severity, old.sleep_hours) == ("missed", None, None, None)


async def test_a_report_fills_in_the_checkin_under_way(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.send("cheek and lip 5/10 for about 20 minutes")
    text = chat.keyboard_message()["text"]
    assert "Where: Cheek, Lip / mouth corner" in text and "How long: 20 min" in text
    await chat.tap("Skip")  # the side of the face, which the report did not say
    await chat.tap("None of these")
    await chat.tap("3")
    await chat.tap("Not recorded")
    await chat.tap("Done")
    await chat.tap("✅ Save")
    (entry,) = await checkins(services)
    assert (entry.status, entry.locations, entry.severity, entry.duration) == (
        "done",
        "cheek,lip",
        5,
        "minutes",
    )


async def test_a_bare_changed_figure_at_the_how_long_buttons_changes_the_strength(
    chat: Chat, services: Services
) -> None:
    """ "actually 5" while a typed report waits for how long it lasted: a bare figure has no unit,
    so it is the strength changing, shown back; nothing is saved until Save."""
    await onboard(chat)
    await chat.send("lid twitchin bad today 6/10 left side, coffee")
    assert "Strength: 6/10" in chat.keyboard_message()["text"]
    await chat.send("actually 5")
    shown = chat.keyboard_message()["text"]
    assert "Strength: 5/10" in shown and "Strength: 6/10" not in shown
    assert all(entry.status != "done" for entry in await checkins(services))


async def test_a_changed_mind_typed_a_step_later_changes_the_latest_number_shown_first(
    chat: Chat, services: Services
) -> None:
    """ "actually make it 6" after the strength was tapped and the next question came: the strength
    changes, shown back before anything counts. At a step that asks for a figure of its own (hours
    of sleep), "sorry i meant 4" could not be hours, so it changes the stress; "it was 7" could,
    so it answers that step."""
    await onboard(chat)
    await chat.send("/checkin")
    for label in ("Yes", "Eyelid", "Done", "Left", "5", "Minutes"):
        await chat.tap(label)
    await chat.send("actualy make it 6")
    shown = chat.keyboard_message()["text"]
    assert "Strength: 6/10" in shown and "Anything else right now?" in shown
    await chat.tap("None of these")
    await chat.tap("3")
    await chat.send("sry i ment 4")  # this could not be hours: the stress changes
    shown = chat.keyboard_message()["text"]
    assert "Stress: 4/10" in shown and "How many hours did you sleep?" in shown
    await chat.send("it was 7")  # this could: the night's sleep
    for label in ("Done", "✅ Save"):
        await chat.tap(label)
    (entry,) = await checkins(services)
    assert (entry.status, entry.severity, entry.stress, entry.sleep_hours) == ("done", 6, 4, 7)


async def test_a_typed_scale_answers_the_number_step(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.send("seven out of ten")
    await chat.tap("Not recorded")
    await chat.tap("Done")
    (entry,) = await checkins(services)
    assert (entry.status, entry.stress) == ("done", 7)


async def test_later_the_same_day_a_report_adds_to_the_saved_checkin_or_logs_new_spasms(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await quiet_day(chat, "2")
    clock.advance(hours=2)
    await chat.send("also had 2 glasses of wine")
    await chat.tap("✅ Save")
    (day,) = await checkins(services)
    assert (day.status, day.stress, day.triggers) == ("done", 2, "alcohol")
    clock.advance(hours=2)
    await chat.send("eyelid twitching again now, 4/10")
    entries = await checkins(services)
    assert sorted(c.kind for c in entries) == ["checkin", "episode"]


async def test_questions_and_greetings_are_not_taken_for_reports(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("can coffee cause eye twitching?")
    await chat.send("hello!")
    assert chat.last_text() == content.messages.general.greeting_reply
    await chat.send("thanks a lot :)")
    assert chat.last_text() == content.messages.general.thanks_reply
    await chat.send("qwrtzp")
    assert chat.last_text() == content.messages.general.unknown_text
    assert await checkins(services) == []


async def test_a_red_flag_in_a_report_escalates_first(chat: Chat, services: Services) -> None:
    await onboard(chat)
    calls = await chat.send("eye twitching 6/10 and now I can't move my arm")
    sent = [c.params["text"] for c in calls if c.method == "sendMessage"]
    assert sent and sent[0].startswith("Call 112 now.")


async def test_one_persons_report_never_touches_anothers_entry(
    settings: Settings, services: Services
) -> None:
    async with start_harness(settings, services) as harness:
        ann, ben = harness.chat(501), harness.chat(502)
        await onboard(ann)
        await onboard(ben)
        await ann.send("/checkin")
        await ben.send("jaw spasm, severe, 2 hours")
        await ben.tap("Left")
        await ben.tap("None of these")
        entries = {c.user_id: c for c in await checkins(services)}
        assert len(entries) == 2
        ann_entry = next(c for c in entries.values() if c.kind == "checkin" and c.had_spasm is None)
        assert ann_entry.step == "spasm" and ann_entry.severity is None


async def test_ticked_picks_survive_a_typed_report_and_an_episode_stays_a_spasm(
    chat: Chat, services: Services
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.tap("3")
    await chat.tap("Not recorded")
    await chat.tap("Caffeine")
    await chat.send("slept 5h")
    await chat.tap("✅ Save")
    (entry,) = await checkins(services)
    assert (entry.status, entry.triggers, entry.sleep_hours) == ("done", "poor_sleep,caffeine", 5.0)
    await chat.send("/log")
    await chat.send("no twitching now, stress 3")
    episode = next(c for c in await checkins(services) if c.kind == "episode")
    assert episode.had_spasm is True


async def test_a_saved_day_still_counts_while_a_report_on_it_waits_for_save(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat, "Berlin", "20:00")
    await quiet_day(chat, "2")
    clock.advance(hours=2)
    await chat.send("stress 6 now, 2 glasses of wine")
    assert "Stress: 2/10 → 6/10" in chat.keyboard_message()["text"]  # old -> new, not saved yet
    saved = next(c for c in await checkins(services) if c.status == "done")
    assert (saved.stress, saved.triggers) == (2, "")
    await chat.send("/history")
    assert [label for label, _ in buttons_of(chat.keyboard_message())] == ["2026-03-10: no spasms"]
    clock.now = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # 20:00 in Berlin: the day is covered
    await chat.harness.runtime.tick()
    assert "Time for your check-in" not in chat.last_text()

    await chat.send("stress 6 now, 2 glasses of wine")  # the same draft, not a second one
    await chat.tap("✅ Save")
    (day,) = await checkins(services)
    assert (day.status, day.stress, day.triggers) == ("done", 6, "stress,alcohol")


async def test_an_abandoned_report_leaves_the_saved_day_as_it_was(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat, "Berlin", "20:00")
    await quiet_day(chat, "2")
    clock.advance(hours=2)
    await chat.send("stress 9")  # never saved
    clock.now = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)
    await chat.harness.runtime.tick()  # passes over the 10th's check-in, long gone
    clock.now = datetime(2026, 3, 11, 19, 0, tzinfo=UTC)  # the next day's check-in
    await chat.harness.runtime.tick()
    assert "Time for your check-in" in chat.keyboard_message()["text"]
    saved, today = await checkins(services)
    assert (saved.local_date.day, saved.status, saved.stress) == (10, "done", 2)
    assert (today.local_date.day, today.status) == (11, "open")


async def test_a_note_after_saving_is_kept_while_another_checkin_is_open(
    chat: Chat, services: Services
) -> None:
    await onboard(chat)
    await chat.send("/checkin")  # the daily check-in stays open
    await chat.send("/log")
    for label in ("Eyelid", "Done", "Left", "5", "Minutes", "None of these", "3", "Done", "Add a note"):
        await chat.tap(label)
    await chat.send("started after two hours of gaming")
    episode = next(c for c in await checkins(services) if c.kind == "episode")
    daily = next(c for c in await checkins(services) if c.kind == "checkin")
    assert note_texts(episode) == ["started after two hours of gaming"]
    assert (daily.status, daily.had_spasm, daily.triggers) == ("open", None, None)


async def test_a_note_after_saving_a_report_goes_to_that_entry_not_the_newest(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await quiet_day(chat, "2")
    clock.advance(hours=2)
    await chat.send("/log")
    for label in ("Jaw", "Done", "Skip", "4", "Seconds", "None of these", "2", "Done"):
        await chat.tap(label)
    clock.advance(hours=2)
    await chat.send("stress 7 now")
    await chat.tap("✅ Save")
    await chat.tap("Add a note")
    await chat.send("a hard meeting in the afternoon")
    daily = next(c for c in await checkins(services) if c.kind == "checkin")
    assert (daily.stress, note_texts(daily)) == (7, ["a hard meeting in the afternoon"])


async def test_a_report_late_in_the_day_fills_the_checkin_opened_that_morning(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")
    clock.advance(hours=13)  # 23:00 in Berlin, the same day
    await chat.send("stress 6, slept 7 hours")
    await chat.tap("✅ Save")
    (day,) = await checkins(services)
    assert (day.status, day.had_spasm, day.stress, day.sleep_hours) == ("done", False, 6, 7.0)


async def test_a_typed_trigger_replaces_a_ticked_not_sure_and_seconds_are_shown_as_such(
    chat: Chat, services: Services
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.tap("3")
    await chat.tap("Not recorded")
    await chat.tap("Not sure")
    await chat.send("2 coffees")
    await chat.tap("✅ Save")
    (entry,) = await checkins(services)
    assert entry.triggers == "caffeine"
    await chat.send("/log")
    await chat.send("nose twitched for 10 seconds, 2/10")
    assert "How long: a minute or less" in chat.keyboard_message()["text"]


async def test_edit_corrects_the_hours_slept_by_tap_or_by_typing(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("no twitching today, stress 3, slept 5-6 hours, 2 coffees")
    await chat.tap("✏️ Edit")
    await chat.tap("Sleep")
    assert "How many hours did you sleep?" in chat.keyboard_message()["text"]
    await chat.tap("7")
    assert "Sleep: 7 h" in chat.keyboard_message()["text"]
    await chat.tap("✅ Save")
    (entry,) = await checkins(services)
    assert (entry.status, entry.sleep_hours) == ("done", 7.0)

    await chat.tap("Correct")
    await chat.tap("Sleep")
    await chat.send("six and a half hours")
    (entry,) = await checkins(services)
    assert (entry.status, entry.sleep_hours) == ("done", 6.5)
    await chat.tap("Correct")
    await chat.tap("Sleep")
    await chat.tap("Not recorded")
    (entry,) = await checkins(services)
    assert (entry.status, entry.sleep_hours) == ("done", None)
