"""Red flags at any moment of any conversation: the emergency reply first, the check-in kept."""

from __future__ import annotations

import asyncio
import json
from datetime import date, timedelta

import pytest
from sqlmodel import select

from bot.content import Content
from bot.domain.care import reasons_in
from bot.runtime.offline import CONNECTION_REFUSED, ApiCall, Failure
from bot.services.registry import Services
from bot.storage.models import Checkin, SafetyEvent
from bot.storage.unit_of_work import unit_of_work
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import checkins, note_texts, onboard, quiet_day, rows


def sent_texts(calls: list[ApiCall]) -> list[str]:
    return [c.params["text"] for c in calls if c.method == "sendMessage"]


async def events(services: Services) -> list[SafetyEvent]:
    return await rows(services, SafetyEvent)


async def test_emergency_at_the_severity_step_comes_first_and_the_checkin_can_be_finished(
    chat: Chat, services: Services
) -> None:
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.tap("Eyelid")
    await chat.tap("Done")
    await chat.tap("Skip")
    calls = await chat.send("my face is drooping and I cant lift my arm")
    api = [c.method for c in calls]
    assert api[0] == "sendMessage" and api.count("sendMessage") == 1 and "editMessageText" not in api
    reply = sent_texts(calls)[0]
    assert reply.splitlines()[0] == "Call 112 now."
    assert "Do not drive yourself" in reply and "can't call for help" in reply
    (entry,) = await checkins(services)
    assert (entry.step, entry.severity, entry.status) == ("severity", None, "open")
    await chat.tap("6")
    await chat.tap("Minutes")
    await chat.tap("None of these")
    await chat.tap("3")
    await chat.tap("Not recorded")
    await chat.tap("Done")
    (entry,) = await checkins(services)
    assert (entry.status, entry.severity, entry.stress) == ("done", 6, 3)
    (event,) = await events(services)
    assert (event.level, event.source) == ("emergency", "text")
    assert set(event.reasons.split(",")) == {"face_droop", "paralysis"}


async def test_emergency_at_the_note_step_is_not_saved_as_the_note(chat: Chat, services: Services) -> None:
    await onboard(chat, "London", "20:00")
    await quiet_day(chat, "4")
    await chat.tap("Add a note")
    calls = await chat.send("I just fainted")
    assert sent_texts(calls)[0].startswith("Call 999 now.")
    (entry,) = await checkins(services)
    assert note_texts(entry) == [] and entry.note_open_until is not None
    await chat.send("felt dizzy all day")
    (entry,) = await checkins(services)
    assert note_texts(entry) == ["felt dizzy all day"]


async def test_a_red_flag_button_escalates_before_the_checkin_moves_on(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat, "New York", "20:00")
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.tap("Lip")
    await chat.tap("Done")
    await chat.tap("Skip")
    await chat.tap("7")
    await chat.tap("Seconds")
    assert chat.keyboard_message()["text"] == content.messages.safety.ask_redflags
    calls = await chat.tap("Trouble breathing")
    methods = [c.method for c in calls if c.method != "answerCallbackQuery"]
    assert methods[:2] == ["sendMessage", "editMessageText"]
    assert sent_texts(calls)[0].startswith("Call 911 now.") and "trouble breathing" in sent_texts(calls)[0]
    assert chat.keyboard_message()["text"] == content.messages.checkin.ask_stress
    (entry,) = await checkins(services)
    assert entry.red_flags == "breathing"
    (event,) = await events(services)
    assert (event.level, event.reasons, event.source) == ("emergency", "breathing", "checkin")


@pytest.mark.parametrize(
    ("zone", "number"),
    [("Sydney", "000"), ("London", "999"), ("Chicago", "911"), ("India", "112"), ("Berlin", "112")],
)
async def test_the_number_is_the_persons_local_one(chat: Chat, zone: str, number: str) -> None:
    await onboard(chat, zone, "20:00")
    calls = await chat.send("had a seizure")
    assert sent_texts(calls)[0].splitlines()[0] == f"Call {number} now."


async def test_someone_not_set_up_gets_the_default_zone_number(chat: Chat, services: Services) -> None:
    calls = await chat.send("my husband collapsed and isnt responding")
    assert sent_texts(calls)[0].startswith("Call 112 now.")
    assert await events(services) == []  # nobody to record it for yet


async def test_fine_now_gets_a_reminder_not_a_cancellation(chat: Chat, clock: FakeClock) -> None:
    await onboard(chat)
    await chat.send("I passed out")
    clock.advance(minutes=20)
    calls = await chat.send("I'm fine now, it passed")
    reply = sent_texts(calls)[0]
    assert reply.startswith("Call 112 now, even if it has passed.") and "stroke-like" in reply
    clock.advance(hours=7)
    calls = await chat.send("I'm fine now")
    assert "Call 112" not in " ".join(sent_texts(calls))


async def test_negated_red_flags_do_not_escalate(chat: Chat, content: Content, services: Services) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")
    calls = await chat.send("no seizure, no fainting, breathing fine")
    # Neither the alarm nor the calm "if that happens" line: a denial is not a worry, and saying
    # it after every "no seizure" would teach people to skim the safety wording.
    assert sent_texts(calls) == [content.messages.checkin.number_hint]
    assert await events(services) == []


async def test_a_denial_typed_at_the_red_flag_question_gets_no_topic_answer(
    chat: Chat, content: Content, services: Services
) -> None:
    """ "no seizure or anything lol" asks nothing about seizures: the buttons are pointed to, and
    nothing is recorded for the question, which only a tap (or a named answer) answers."""
    await onboard(chat)
    await chat.send("/checkin")
    for label in ("Yes", "Eyelid", "Done", "Left", "6", "Minutes"):
        await chat.tap(label)
    calls = await chat.send("no seizure or anything lol")
    assert sent_texts(calls) == [content.messages.checkin.use_buttons]
    assert await events(services) == []
    (entry,) = await checkins(services)
    assert entry.red_flags is None  # still waiting for the answer
    calls = await chat.send("can twitching turn into seizures?")  # asked: answered as before
    topic = content.knowledge.topic("seizures")
    assert topic is not None and any(t.startswith(topic.answer[:40]) for t in sent_texts(calls))


async def test_a_question_or_worry_naming_a_red_flag_gets_one_calm_line_and_its_answer(
    chat: Chat, content: Content, services: Services
) -> None:
    await onboard(chat, "London")
    for text in ("can facial spasms cause seizures?", "scared this could turn into a stroke",
                 "had a seizure when I was a teenager, none since"):  # fmt: skip
        calls = await chat.send(text)
        said = sent_texts(calls)
        assert said[0] == content.messages.safety.if_it_happens.format(number="999"), text
        assert not any(t.startswith("Call 999 now.") for t in said)
    assert await events(services) == []


async def test_an_edited_message_and_a_caption_are_triaged_too(chat: Chat) -> None:
    await onboard(chat)
    edited = chat.person.message("cant breath", 500)
    edited["edited_message"] = edited.pop("message")
    await chat.harness.feed(edited)
    assert chat.last_text().startswith("Call 112 now.")
    photo = chat.person.message("", 501)
    photo["message"].pop("text")
    photo["message"]["caption"] = "my smile is lopsided suddenly"
    photo["message"]["photo"] = [{"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1}]
    await chat.harness.feed(photo)
    assert chat.last_text().startswith("Call 112 now.")


async def test_in_a_group_it_escalates_but_stores_nothing(chat: Chat, services: Services) -> None:
    group = chat.person.message("my friend is having a seizure", 600)
    group["message"]["chat"] = {"id": -100500, "type": "group", "title": "Club"}
    await chat.harness.feed(group)
    assert chat.telegram.sent_to(-100500)[0].params["text"].startswith("Call 112 now.")
    assert await events(services) == []


async def test_the_reply_goes_out_even_if_the_database_fails(chat: Chat, services: Services) -> None:
    await onboard(chat, "London")

    def broken() -> object:
        raise RuntimeError("database unavailable")

    services.escalation._db = broken  # type: ignore[assignment]
    services.alarms._db = broken  # type: ignore[assignment]
    calls = await chat.send("I blacked out")
    assert sent_texts(calls)[0].startswith("Call 112 now.")  # the default zone's number, at once


async def test_urgent_text_gets_a_see_a_doctor_note_once_a_day_and_is_still_handled(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)
    await quiet_day(chat, "4")
    await chat.tap("Add a note")
    calls = await chat.send("the twitching is getting worse and spreading to my cheek")
    texts = sent_texts(calls)
    assert texts[0].startswith("That's worth getting checked by a doctor soon")
    assert "spasms getting worse" in texts[0] and "spasms spreading" in texts[0]
    assert "Note added" in texts[1]  # the message was still taken as the note
    await quiet_day(chat, "4")
    calls = await chat.send("it is getting worse")
    assert not any("checked by a doctor" in t for t in sent_texts(calls))
    assert [e.level for e in await events(services)] == ["urgent"]


def entry(
    day: date,
    *,
    spasm: bool = True,
    severity: int = 3,
    places: str = "eyelid",
    triggers: str = "",
    note: str | None = None,
) -> Checkin:
    notes = json.dumps([{"at": "2026-01-01T12:00:00+00:00", "text": note}] if note else [])
    return Checkin(
        user_id=1, local_date=day, status="done", had_spasm=spasm, severity=severity if spasm else None,
        locations=places if spasm else None, stress=3, triggers=triggers, notes=notes,
    )  # fmt: skip


TODAY = date(2026, 5, 31)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def no_signs(text: str) -> tuple[str, ...]:
    return ()


def test_care_rule_spasms_on_most_days_for_two_weeks() -> None:
    busy = [entry(days_ago(n)) for n in (0, 1, 2, 4, 7, 8, 10, 12)]
    assert "most_days" in reasons_in(busy, TODAY, no_signs)
    assert "most_days" not in reasons_in(busy[:6], TODAY, no_signs)


def test_care_rule_severity_rising_over_three_weeks() -> None:
    rising = [
        entry(days_ago(18), severity=2),
        entry(days_ago(10), severity=4),
        entry(days_ago(2), severity=6),
    ]
    flat = [entry(days_ago(18), severity=4), entry(days_ago(10), severity=4), entry(days_ago(2), severity=5)]
    assert "severity_up" in reasons_in(rising, TODAY, no_signs)
    assert "severity_up" not in reasons_in(flat, TODAY, no_signs)


def test_care_rule_spreading_to_more_places() -> None:
    before = [entry(days_ago(30)), entry(days_ago(20))]
    spread = [*before, entry(days_ago(3), places="eyelid,cheek,jaw")]
    assert "new_areas" in reasons_in(spread, TODAY, no_signs)
    assert "new_areas" not in reasons_in([*before, entry(days_ago(3))], TODAY, no_signs)


def test_care_rules_new_medication_and_weakness_in_notes() -> None:
    signs = {"felt stiff all day": ("weak_or_stiff",)}
    notes = [entry(days_ago(1), triggers="medication"), entry(days_ago(2), note="felt stiff all day")]
    assert set(reasons_in(notes, TODAY, lambda t: signs.get(t, ()))) == {"medication", "weak_or_stiff"}


async def test_care_note_after_a_checkin_at_most_once_a_week(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await onboard(chat)
    await quiet_day(chat, "3", "New medication")
    assert chat.last_text() == content.messages.safety.prompt_care.format(
        reasons=content.messages.safety.urgent_reasons["medication"]
    )
    clock.advance(days=1)
    await quiet_day(chat, "3", "New medication")
    assert "see a doctor soon" not in chat.last_text()
    clock.advance(days=7)
    await quiet_day(chat, "3", "New medication")
    assert "see a doctor soon" in chat.last_text()
    async with unit_of_work(services.db) as session:
        diary = list(await session.exec(select(SafetyEvent).where(SafetyEvent.source == "diary")))
    assert [e.reasons for e in diary] == ["medication", "medication"]


async def test_a_failing_emergency_send_is_retried_and_never_saved_as_a_note(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat, "London")
    await quiet_day(chat, "3")
    chat.telegram.fail("sendMessage", Failure(500, "Internal Server Error", times=2))
    await chat.send("I just fainted")
    assert chat.last_text().startswith("Call 999 now.")  # third attempt
    chat.telegram.fail("sendMessage", Failure(500, "Internal Server Error", times=10))
    await chat.send("my mum is seizing")
    (entry,) = await checkins(services)
    assert note_texts(entry) == []  # neither message became a note
    assert content.messages.general.error not in [m["text"] for m in chat.my_messages()]
    assert [e.reasons for e in await events(services)] == ["unconscious", "seizure"]


async def test_a_red_flag_tap_escalates_even_if_acknowledging_the_tap_fails(
    chat: Chat, services: Services
) -> None:
    await onboard(chat, "Sydney")
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.tap("Jaw")
    await chat.tap("Done")
    await chat.tap("Skip")
    await chat.tap("5")
    await chat.tap("Seconds")
    chat.telegram.fail("answerCallbackQuery", Failure(CONNECTION_REFUSED, "down"))
    calls = await chat.tap("Seizure")
    assert sent_texts(calls)[0].startswith("Call 000 now.")


async def test_a_slow_database_never_holds_up_the_emergency_number(chat: Chat, services: Services) -> None:
    await onboard(chat, "Sydney")

    async def stuck(_: int) -> str | None:
        await asyncio.sleep(60)
        return "Australia/Sydney"

    async def stuck_claim(_: object) -> None:
        await asyncio.sleep(60)

    services.escalation._zone_of = stuck  # type: ignore[method-assign,assignment]
    services.alarms.claim = stuck_claim  # type: ignore[method-assign,assignment]
    calls = await chat.send("I can't breathe")
    assert sent_texts(calls)[0].startswith("Call 112 now.")  # the default zone's, after a short wait


@pytest.mark.parametrize(
    "all_clear", ["he's fine now", "she seems ok now", "better now", "panic over, she came round"]
)
async def test_a_carers_all_clear_gets_the_reminder_even_before_set_up(chat: Chat, all_clear: str) -> None:
    await chat.send("my husband collapsed")
    calls = await chat.send(all_clear)
    assert sent_texts(calls)[0].startswith("Call 112 now, even if it has passed.")


async def test_in_a_group_the_senders_own_number_is_used(chat: Chat) -> None:
    await onboard(chat, "Sydney")
    group = chat.person.message("she is having a seizure", 700)
    group["message"]["chat"] = {"id": -100600, "type": "group", "title": "Family"}
    await chat.harness.feed(group)
    assert chat.telegram.sent_to(-100600)[0].params["text"].startswith("Call 000 now.")
