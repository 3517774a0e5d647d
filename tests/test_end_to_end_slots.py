"""Two check-ins a day with the real `run` process over HTTP: set in /settings, the morning one
(sleep, then the face on waking) and a later one (spasms, stress, triggers), each sent once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select

from bot.domain.schedule import format_minute
from bot.domain.slots import instant_of
from bot.runtime.offline import Person
from bot.storage.db import session_factory
from bot.storage.models import Checkin, Outbox, User
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApiServer

PERSON = 515151


def a_zone_where_it_is_morning(now: datetime) -> tuple[str, str]:
    """What the person types ("UTC-6") and its zone, where it is between 09:00 and 10:00 now."""
    offset = (9 - now.hour + 12) % 24 - 12  # a whole-hour offset from -12 to +11
    sign = "+" if offset >= 0 else "-"
    return f"UTC{sign}{abs(offset)}", f"Etc/GMT{'-' if offset >= 0 else '+'}{abs(offset)}"


async def due_at(engine: AsyncEngine, when: datetime) -> None:
    """As the scheduler will see it: the person's next check-in is at `when`."""
    async with session_factory(engine)() as session:
        await session.exec(update(User).where(col(User.telegram_id) == PERSON).values(next_due_at=when))
        await session.commit()


async def test_two_checkins_a_day_over_http(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    typed_zone, zone = a_zone_where_it_is_morning(now)
    local = now.astimezone(ZoneInfo(zone))
    minute = local.hour * 60 + local.minute
    morning, later = minute - 75, minute + 90
    bot = BotProcess(api, db_url, tmp_path, Person(PERSON, "Ana"))
    try:
        bot.say("/start")
        bot.wait_text("which time zone")
        bot.say(typed_zone)
        bot.wait_text("What time should I check in")
        bot.say(format_minute(morning))
        bot.wait_text("All set")
        bot.say("/settings")
        bot.press("Add a check-in")
        bot.wait_text("What time should the new check-in be?")
        bot.say(format_minute(later))
        bot.wait_text(f"Check-ins each day: {format_minute(morning)}, {format_minute(later)}.")

        await due_at(engine, instant_of(local.date(), morning, zone))  # 75 minutes ago, within grace
        bot.wait_text("Time for your morning check-in")
        bot.press("7")
        bot.wait_text("any spasms since you woke up?")
        bot.press("No")
        bot.wait_text("Sleep: 7 h")

        # The later one is moved to now, over /settings, and comes: spasms since, stress, triggers.
        bot.say("/settings")
        bot.press(f"Move {format_minute(later)}")
        bot.wait_text(f"What time should the {format_minute(later)} check-in move to?")
        bot.say(format_minute(minute))
        bot.wait_text(f"Check-ins each day: {format_minute(morning)}, {format_minute(minute)}.")
        await due_at(engine, instant_of(local.date(), minute, zone))
        bot.wait_text("Time for your check-in")
        bot.press("Yes")
        bot.press("Eyelid")
        bot.press("Done")
        bot.press("Left")
        bot.press("3")
        bot.press("Seconds")
        bot.press("None of these")
        bot.wait_text("How stressed")
        bot.press("6")
        bot.wait_text("Anything that may have set it off?")  # sleep was told this morning: not asked again
        bot.press("Caffeine")
        bot.press("Done")
        bot.wait_count("Saved ✅", 2)
    finally:
        bot.stop()
    async with session_factory(engine)() as session:
        entries = list(await session.exec(select(Checkin).order_by(col(Checkin.id))))
        rows = list(await session.exec(select(Outbox).where(Outbox.kind == "checkin")))
    assert [(e.kind, e.slot, e.status) for e in entries] == [
        ("morning", morning, "done"),
        ("checkin", minute, "done"),
    ]
    assert [(e.sleep_hours, e.had_spasm, e.stress) for e in entries] == [(7.0, False, None), (None, True, 6)]
    assert sorted((r.slot, r.status) for r in rows) == [(morning, "sent"), (minute, "sent")]
    assert now - timedelta(minutes=1) < entries[1].created_at
