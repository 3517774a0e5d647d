"""The optional reminder to book the next injection, a chosen number of weeks after each one."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.content import Content
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import onboard, outbox, user_row


async def test_the_reminder_to_book_comes_weeks_after_the_injection(
    chat: Chat, services: Services, content: Content, clock: FakeClock
) -> None:
    text = content.messages.treatment
    await onboard(chat)
    await chat.send("had my botox 3 weeks ago")
    await chat.tap("Save")
    await chat.send("/treatment")
    await chat.tap("Reminder to book: off")
    await chat.tap("10 weeks")
    assert chat.last_text() == text.booking_set.format(day="Tuesday, 2026-04-28")
    user = await user_row(services, chat.user_id)
    assert user is not None and user.booking_weeks == 10 and user.next_booking_at is not None

    clock.now = user.next_booking_at + timedelta(minutes=1)
    await chat.harness.runtime.tick()
    await chat.harness.runtime.tick()
    assert text.booking_reminder in [m.get("text") for m in chat.my_messages()]
    assert [(r.kind, r.status) for r in await outbox(services) if r.kind == "booking"] == [
        ("booking", "sent")
    ]
    user = await user_row(services, chat.user_id)
    assert user is not None and user.next_booking_at is None  # until the next injection

    await chat.send("had my botox today")
    await chat.tap("Save")
    user = await user_row(services, chat.user_id)
    assert user is not None and user.next_booking_at is not None
    local = user.next_booking_at.astimezone(ZoneInfo("Europe/Berlin"))
    assert local.date() == date(2026, 4, 28) + timedelta(weeks=10) and (local.hour, local.minute) == (20, 0)


async def test_off_clears_the_reminder(chat: Chat, services: Services, content: Content) -> None:
    await onboard(chat)
    await chat.send("had my botox today")
    await chat.tap("Save")
    await chat.send("/treatment")
    await chat.tap("Reminder to book: off")
    await chat.tap("8 weeks")
    await chat.send("/treatment")
    await chat.tap("Reminder to book: 8 weeks")
    await chat.tap("off")
    assert chat.last_text() == content.messages.treatment.booking_cleared
    user = await user_row(services, chat.user_id)
    assert user is not None and (user.booking_weeks, user.next_booking_at) == (None, None)
