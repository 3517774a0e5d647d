"""Services on their own: plain values in and out, no Telegram anywhere."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.content import Content
from bot.services.checkins import Outcome
from bot.services.registry import Services
from bot.services.tips import TipService
from tests.conftest import FakeClock
from tests.helpers import checkins, note_texts, outbox

ALEX = 9001


async def set_up(services: Services, zone: str = "Europe/Berlin", time: str = "08:30") -> None:
    await services.users.start(ALEX, ALEX)
    assert (await services.users.set_timezone(ALEX, zone)) is not None
    assert (await services.users.set_checkin_time(ALEX, time)) is not None


async def test_checkin_service_walks_the_yes_path(services: Services) -> None:
    await set_up(services)
    begun = await services.checkins.begin(ALEX, "checkin")
    assert begun.view is not None and begun.view.step == "spasm"
    cid = begun.view.id
    steps = [
        ("spasm", "y"), ("locations", "eyebrow"), ("locations", "forehead"), ("locations", "done"),
        ("sides", "eyebrow_l"), ("sides", "forehead_b"),
        ("severity", "7"), ("duration", "day"), ("redflags", "none"), ("stress", "2"),
        ("sleep", "7"), ("triggers", "caffeine"), ("triggers", "done"),
    ]  # fmt: skip
    result = None
    for step, value in steps:
        result = await services.checkins.press(ALEX, cid, step, value, None)
        assert result.outcome == Outcome.SHOW, (step, value)
    assert result is not None and result.view is not None
    assert result.view.step == "done" and result.view.locations == ("eyebrow", "forehead")
    assert [t.id for t in result.tips] and all("caffeine" in t.triggers for t in result.tips)


async def test_wrong_step_or_value_writes_nothing(services: Services) -> None:
    await set_up(services)
    begun = await services.checkins.begin(ALEX, "checkin")
    assert begun.view is not None
    cid = begun.view.id
    assert (await services.checkins.press(ALEX, cid, "stress", "5", None)).outcome == Outcome.STALE
    assert (await services.checkins.press(ALEX, cid, "spasm", "perhaps", None)).outcome == Outcome.STALE
    assert (await services.checkins.press(ALEX + 1, cid, "spasm", "y", None)).outcome == Outcome.STALE
    (entry,) = await checkins(services)
    assert entry.had_spasm is None and entry.stress is None


async def test_a_note_is_taken_only_when_asked_for_and_notes_add_up(
    services: Services, clock: FakeClock
) -> None:
    await set_up(services)
    begun = await services.checkins.begin(ALEX, "checkin")
    assert begun.view is not None
    for step, value in (("spasm", "n"), ("stress", "1"), ("sleep", "none"), ("triggers", "done")):
        await services.checkins.press(ALEX, begun.view.id, step, value, None)
    # Right after saving, text is read for what it is: a question is not a note.
    assert await services.checkins.typed(ALEX, "what causes twitching?") is None
    for text in ("  slept badly  ", "coffee at 4pm"):
        asked = await services.checkins.press(ALEX, begun.view.id, "card", "note", None)
        assert asked.outcome == Outcome.NOTE_ASK
        saved = await services.checkins.typed(ALEX, text)
        assert saved is not None and saved.outcome == Outcome.NOTE_SAVED
        clock.advance(minutes=5)
    (entry,) = await checkins(services)
    assert note_texts(entry) == ["slept badly", "coffee at 4pm"] and entry.note_open_until is None
    assert saved is not None and saved.view is not None
    assert [n.text for n in saved.view.notes] == ["slept badly", "coffee at 4pm"]


async def test_an_over_long_note_is_refused_whole_and_the_prompt_stays_open(services: Services) -> None:
    await set_up(services)
    begun = await services.checkins.begin(ALEX, "checkin")
    assert begun.view is not None
    for step, value in (("spasm", "n"), ("stress", "1"), ("sleep", "none"), ("triggers", "done")):
        await services.checkins.press(ALEX, begun.view.id, step, value, None)
    await services.checkins.press(ALEX, begun.view.id, "card", "note", None)
    refused = await services.checkins.typed(ALEX, "x" * 1001)
    assert refused is not None and refused.outcome == Outcome.NOTE_TOO_LONG
    (entry,) = await checkins(services)
    assert note_texts(entry) == [] and entry.note_open_until is not None
    kept = await services.checkins.typed(ALEX, "shorter")
    assert kept is not None and kept.outcome == Outcome.NOTE_SAVED


async def test_text_while_a_button_step_waits_gets_a_pointer(services: Services) -> None:
    await set_up(services)
    await services.checkins.begin(ALEX, "checkin")
    result = await services.checkins.typed(ALEX, "yes a bit")
    assert result is not None and result.outcome == Outcome.USE_BUTTONS


def test_tips_never_repeat_back_to_back_and_fall_back_to_general(content: Content) -> None:
    tips = TipService(content.tips, random.Random(1))
    previous: set[str] = set()
    for _ in range(20):
        chosen = tips.choose(["stress"], previous)
        assert chosen and not {t.id for t in chosen} & previous
        previous = {t.id for t in chosen}
    assert all("general" in t.triggers for t in tips.choose([], set()))
    assert all("not_sure" in t.triggers for t in tips.choose(["not_sure"], set()))
    assert len(tips.choose(["stress", "fatigue", "caffeine"], set())) == 2


@pytest.mark.parametrize(
    ("zone", "first_day"),
    [
        ("Europe/Berlin", date(2026, 3, 27)),
        ("America/New_York", date(2026, 10, 30)),
        ("Australia/Sydney", date(2026, 10, 2)),
    ],
)
async def test_the_scheduler_enqueues_once_per_local_day_through_a_dst_change(
    services: Services, clock: FakeClock, zone: str, first_day: date
) -> None:
    clock.now = datetime.combine(first_day, datetime.min.time(), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    await set_up(services, zone, "08:30")
    for _ in range(5 * 24 * 4):  # five days in 15-minute ticks
        clock.advance(minutes=15)
        await services.outbox.enqueue_due()
    rows = [r for r in await outbox(services) if r.kind == "checkin"]
    assert [r.local_date for r in rows] == [first_day + timedelta(days=i) for i in range(5)]
    for row in rows:
        local = row.due_at.astimezone(ZoneInfo(zone))
        assert (local.date(), local.hour, local.minute) == (row.local_date, 8, 30)
        assert row.status == "pending"
