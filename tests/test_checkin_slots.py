"""Up to three check-ins a day: set in /settings, each sent once with its own snooze and follow-up
(across a restart and across DST days), a morning one about sleep and waking, none asked again once
its part of the day is told, and summaries that count days and episodes right."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.config import Settings
from bot.content import Content
from bot.domain.slots import next_due, slot_at
from bot.services.registry import Services
from bot.services.summary import stats_for
from bot.storage.models import Checkin
from handlers.callbacks import CHECKIN_SLOT, CHECKIN_TIME
from tests.conftest import FakeClock
from tests.harness import Chat, start_harness
from tests.helpers import checkins, onboard, outbox, user_row

MORNING = datetime(2026, 3, 11, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
EVENING = datetime(2026, 3, 11, 19, 0, tzinfo=UTC)  # 20:00 in Berlin


def sent(chat: Chat, fragment: str) -> int:
    return sum(fragment in str(c.params.get("text")) for c in chat.telegram.sent_to(chat.user_id))


def labels(chat: Chat) -> list[str]:
    rows = chat.keyboard_message()["reply_markup"]["inline_keyboard"]
    return [b["text"] for row in rows for b in row]


async def two_a_day(chat: Chat) -> None:
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/settings")
    await chat.tap("➕ Add a check-in")
    await chat.tap("08:00")


async def test_checkins_are_added_moved_and_removed_in_settings(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat, "Berlin", "21:30")
    await chat.send("/settings")
    assert "Check-ins each day: 21:30" in chat.keyboard_message()["text"]
    await chat.tap("➕ Add a check-in")
    assert chat.keyboard_message()["text"] == content.messages.settings.ask_add_time
    await chat.send("7.30")
    assert "Check-ins each day: 07:30, 21:30." in [m.get("text") for m in chat.my_messages()]
    await chat.send("/settings")
    await chat.tap("➕ Add a check-in")
    await chat.send("21:00")  # half an hour from 21:30: refused, nothing changed
    assert chat.keyboard_message()["text"] == content.messages.settings.time_too_close.format(time="21:00")
    await chat.send("13:00")
    await chat.send("/settings")
    assert "Check-ins each day: 07:30, 13:00, 21:30" in chat.keyboard_message()["text"]
    assert "➕ Add a check-in" not in labels(chat)  # three is the most
    await chat.tap("⏰ Move 13:00")
    assert chat.keyboard_message()["text"] == content.messages.settings.ask_move_time.format(time="13:00")
    await chat.send("15:15")
    await chat.send("/settings")
    assert "Check-ins each day: 07:30, 15:15, 21:30" in chat.keyboard_message()["text"]
    await chat.tap("✖ Remove 07:30")
    await chat.send("/settings")
    assert "Check-ins each day: 15:15, 21:30" in chat.keyboard_message()["text"]
    user = await user_row(services, chat.user_id)
    assert user is not None and (user.checkin_times, user.checkin_minute) == ("915,1290", 915)
    await chat.tap("✖ Remove 15:15")
    await chat.send("/settings")
    assert "✖ Remove 21:30" not in labels(chat)  # the last one stays: /pause is for no check-ins
    assert labels(chat)[1:3] == [content.messages.settings.change_time, "➕ Add a check-in"]


async def test_two_checkins_a_day_each_with_its_own_snooze_across_a_restart(
    chat: Chat, settings: Settings, services: Services, clock: FakeClock, content: Content
) -> None:
    text = content.messages.checkin
    await two_a_day(chat)
    clock.now = MORNING
    await chat.harness.runtime.tick()
    morning = chat.keyboard_message()["text"]
    assert morning.startswith(text.morning_intro) and text.ask_sleep in morning
    await chat.tap("Later")
    await chat.tap("In 1 hour")
    await chat.harness.runtime.leadership.release()  # the process dies; the snooze is in the database
    async with start_harness(settings, services) as second_life:
        again = second_life.chat(chat.user_id)
        clock.advance(minutes=61)
        await second_life.runtime.tick()
        await second_life.runtime.tick()
        assert sent(again, text.ask_sleep) == 1  # asked again, once
        await again.tap("7")
        assert again.keyboard_message()["text"] == text.ask_spasm_morning
        await again.tap("No")
        clock.now = EVENING
        await second_life.runtime.tick()
        evening = again.keyboard_message()["text"]
        assert evening.startswith(text.scheduled_intro) and text.ask_spasm in evening
        await again.tap("Later")
        await again.tap("In 1 hour")  # the evening's own snooze: the morning's does not use it up
        assert "Okay, I'll ask again at 21:00." in [m.get("text") for m in again.my_messages()]
        clock.advance(minutes=61)
        for _ in range(3):
            await second_life.runtime.tick()
        assert sent(again, text.ask_spasm) == 2
        await again.tap("Yes")
        await again.tap("Eyelid")
        await again.tap("Done ✔")
        await again.tap("Skip")
        await again.tap("4")
        await again.tap("Seconds")
        await again.tap("None of these")
        await again.tap("5")  # stress; sleep was told this morning, so it is not asked again
        await again.tap("Done ✔")
    morning_entry, evening_entry = sorted(await checkins(services), key=lambda e: e.id or 0)
    assert (morning_entry.kind, morning_entry.status, morning_entry.sleep_hours) == ("morning", "done", 7.0)
    assert (morning_entry.had_spasm, morning_entry.stress, morning_entry.slot) == (False, None, 480)
    assert (evening_entry.kind, evening_entry.status, evening_entry.severity) == ("checkin", "done", 4)
    assert (evening_entry.stress, evening_entry.sleep_hours, evening_entry.slot) == (5, None, 1200)
    rows = sorted((r.kind, r.local_date.day, r.slot, r.status) for r in await outbox(services))
    assert rows == [("checkin", 10, 1200, "skipped"),  # the evening of the day set up: long gone
                    ("checkin", 11, 480, "sent"), ("checkin", 11, 1200, "sent"),
                    ("snooze", 11, 480, "sent"), ("snooze", 11, 1200, "sent")]  # fmt: skip


async def test_an_unanswered_morning_checkin_is_closed_by_the_evening_one(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await two_a_day(chat)
    clock.now = MORNING
    await chat.harness.runtime.tick()
    clock.now = EVENING
    await chat.harness.runtime.tick()
    await chat.send("3")  # not taken for the morning's hours of sleep: the evening asks spasms first
    morning_entry, evening_entry = sorted(await checkins(services), key=lambda e: e.id or 0)
    assert (morning_entry.status, morning_entry.sleep_hours) == ("missed", None)
    assert (evening_entry.status, evening_entry.step) == ("open", "spasm")


async def test_a_part_of_the_day_already_told_is_not_asked_again(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await two_a_day(chat)
    clock.now = MORNING + timedelta(hours=5)  # 13:00, no check-in open: the day so far, typed
    await chat.send("stress 4, no twitching today")
    await chat.tap("Not recorded")  # hours slept
    await chat.tap("Done ✔")  # what the day held
    await chat.tap("✅ Save")
    clock.now = EVENING
    await chat.harness.runtime.tick()  # the morning one is too late by now: skipped, not sent
    assert sent(chat, content.messages.checkin.scheduled_intro) == 0
    assert sent(chat, content.messages.checkin.morning_intro) == 0
    clock.now = MORNING + timedelta(days=1)
    await chat.harness.runtime.tick()  # tomorrow's morning comes as usual
    assert sent(chat, content.messages.checkin.morning_intro) == 1
    statuses = sorted(
        (r.local_date.day, r.slot, r.status, r.error) for r in await outbox(services) if r.kind == "checkin"
    )
    assert statuses[1:] == [(11, 1200, "skipped", "already answered"), (12, 480, "sent", None)]


async def test_each_checkin_of_the_day_has_its_own_follow_up(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await two_a_day(chat)
    for start in (MORNING, EVENING):
        clock.now = start
        await chat.harness.runtime.tick()
        clock.advance(hours=3, minutes=1)
        await chat.harness.runtime.tick()
        await chat.harness.runtime.tick()
    assert sent(chat, content.messages.checkin.followup_intro) == 2
    await chat.tap("No")  # the evening follow-up's buttons answer the evening check-in
    rows = sorted((r.kind, r.slot) for r in await outbox(services) if r.local_date.day == 11)
    assert rows == [("checkin", 480), ("checkin", 1200), ("followup", 480), ("followup", 1200)]
    morning_entry, evening_entry = sorted(await checkins(services), key=lambda e: e.id or 0)
    assert (morning_entry.status, evening_entry.had_spasm) == ("missed", False)


async def test_after_downtime_only_the_latest_checkin_due_is_asked(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await two_a_day(chat)
    await chat.send("/settings")
    await chat.tap("⏰ Move 20:00")
    await chat.send("09:30")
    clock.now = MORNING - timedelta(hours=2)  # 06:00 in Berlin: the next one is 08:00
    await services.users.set_paused(chat.user_id, True)
    await services.users.set_paused(chat.user_id, False)
    clock.now = MORNING + timedelta(hours=1, minutes=35)  # 09:35: both are due, within their grace
    await chat.harness.runtime.tick()
    assert sent(chat, content.messages.checkin.morning_intro) == 0  # the 09:30 one asks all it would
    assert sent(chat, content.messages.checkin.scheduled_intro) == 1
    rows = sorted((r.slot, r.status) for r in await outbox(services) if r.local_date.day == 11)
    assert rows == [(480, "skipped"), (570, "sent")]


def walk(times: tuple[int, ...], zone: str, start: datetime, count: int) -> list[datetime]:
    """The next `count` check-in instants from `start`, as the outbox moves from one to the next."""
    found: list[datetime] = []
    due = next_due(start, times, zone)
    while due is not None and len(found) < count:
        found.append(due)
        due = next_due(due, times, zone, after=due)
    return found


def test_dst_days_with_two_checkins_each_sent_once_at_its_local_time() -> None:
    zone, times = "Europe/Berlin", (150, 1200)  # 02:30 and 20:00
    spring = walk(times, zone, datetime(2026, 3, 28, 0, 0, tzinfo=UTC), 5)
    assert [d.strftime("%d %H:%M") for d in spring] == [
        "28 01:30",  # 02:30 CET
        "28 19:00",  # 20:00 CET
        "29 01:00",  # 02:30 does not exist that night: 03:00 CEST, the first minute after the gap
        "29 18:00",  # 20:00 CEST
        "30 00:30",  # 02:30 CEST
    ]
    assert [slot_at(times, zone, d) for d in spring] == [150, 1200, 150, 1200, 150]
    autumn = walk(times, zone, datetime(2026, 10, 24, 12, 0, tzinfo=UTC), 4)
    assert [d.strftime("%d %H:%M") for d in autumn] == [
        "24 18:00",  # 20:00 CEST
        "25 00:30",  # 02:30 comes twice that night: asked the first time only
        "25 19:00",  # 20:00 CET
        "26 01:30",  # 02:30 CET
    ]


async def test_dst_days_through_the_outbox_each_checkin_once(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/settings")
    await chat.tap("➕ Add a check-in")
    await chat.send("02:30")
    for start in (datetime(2026, 3, 28, 0, 0, tzinfo=UTC), datetime(2026, 10, 24, 0, 0, tzinfo=UTC)):
        clock.now = start
        await services.users.make_summary_due_now(chat.user_id)  # any write that reschedules is fine
        user = await user_row(services, chat.user_id)
        assert user is not None
        await services.users.set_paused(chat.user_id, True)
        await services.users.set_paused(chat.user_id, False)  # next due from this clock
        while clock.now < start + timedelta(days=3):
            await services.outbox.enqueue_due()
            clock.advance(minutes=10)
    rows = [r for r in await outbox(services) if r.kind == "checkin"]
    days = sorted((r.local_date, r.slot) for r in rows)
    assert len(days) == len(set(days)) == 12  # two a day, six days, none twice
    assert {r.status for r in rows} == {"pending"}


def entry(day: int, kind: str, **answers: Any) -> Checkin:
    return Checkin(id=day, user_id=1, kind=kind, local_date=date(2026, 3, day), status="done", **answers)


def test_summaries_count_days_and_episodes_with_several_checkins_a_day() -> None:
    entries = [
        entry(2, "morning", had_spasm=False, sleep_hours=6.0),
        entry(2, "checkin", had_spasm=True, severity=5, stress=7, locations="eyelid", triggers="coffee"),
        entry(2, "episode", had_spasm=True, severity=8, locations="eyelid"),
        entry(3, "morning", had_spasm=True, severity=2, sleep_hours=8.0, locations="cheek"),
        entry(3, "checkin", had_spasm=False, stress=3, triggers=""),
    ]
    stats = stats_for(entries, date(2026, 3, 1), date(2026, 3, 7))
    assert (stats.days_recorded, stats.spasm_days, stats.episodes) == (2, 2, 3)
    assert (stats.max_severity, stats.avg_sleep, stats.avg_stress) == (8, 7.0, 5.0)
    by_day = {d.day.day: d for d in stats.days}
    assert (by_day[2].severity, by_day[2].stress, by_day[3].severity) == (8, 7.0, 2)
    assert not by_day[4].recorded


async def test_a_checkin_answered_then_moved_later_the_same_day_is_not_asked_again(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await two_a_day(chat)
    clock.now = EVENING
    await chat.harness.runtime.tick()
    await chat.tap("No")
    await chat.tap("2")
    await chat.tap("Not recorded")
    await chat.tap("Done ✔")
    await chat.send("/settings")
    await chat.tap("⏰ Move 20:00")
    await chat.send("21:30")
    clock.now = EVENING + timedelta(hours=1, minutes=30)
    await chat.harness.runtime.tick()
    assert sent(chat, content.messages.checkin.scheduled_intro) == 1
    rows = sorted((r.slot, r.status) for r in await outbox(services) if r.local_date.day == 11)
    assert rows == [(1200, "sent"), (1290, "skipped")]


async def test_old_time_buttons_change_nothing_when_several_checkins_are_set(
    chat: Chat, services: Services
) -> None:
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/settings")
    await chat.tap("➕ Add a check-in")
    await chat.tap("08:00")
    await chat.send("/settings")
    overview = chat.keyboard_message()
    await chat.tap("✖ Remove 08:00")
    await chat.press(overview, CHECKIN_SLOT.build("rm", 1200))  # the last one left: nothing is removed
    assert "Check-ins each day: 20:00" in chat.keyboard_message()["text"]
    await chat.send("/settings")
    await chat.tap("➕ Add a check-in")
    await chat.tap("08:00")
    await chat.press(overview, CHECKIN_TIME.build("1230"))  # an old time button: which to change is unknown
    assert "Check-ins each day: 08:00, 20:00" in chat.keyboard_message()["text"]
    user = await user_row(services, chat.user_id)
    assert user is not None and user.checkin_times == "480,1200"


async def test_checkin_resumes_the_morning_one_and_a_typed_report_leaves_it_alone(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    await two_a_day(chat)
    clock.now = MORNING
    await chat.harness.runtime.tick()
    await chat.tap("7")
    await chat.send("/checkin")  # the morning check-in under way is shown again, not replaced
    assert chat.keyboard_message()["text"] == content.messages.checkin.ask_spasm_morning
    await chat.tap("Yes")
    await chat.tap("Eyelid")
    await chat.tap("Done ✔")
    await chat.tap("Skip")
    await chat.tap("3")
    await chat.tap("Seconds")
    await chat.tap("None of these")
    clock.advance(hours=4)
    await chat.send("no twitching since, stress 3")  # the day's news: a check-in of its own
    await chat.tap("Done ✔")
    await chat.tap("✅ Save")
    morning_entry, later = sorted(await checkins(services), key=lambda e: e.id or 0)
    assert (morning_entry.kind, morning_entry.had_spasm, morning_entry.severity, morning_entry.stress) == (
        "morning", True, 3, None,
    )  # fmt: skip
    assert (later.kind, later.status, later.had_spasm, later.stress) == ("checkin", "done", False, 3)


def test_a_morning_left_after_its_sleep_question_is_not_a_recorded_day() -> None:
    entries = [entry(2, "morning", sleep_hours=6.0), entry(3, "checkin", had_spasm=False, stress=2)]
    for e in entries:
        e.status = "partial" if e.kind == "morning" else "done"
    stats = stats_for(entries, date(2026, 3, 1), date(2026, 3, 7))
    assert (stats.days_recorded, stats.spasm_days, stats.avg_sleep) == (1, 0, 6.0)
