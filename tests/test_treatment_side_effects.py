"""Side effects after an injection: typed or tapped, kept with "tell the clinic soon", never the
emergency reply; trouble swallowing, speaking or breathing after one is still an emergency."""

from __future__ import annotations

from datetime import date, timedelta

from bot.content import Content
from bot.services.registry import Services
from bot.storage.models import Checkin, SafetyEvent, Treatment, TreatmentEvent, User
from tests.harness import Chat
from tests.helpers import onboard, rows

TODAY = date(2026, 3, 10)


async def injected(services: Services, days_ago: int) -> None:
    (user,) = await rows(services, User)
    async with services.db() as session:
        session.add(Treatment(user_id=user.id, kind="injection", started_on=TODAY - timedelta(days=days_ago)))
        await session.commit()


async def test_a_typed_side_effect_is_shown_kept_and_not_an_emergency_or_a_report(
    chat: Chat, services: Services, content: Content
) -> None:
    text = content.messages.treatment
    await onboard(chat)
    await injected(services, 10)
    await chat.send("my eyelid is drooping since the botox")
    card = chat.keyboard_message()["text"]
    assert card.startswith("⚠️ After your injection of Saturday, 2026-02-28: a drooping eyelid")
    assert text.tell_clinic in card
    await chat.tap("Save")
    (event,) = await rows(services, TreatmentEvent)
    assert (event.kind, event.detail, event.local_date) == ("side_effect", "droop", TODAY)
    assert await rows(services, SafetyEvent) == [] and await rows(services, Checkin) == []
    said = [str(m.get("text")) for m in chat.my_messages()]
    assert not any(t.startswith(("Call 112 now", "If that ever happens")) for t in said)  # no alarm, no worry
    await chat.send("/treatment")
    assert "⚠️ Side effects this cycle: a drooping eyelid (Tuesday, 2026-03-10)." in chat.last_text()


async def test_a_side_effect_without_an_injection_is_not_kept(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("seeing double since my botox")
    assert chat.last_text() == content.messages.treatment.no_injection_for_effect
    assert await rows(services, TreatmentEvent) == []


async def test_a_tapped_side_effect_is_kept_once_a_day(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await injected(services, 5)
    for _ in range(2):
        await chat.send("/treatment")
        await chat.tap("A side effect")
        await chat.tap("a watering eye")
    assert content.messages.treatment.tell_clinic in chat.last_text()
    assert [(e.kind, e.detail) for e in await rows(services, TreatmentEvent)] == [("side_effect", "watering")]


async def test_trouble_swallowing_after_an_injection_is_an_emergency(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await injected(services, 3)
    await chat.send("trouble swallowing since the botox")
    assert chat.last_text().startswith("Call 112 now.")
    (event,) = await rows(services, SafetyEvent)
    assert event.level == "emergency" and event.reasons == "breathing"
    assert await rows(services, TreatmentEvent) == []
