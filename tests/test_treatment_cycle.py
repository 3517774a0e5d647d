"""The check-in's injection question: "started?" around days 3-7, "how well?" from day 12 and
weekly, "it's wearing off" from week 6; each answer kept once a day, for the last injection only."""

from __future__ import annotations

from datetime import date, timedelta

from bot.content import Content
from bot.services.registry import Services
from bot.storage.models import Treatment, TreatmentEvent, User
from handlers import callbacks
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import onboard, quiet_day, rows

TODAY = date(2026, 3, 10)


async def injected(services: Services, days_ago: int) -> int:
    (user,) = await rows(services, User)
    async with services.db() as session:
        row = Treatment(user_id=user.id, kind="injection", started_on=TODAY - timedelta(days=days_ago))
        session.add(row)
        await session.commit()
        assert row.id is not None
        return row.id


async def test_no_injection_no_question(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await quiet_day(chat)
    assert content.messages.treatment.ask_started not in chat.last_text()
    assert "since your injection" not in chat.last_text()


async def test_started_is_asked_after_the_checkin_and_kept(
    chat: Chat, services: Services, content: Content
) -> None:
    text = content.messages.treatment
    await onboard(chat)
    await injected(services, 4)
    await quiet_day(chat)
    assert chat.keyboard_message()["text"] == f"💉 Day 4 since your injection (week 1).\n{text.ask_started}"
    await chat.tap(text.started_no)
    assert chat.last_text() == text.not_yet_saved
    (event,) = await rows(services, TreatmentEvent)
    assert (event.kind, event.value, event.local_date) == ("started", 0, TODAY)


async def test_how_well_from_day_12_with_wearing_off_from_week_6(
    chat: Chat, services: Services, content: Content, clock: FakeClock
) -> None:
    text = content.messages.treatment
    await onboard(chat)
    injection = await injected(services, 45)  # past the 4-6 week score
    await quiet_day(chat)
    message = chat.keyboard_message()
    assert message["text"] == f"💉 Day 45 since your injection (week 7).\n{text.ask_effect}"
    await chat.tap("3 · well")
    assert chat.last_text() == text.effect_saved.format(label="3 · well")
    await chat.press(message, callbacks.CYCLE.build(injection, "effect", 1))  # a second tap
    assert chat.last_text() == text.cycle_answered
    assert [(e.kind, e.value) for e in await rows(services, TreatmentEvent)] == [("effect", 3)]

    clock.advance(days=1)  # the next day: no question due, the one-tap still offered
    await quiet_day(chat)
    assert chat.keyboard_message()["text"] == "💉 Day 46 since your injection (week 7)."
    await chat.tap("It's wearing off")
    kinds = [e.kind for e in await rows(services, TreatmentEvent)]
    assert kinds == ["effect", "wearing_off"]


async def test_an_answer_about_an_earlier_injection_changes_nothing(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    earlier = await injected(services, 100)
    await injected(services, 5)
    await chat.send("/treatment")
    await chat.press(chat.keyboard_message(), callbacks.CYCLE.build(earlier, "effect", 4))
    assert chat.last_text() == content.messages.treatment.cycle_stale
    assert await rows(services, TreatmentEvent) == []
