"""The daily reminder to take medicines at its own time, with one tap per medicine taken today."""

from __future__ import annotations

from datetime import timedelta

from bot.content import Content
from bot.services.registry import Services
from bot.storage.models import TreatmentEvent
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import onboard, outbox, rows, user_row


async def test_the_medicine_reminder_and_taken(
    chat: Chat, services: Services, content: Content, clock: FakeClock
) -> None:
    text = content.messages.treatment
    await onboard(chat, time="08:00")  # the check-in is not due at the medicine time
    for line in ("started clonazepam 0.5 mg yesterday", "started baclofen 10 mg yesterday"):
        await chat.send(line)
        await chat.tap("Save")
    await chat.send("/treatment")
    await chat.tap("Reminder to take medicines: off")
    await chat.tap("21:00")
    assert chat.last_text() == text.medicine_set.format(time="21:00")
    user = await user_row(services, chat.user_id)
    assert user is not None and user.next_medicine_at is not None

    clock.now = user.next_medicine_at + timedelta(minutes=1)  # 21:01 in Berlin
    await chat.harness.runtime.tick()
    await chat.harness.runtime.tick()
    reminder = chat.keyboard_message()
    assert reminder["text"] == text.medicine_reminder.format(medicines="Clonazepam 0.5 mg, Baclofen 10 mg")
    clonazepam = reminder["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await chat.tap("Clonazepam taken")
    shown = chat.keyboard_message()["text"]
    assert shown.startswith("✅ Noted for today: Clonazepam taken.") and "Baclofen 10 mg" in shown
    await chat.press(reminder, clonazepam)  # tapped again: still once
    await chat.tap("Baclofen taken")
    assert chat.last_text() == "✅ Noted for today: Baclofen taken."
    assert sorted(e.kind for e in await rows(services, TreatmentEvent)) == ["taken", "taken"]  # once each
    assert [r.status for r in await outbox(services) if r.kind == "medicine"] == ["sent"]
    user = await user_row(services, chat.user_id)
    assert user is not None and user.next_medicine_at is not None
    assert user.next_medicine_at - clock.now > timedelta(hours=23)  # tomorrow at 21:00

    await chat.send("/treatment")
    await chat.tap("Reminder to take medicines: 21:00")
    await chat.tap("off")
    assert chat.last_text() == text.medicine_cleared
    user = await user_row(services, chat.user_id)
    assert user is not None and (user.medicine_minute, user.next_medicine_at) == (None, None)
