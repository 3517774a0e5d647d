"""Answering a check-in on a phone: taps, edits of one message, what is stored, stale buttons."""

from __future__ import annotations

from bot.content import Content
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from tests.harness import Chat
from tests.helpers import checkins, note_texts, onboard, quiet_day


async def test_a_day_without_spasms_takes_four_taps_and_is_stored(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    question = chat.keyboard_message()
    assert question["text"] == content.messages.checkin.ask_spasm
    taps = [await chat.tap("No"), await chat.tap("3"), await chat.tap("7"), await chat.tap("Done")]
    (entry,) = await checkins(services)
    assert (entry.status, entry.had_spasm, entry.stress, entry.sleep_hours, entry.triggers) == (
        "done", False, 3, 7.0, ""
    )  # fmt: skip
    # Every step edited the question message instead of sending new ones.
    edits = [c for tap in taps for c in tap if c.method == "editMessageText"]
    assert {int(c.params["message_id"]) for c in edits} == {question["message_id"]}
    card = chat.telegram.messages[(chat.user_id, question["message_id"])]
    assert "Spasms: none" in card["text"] and "Stress: 3/10" in card["text"]
    assert [label for label, _ in buttons_of(card)] == ["📝 Add a note", "✏️ Correct"]


async def test_a_day_with_spasms_records_places_strength_duration_stress_triggers_and_note(
    chat: Chat, services: Services
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.tap("Eyelid")
    await chat.tap("Lip")
    await chat.tap("Done")
    assert "Which side of your face?" in chat.keyboard_message()["text"]
    await chat.tap("Eyelid: Left")
    await chat.tap("Lip / mouth corner: Both")
    await chat.tap("6")
    await chat.tap("Minutes")
    await chat.tap("None of these")
    await chat.tap("8")
    await chat.tap("Not recorded")
    await chat.tap("Stress")
    await chat.tap("Poor sleep")
    await chat.tap("Done")
    card = chat.keyboard_message()["text"]
    assert "Spasms: Eyelid (left), Lip / mouth corner (both sides); strength 6/10" in card
    await chat.tap("Add a note")
    await chat.send("after a long day of meetings")
    (entry,) = await checkins(services)
    assert entry.status == "done"
    assert (entry.had_spasm, entry.locations, entry.sides, entry.severity, entry.duration) == (
        True,
        "eyelid,lip",
        "eyelid:left,lip:both",
        6,
        "minutes",
    )
    assert (entry.stress, entry.triggers, note_texts(entry)) == (
        8,
        "stress,poor_sleep",
        ["after a long day of meetings"],
    )
    assert "Note added" in chat.last_text()


async def test_tips_match_the_triggers_name_their_source_and_do_not_repeat_back_to_back(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    shown: list[set[str]] = []
    by_text = {tip.text: tip for tip in content.tips.tips}
    for _ in range(3):
        await quiet_day(chat, "7", "Stress")
        tips_message = chat.last_text()
        assert tips_message.startswith(content.messages.checkin.tips_title)
        assert "Source: " in tips_message
        found = {t.id for text, t in by_text.items() if text in tips_message}
        assert found and all(
            "stress" in by_text_tip.triggers for by_text_tip in content.tips.tips if by_text_tip.id in found
        )
        shown.append(found)
    assert shown[0].isdisjoint(shown[1]) and shown[1].isdisjoint(shown[2])


async def test_two_triggers_give_two_tips_for_those_triggers(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await quiet_day(chat, "2", "Fatigue", "Caffeine")
    text = chat.last_text()
    matched = [tip for tip in content.tips.tips if tip.text in text]
    assert len(matched) == 2
    assert any("fatigue" in t.triggers for t in matched) and any("caffeine" in t.triggers for t in matched)


async def test_log_records_an_episode_without_asking_since_last_checkin(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/log")
    assert content.messages.checkin.ask_locations in chat.keyboard_message()["text"]
    await chat.tap("Jaw")
    await chat.tap("Done")
    await chat.tap("Skip")
    await chat.tap("4")
    await chat.tap("Seconds")
    await chat.tap("None of these")
    await chat.tap("1")
    await chat.tap("Talking")
    await chat.tap("Done")
    (entry,) = await checkins(services)
    assert (entry.kind, entry.had_spasm, entry.locations, entry.triggers) == (
        "episode",
        True,
        "jaw",
        "overuse",
    )


async def test_done_without_a_place_is_refused_kindly(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.tap("Done")
    assert chat.alerts()[-1] == content.messages.checkin.pick_a_location
    (entry,) = await checkins(services)
    assert entry.step == "locations" and entry.locations is None


async def test_stale_buttons_get_a_friendly_answer_and_write_nothing(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    question = dict(chat.keyboard_message())  # a copy of the message as the first step showed it
    await chat.tap("No")
    await chat.press(question, buttons_of(question)[0][1])  # "Yes" on the already-answered step
    assert chat.alerts()[-1] == content.messages.checkin.stale
    await chat.tap("5")
    await chat.tap("Not recorded")
    await chat.tap("Done")
    entry_id = (await checkins(services))[0].id
    await chat.press(question, f"c:{entry_id}:stress:9")  # a step of a finished check-in
    assert chat.alerts()[-1] == content.messages.checkin.stale
    (entry,) = await checkins(services)
    assert (entry.had_spasm, entry.stress, entry.status) == (False, 5, "done")


async def test_another_persons_checkin_id_is_refused(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    victim = (await checkins(services))[0]
    intruder = chat.harness.chat(222)
    await onboard(intruder)
    forged = {**chat.keyboard_message(), "chat": {"id": 222, "type": "private"}}
    await intruder.press(forged, f"c:{victim.id}:spasm:y")
    assert intruder.alerts()[-1] == content.messages.checkin.stale
    after = (await checkins(services))[0]
    assert after.had_spasm is None and after.status == "open"


async def test_malformed_callback_data_is_refused(chat: Chat, services: Services, content: Content) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    before = [c.model_dump() for c in await checkins(services)]
    refusals = {content.messages.checkin.stale, content.messages.general.button_expired}
    for data in ("c:abc", "c:1:spasm:maybe", "zz", "c:99999:spasm:y", "tz:99", "tm:2500", "c:1:" + "x" * 60):
        await chat.press(chat.keyboard_message(), data)
        assert chat.alerts()[-1] in refusals
    assert [c.model_dump() for c in await checkins(services)] == before


async def test_correcting_a_finished_checkin(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await quiet_day(chat, "4")
    await chat.tap("Correct")
    await chat.tap("Stress")
    await chat.tap("9")
    (entry,) = await checkins(services)
    assert (entry.status, entry.stress, entry.had_spasm) == ("done", 9, False)
    await chat.tap("Correct")
    await chat.tap("Spasms")
    await chat.tap("Yes")
    await chat.tap("Cheek")
    await chat.tap("Done")
    await chat.tap("Skip")
    await chat.tap("3")
    await chat.tap("About an hour")
    await chat.tap("None of these")
    (entry,) = await checkins(services)
    assert (entry.status, entry.had_spasm, entry.locations, entry.duration, entry.stress) == (
        "done", True, "cheek", "hour", 9,
    )  # fmt: skip
    assert "Cheek" in chat.keyboard_message()["text"]


async def test_numbers_can_be_typed_at_number_steps(chat: Chat, services: Services, content: Content) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.send("eleven")
    assert chat.last_text() == content.messages.checkin.number_hint
    await chat.send("6")
    assert chat.keyboard_message()["text"] == content.messages.checkin.ask_sleep
    await chat.send("6.5")  # hours slept, typed
    assert chat.keyboard_message()["text"] == content.messages.checkin.ask_day_held  # no spasms today
    (entry,) = await checkins(services)
    assert (entry.stress, entry.sleep_hours) == (6, 6.5)


async def test_checkin_in_progress_is_resumed_not_restarted(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.send("/checkin")
    assert content.messages.checkin.in_progress in [m["text"] for m in chat.my_messages()]
    assert chat.keyboard_message()["text"] == content.messages.checkin.ask_stress
    assert len(await checkins(services)) == 1


async def test_how_long_can_be_typed_at_its_step(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.tap("Eyelid")
    await chat.tap("Done")
    await chat.tap("Skip")
    await chat.tap("5")
    await chat.send("abt an hour")
    assert "Anything else right now?" in str(chat.keyboard_message()["text"])
    await chat.send("a few secs")  # a length typed at another step is not taken for this one
    (entry,) = await checkins(services)
    assert (entry.duration, entry.duration_minutes) == ("hour", 60)
