"""Weekly summaries with a chart, /summary, /history and /export, as a person would see them."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from bot.content import Content
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from bot.services.summary import stats_for, stress_insight
from bot.storage.models import Checkin, Outbox
from bot.storage.unit_of_work import unit_of_work
from handlers.views.summary import CAPTION_LIMIT, split_caption
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import checkins, onboard

MONDAY = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)  # 10:00 in Berlin


async def spasm_day(chat: Chat, severity: str, stress: str, *triggers: str) -> None:
    await chat.send("/checkin")
    await chat.tap("Yes")
    await chat.tap("Eyelid")
    await chat.tap("Done")
    await chat.tap("Skip")
    await chat.tap(severity)
    await chat.tap("Minutes")
    await chat.tap("None of these")
    await chat.tap(stress)
    await chat.tap("7")  # hours slept
    for trigger in triggers:
        await chat.tap(trigger)
    await chat.tap("Done")


async def calm_day(chat: Chat, stress: str) -> None:
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.tap(stress)
    if "How many hours did you sleep?" in chat.keyboard_message()["text"]:  # not asked twice a day
        await chat.tap("Not recorded")
    await chat.tap("Done")


async def record_week(chat: Chat, clock: FakeClock) -> None:
    """Mon-Sun of 9-15 March: spasms on the 4 stressful days, none on 2 calm ones, Thursday missed."""
    plan = [("spasm", "7", "8"), ("spasm", "5", "7"), ("calm", "", "2"), (None, "", ""), ("spasm", "8", "9"),
            ("calm", "", "3"), ("spasm", "6", "8")]  # fmt: skip
    for offset, (kind, severity, stress) in enumerate(plan):
        clock.now = MONDAY + timedelta(days=offset)
        if kind == "spasm":
            await spasm_day(chat, severity, stress, "Stress", "Poor sleep" if offset % 2 else "Caffeine")
        elif kind == "calm":
            await calm_day(chat, stress)


def photos(chat: Chat) -> list[tuple[str, bytes]]:
    return [
        (call.params.get("caption", ""), content)
        for call, _, content in chat.telegram.uploads_to(chat.user_id, "sendPhoto")
    ]


async def test_summary_with_too_little_data_is_kind_and_sends_no_chart(chat: Chat, clock: FakeClock) -> None:
    clock.now = MONDAY
    await onboard(chat)
    await calm_day(chat, "3")
    await chat.send("/summary")
    assert "Not much in your diary" in chat.last_text() and "yet: 1 day recorded." in chat.last_text()
    assert photos(chat) == []


async def test_summary_of_the_week_has_a_chart_and_the_figures(
    chat: Chat, clock: FakeClock, content: Content
) -> None:
    clock.now = MONDAY - timedelta(days=7)
    await onboard(chat)
    await spasm_day(chat, "3", "4", "Caffeine")  # the week before: one spasm day, strength 3
    await calm_day(chat, "2")
    await record_week(chat, clock)
    await chat.send("/summary")
    ((caption, jpeg),) = photos(chat)
    assert jpeg[:3] == b"\xff\xd8\xff" and len(jpeg) > 10_000  # a real JPEG chart
    assert len(caption) <= CAPTION_LIMIT
    assert "Your week: 2026-03-09 to 2026-03-15" in caption
    assert "Days with spasms: 4 of 6 recorded (↑ from 1)" in caption
    assert "Strength: average 6.5/10, highest 8/10 (↑ from 3)" in caption
    assert "Places: Eyelid ×4" in caption  # no side was given for these
    assert (
        "Most frequent triggers: Stress (4, ↑ from 0), Caffeine (3, ↑ from 1), Poor sleep (1, ↑ from 0)"
        in caption
    )
    assert "Spasms on 4 of 4 high-stress days, and 0 of 2 calmer days." in caption
    assert "For stress:" in caption


async def test_summary_month_covers_thirty_days(chat: Chat, clock: FakeClock) -> None:
    clock.now = MONDAY
    await onboard(chat)
    await record_week(chat, clock)
    await chat.send("/summary month")
    ((caption, _),) = photos(chat)
    assert "Your last 30 days: 2026-02-14 to 2026-03-15" in caption


async def test_weekly_summary_arrives_on_the_chosen_day_once(
    chat: Chat, services: Services, clock: FakeClock, content: Content
) -> None:
    clock.now = MONDAY
    await onboard(chat, "Berlin", "20:00")
    await record_week(chat, clock)
    clock.now = datetime(2026, 3, 15, 18, 0, tzinfo=UTC)  # Sunday 19:00 in Berlin, the default
    await chat.harness.runtime.tick()
    await chat.harness.runtime.tick()
    sent = photos(chat)
    assert len(sent) == 1 and sent[0][0].startswith(content.messages.summary.weekly_intro)
    async with unit_of_work(services.db) as session:
        rows = list(await session.exec(select(Outbox).where(Outbox.kind == "summary")))
    assert [(r.local_date, r.status) for r in rows] == [(date(2026, 3, 15), "sent")]


async def test_the_summary_day_and_time_are_set_in_settings(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    clock.now = MONDAY
    await onboard(chat, "Berlin", "20:00")
    await chat.send("/settings")
    await chat.tap("Weekly summary: Sunday 19:00")
    await chat.tap("Friday")
    await chat.send("18:30")
    assert chat.last_text() == "Your weekly summary will come on Fridays at 18:30."
    async with unit_of_work(services.db) as session:
        from bot.storage.models import User

        user = (await session.exec(select(User))).one()
    assert (user.summary_weekday, user.summary_minute) == (4, 18 * 60 + 30)
    assert user.next_summary_at == datetime(2026, 3, 13, 17, 30, tzinfo=UTC)


async def test_history_shows_corrects_and_deletes_entries(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    clock.now = MONDAY
    await onboard(chat)
    await calm_day(chat, "2")
    clock.advance(days=1)
    await calm_day(chat, "5")
    await chat.send("/history")
    listing = chat.keyboard_message()
    labels = [label for label, _ in buttons_of(listing)]
    assert labels == ["2026-03-10: no spasms", "2026-03-09: no spasms"]
    await chat.press(listing, buttons_of(listing)[1][1])  # the older one
    await chat.tap("Correct")
    await chat.tap("Stress")
    await chat.tap("8")
    first, _ = await checkins(services)
    assert (first.local_date, first.stress, first.status) == (date(2026, 3, 9), 8, "done")
    await chat.send("/history")
    listing = chat.keyboard_message()
    await chat.press(listing, buttons_of(listing)[0][1])
    await chat.tap("Delete")
    await chat.tap("Yes, delete it")
    assert chat.keyboard_message()["text"] != "Deleted your entry of 2026-03-10."
    assert "Deleted your entry of 2026-03-10." in [m["text"] for m in chat.my_messages() if "text" in m]
    assert [c.local_date for c in await checkins(services)] == [date(2026, 3, 9)]


async def test_someone_elses_entry_cannot_be_deleted(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await calm_day(chat, "2")
    (entry,) = await checkins(services)
    other = chat.harness.chat(909)
    await onboard(other)
    own_message = {"message_id": 1, "date": 0, "chat": {"id": 909, "type": "private"}, "text": "x"}
    await other.press(own_message, f"h:delok:{entry.id}")
    assert len(await checkins(services)) == 1


async def test_export_sends_a_csv_and_a_pdf_report(chat: Chat, services: Services, clock: FakeClock) -> None:
    clock.now = MONDAY
    await onboard(chat)
    await record_week(chat, clock)
    await chat.tap("Add a note")
    await chat.send("the twitching is getting worse and stiff")  # a note with an urgent sign
    await chat.send("I passed out")  # a recorded red-flag event
    await chat.send("/export")
    documents = chat.telegram.uploads_to(chat.user_id, "sendDocument")
    (_, csv_name, csv_bytes), (_, pdf_name, pdf_bytes) = documents
    assert (csv_name, pdf_name) == ("spasm-diary.csv", "spasm-diary-report.pdf")
    rows = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert len(rows) == 6 and rows[0]["date"] == "2026-03-09" and rows[0]["strength"] == "7"
    assert rows[-1]["notes"].endswith(" the twitching is getting worse and stiff")
    assert rows[0]["time"] and rows[0]["places"] == "eyelid" and rows[0]["sides"] == ""
    assert pdf_bytes.startswith(b"%PDF") and b"/Subtype /Image" in pdf_bytes


async def test_export_with_an_empty_diary_says_so(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await chat.send("/export")
    assert chat.last_text() == content.messages.export.empty


def test_a_long_summary_continues_in_a_second_message() -> None:
    lines = [f"line {i}: " + "x" * 90 for i in range(20)]
    caption, extra = split_caption(lines, "More:")
    assert len(caption) <= CAPTION_LIMIT and extra is not None and extra.startswith("More:")
    assert caption.count("line") + extra.count("line") == 20


def test_stress_insight_needs_days_on_both_sides() -> None:
    def entry(day: int, spasm: bool, stress: int) -> Checkin:
        return Checkin(
            user_id=1,
            local_date=date(2026, 3, day),
            status="done",
            had_spasm=spasm,
            stress=stress,
            severity=5 if spasm else None,
        )

    week = [entry(9, True, 8), entry(10, True, 7), entry(11, False, 2), entry(12, False, 3)]
    stats = stats_for(week, date(2026, 3, 9), date(2026, 3, 15))
    insight = stress_insight(stats)
    assert insight is not None and (
        insight.high_spasm,
        insight.high_days,
        insight.calm_spasm,
        insight.calm_days,
    ) == (2, 2, 0, 2)
    assert stress_insight(stats_for(week[:3], date(2026, 3, 9), date(2026, 3, 15))) is None
    assert stats.days_recorded == 4 and [d.recorded for d in stats.days] == [True] * 4 + [False] * 3


async def test_history_lists_the_escalations_a_person_received(chat: Chat, clock: FakeClock) -> None:
    clock.now = MONDAY
    await onboard(chat)
    await calm_day(chat, "2")
    await chat.send("I fainted")
    await chat.send("/history")
    texts = [m.get("text", "") for m in chat.my_messages()]
    alerts = next(t for t in texts if t.startswith("Red-flag alerts"))
    assert "2026-03-09 10:00: emergency (fainting or losing consciousness)" in alerts  # Berlin time
