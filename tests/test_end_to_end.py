"""The real `run` process against a Bot API server over HTTP, played as a person on a phone would."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select

from bot.runtime.offline import Person
from bot.storage.db import session_factory
from bot.storage.models import Checkin, InboxUpdate, Outbox, SafetyEvent, User
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApiServer


async def make_due_now(engine: AsyncEngine, telegram_id: int) -> None:
    """The check-in time comes: as the scheduler sees it, the person is due now."""
    async with session_factory(engine)() as session:
        await session.exec(
            update(User).where(col(User.telegram_id) == telegram_id).values(next_due_at=datetime.now(UTC))
        )
        await session.commit()


async def test_onboarding_scheduled_checkin_and_answer_over_http(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(424242, "Sam"))
    try:
        first = bot.say("/start")
        bot.wait_text("which time zone")
        bot.press("Sydney")
        bot.wait_text("What time should I check in")
        bot.press("08:00")
        bot.wait_text("All set")
        assert api.confirmed(first)
        await make_due_now(engine, 424242)
        bot.wait_text("Time for your check-in")
        bot.press("No")
        bot.wait_text("How stressed")
        bot.press("4")
        bot.wait_text("How many hours did you sleep?")
        bot.press("7")
        bot.wait_text("What did today hold?")
        bot.press("Screen time")
        api.wait_for(lambda _: "✅ Screen time" in str(bot._keyboard()))
        bot.press("Done")
        bot.wait_text("Saved ✅")
        bot.wait_text("Something that may help")
    finally:
        bot.stop()

    async with session_factory(engine)() as session:
        user = (await session.exec(select(User))).one()
        checkin = (await session.exec(select(Checkin))).one()
        outbox = (await session.exec(select(Outbox))).one()
        inbox = list(await session.exec(select(InboxUpdate)))
    assert (user.timezone, user.checkin_minute) == ("Australia/Sydney", 480)
    assert (checkin.status, checkin.had_spasm, checkin.stress, checkin.triggers) == (
        "done",
        False,
        4,
        "screen",
    )
    assert (outbox.status, outbox.checkin_id) == ("sent", checkin.id)
    assert inbox and all(row.handled_at is not None and row.error is None for row in inbox)
    sent = [c.params["text"] for c in api.telegram.calls if c.method == "sendMessage"]
    assert len([t for t in sent if "Time for your check-in" in t]) == 1


async def test_a_free_text_check_in_over_http_is_saved_after_save(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(434343, "Kim"))
    try:
        bot.say("/start")
        bot.press("Berlin")
        bot.press("20:00")
        bot.wait_text("All set")
        bot.say("right cheek twitching, mild, about an hour. slept 6.5 hours, stressed")
        bot.wait_text("Here's what I understood")
        bot.press("None of these")
        bot.wait_text("Is that right?")
        bot.press("Save")
        bot.wait_text("Saved ✅")
    finally:
        bot.stop()
    async with session_factory(engine)() as session:
        checkin = (await session.exec(select(Checkin))).one()
    assert (checkin.status, checkin.locations, checkin.sides, checkin.severity, checkin.duration_minutes) == (
        "done",
        "cheek",
        "cheek:right",
        3,
        60,
    )
    assert (checkin.stress, checkin.sleep_hours, checkin.triggers) == (6, 6.5, "stress")


async def test_an_emergency_mid_checkin_over_http_comes_first_and_the_checkin_finishes(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(515151, "Kim"))
    try:
        bot.say("/start")
        bot.wait_text("which time zone")
        bot.say("Toronto")
        bot.wait_text("What time should I check in")
        bot.say("21:00")
        bot.wait_text("All set")
        bot.say("/checkin")
        bot.press("Yes")
        bot.press("Cheek")
        api.wait_for(lambda _: "✅ Cheek" in str(bot._keyboard()))
        bot.press("Done")
        bot.wait_text("Which side of your face?")
        bot.press("Both")
        bot.wait_text("How strong")
        calls_before = len(api.telegram.calls)
        bot.say("cant breath and my face feels numb on one side")
        bot.wait_text("Call 911 now.")
        answer = [c for c in api.telegram.calls[calls_before:] if c.method != "getUpdates"]
        assert answer[0].method == "sendMessage" and answer[0].params["text"].startswith("Call 911 now.")
        bot.press("5")
        bot.wait_text("Roughly how long")
        bot.press("Minutes")
        bot.wait_text("Anything else right now?")
        bot.press("None of these")
        bot.wait_text("How stressed")
        bot.press("6")
        bot.wait_text("How many hours did you sleep?")
        bot.press("Not recorded")
        bot.wait_text("Anything that may have set it off")
        bot.press("Done")
        bot.wait_text("Saved ✅")
    finally:
        bot.stop()

    async with session_factory(engine)() as session:
        checkin = (await session.exec(select(Checkin))).one()
        event = (await session.exec(select(SafetyEvent))).one()
    assert (checkin.status, checkin.severity, checkin.locations, checkin.stress) == ("done", 5, "cheek", 6)
    assert (event.level, event.source) == ("emergency", "text")
    assert set(event.reasons.split(",")) == {"breathing", "numbness"}


async def test_questions_and_topics_over_http(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(626262, "Lee"))
    try:
        bot.say("/start")
        bot.wait_text("which time zone")
        bot.press("Berlin")
        bot.wait_text("What time should I check in")
        bot.press("20:00")
        bot.wait_text("All set")
        bot.say("is it tourette's?")
        bot.wait_text("Tourette's syndrome is a neurological condition")
        bot.say("/causes")
        bot.wait_text("What would you like to know about?")
        bot.press("Caffeine")
        bot.wait_text("Caffeine stimulates nerves and muscles")
        bot.press("All topics")
        api.wait_for(lambda _: "What would you like to know about?" in str(bot._keyboard()))
    finally:
        bot.stop()


async def test_summary_photo_and_export_documents_arrive_over_http(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(737373, "Ari"))
    try:
        bot.say("/start")
        bot.press("London")
        bot.press("20:00")
        bot.wait_text("All set")
        bot.say("/checkin")
        bot.press("No")
        bot.press("3")
        bot.wait_text("How many hours did you sleep?")
        bot.press("7")
        bot.wait_text("What did today hold?")
        bot.press("Done")
        bot.wait_text("Saved ✅")
        async with session_factory(engine)() as session:  # a second day, recorded yesterday
            entry = (await session.exec(select(Checkin))).one()
            yesterday = entry.local_date - timedelta(days=1)
            session.add(
                Checkin(
                    user_id=entry.user_id, local_date=yesterday, status="done", had_spasm=True, severity=6,
                    locations="lip", duration="minutes", red_flags="", stress=7, triggers="stress",
                )
            )  # fmt: skip
            await session.commit()
        bot.say("/summary")
        photo = api.wait_for(lambda _: api.telegram.uploads_to(737373, "sendPhoto"))
        (call, _, jpeg) = photo[0]
        assert jpeg[:3] == b"\xff\xd8\xff" and "Days with spasms: 1 of 2 recorded" in call.params["caption"]
        bot.say("/export")
        documents = api.wait_for(
            lambda _: (
                len(api.telegram.uploads_to(737373, "sendDocument")) == 2
                and api.telegram.uploads_to(737373, "sendDocument")
            )
        )
        names = [name for _, name, _ in documents]
        assert names == ["spasm-diary.csv", "spasm-diary-report.pdf"]
        assert documents[1][2].startswith(b"%PDF")
    finally:
        bot.stop()


ANSWERS = {  # what Lea taps at each question a report leaves open
    "How strong": "5", "Anything else right now?": "None of these", "How stressed": "4",
    "How many hours did you sleep?": "Not recorded", "set it off": "Done ✔", "What did today hold?": "Done ✔",
}  # fmt: skip


def _changed(bot: BotProcess, was: object, _calls: object) -> bool:
    return (bot._keyboard() or {}).get("text") != was


def _shows(bot: BotProcess, fragment: str, _calls: object) -> bool:
    return fragment in str(bot._keyboard())


def review_and_save(bot: BotProcess, saved_before: int) -> None:
    """Answer what a typed report left open, then Save it once it is shown for review."""
    for _ in range(8):
        keyboard = bot.api.wait_for(lambda _: bot._keyboard())
        text = str(keyboard.get("text", ""))
        if "Is that right?" in text:
            bot.press("Save")
            bot.wait_count("Saved ✅", saved_before + 1)
            return
        label = next((v for k, v in ANSWERS.items() if text.endswith(k) or k in text.splitlines()[-1]), None)
        assert label is not None, text
        bot.press(label)
        bot.api.wait_for(partial(_changed, bot, keyboard.get("text")))
    raise AssertionError("the report was never shown for review")


async def test_the_diary_over_http_keeps_every_entry_side_note_and_day(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    """A tapped check-in, a typed second episode on the other side, a question, two notes, a report
    about yesterday, then /export: the CSV holds every entry, side, note and date."""
    bot = BotProcess(api, db_url, tmp_path, Person(454545, "Lea"))
    try:
        bot.say("/start")
        bot.press("Berlin")
        bot.press("20:00")
        bot.wait_text("All set")
        bot.say("/checkin")
        steps = [("Yes", "Where was it?"), ("Eyelid", "✅ Eyelid"), ("Done", "Which side"),
                 ("Left", "How strong"), ("5", "Roughly how long"), ("Minutes", "Anything else"),
                 ("None of these", "How stressed"), ("4", "How many hours"), ("7", "set it off"),
                 ("Screen time", "✅ Screen time"), ("Done", "Saved ✅")]  # fmt: skip
        for label, then in steps:
            bot.press(label)
            bot.api.wait_for(partial(_shows, bot, then))
        bot.say("now my right cheek is twitching, about 10 minutes, 6/10")
        bot.wait_text("Here's what I understood")
        review_and_save(bot, 1)
        bot.say("can coffee cause eye twitching?")
        bot.wait_text("Source:")
        bot.press("Add a note")
        bot.wait_text("Type your note")
        bot.say("started after a long video call")
        bot.wait_text("Note added")
        bot.say("and again in the evening 😩", reply_to=bot.card("Saved ✅"))
        bot.wait_count("Note added", 2)
        bot.say("yesterday my left eyelid twitched all afternoon, stress 6")
        bot.wait_text("Day: ")
        review_and_save(bot, 2)
        bot.say("/export")
        api.wait_for(lambda calls: sum(c.method == "sendDocument" for c in calls) == 2)
    finally:
        bot.stop()
    ((_, name, content), _pdf) = api.telegram.uploads_to(454545, "sendDocument")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert name == "spasm-diary.csv" and len(rows) == 3
    today = max(r["date"] for r in rows)
    yesterday = (date.fromisoformat(today) - timedelta(days=1)).isoformat()
    by_place = {(r["date"], r["kind"], r["places"], r["sides"]) for r in rows}
    assert by_place == {
        (today, "checkin", "eyelid", "left"),
        (today, "episode", "cheek", "right"),
        (yesterday, "checkin", "eyelid", "left"),
    }
    notes = next(r["notes"] for r in rows if r["kind"] == "episode")
    assert "started after a long video call" in notes and "and again in the evening 😩" in notes
    assert all(r["time"] for r in rows)
