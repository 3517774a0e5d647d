"""After microvascular decompression: the check-in asks about hearing and facial strength at a few
points of the first year, expecting slow improvement; a change gets "tell your surgeon's team"."""

from __future__ import annotations

from datetime import date, timedelta

from bot.content import Content
from bot.domain.recovery import recovery_due
from bot.services.registry import Services
from bot.storage.models import TreatmentEvent
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import onboard, quiet_day, rows

OPERATED = date(2026, 1, 1)


def test_the_latest_checkpoint_reached_is_asked_once() -> None:
    on = [recovery_due(OPERATED, OPERATED + timedelta(days=d), set()) for d in (3, 7, 20, 30, 200, 400)]
    assert on == [None, 7, 14, 28, 182, None]
    assert recovery_due(OPERATED, OPERATED + timedelta(days=30), {28}) is None


async def test_the_check_in_asks_about_recovery_after_an_operation(
    chat: Chat, services: Services, content: Content, clock: FakeClock
) -> None:
    text = content.messages.treatment
    await onboard(chat)
    await chat.send("had MVD surgery 4 weeks ago")
    await chat.tap("Save")
    await quiet_day(chat)
    assert chat.keyboard_message()["text"] == text.recovery_ask.format(weeks=4)
    await chat.tap(text.recovery_weakness)
    assert chat.last_text() == text.recovery_tell_surgeon
    (event,) = await rows(services, TreatmentEvent)
    assert (event.kind, event.value, event.detail) == ("recovery", 28, "weakness")
    clock.advance(days=1)
    await quiet_day(chat)  # answered for this checkpoint: not asked again until the next
    assert all(text.recovery_ok not in str(m.get("reply_markup")) for m in chat.my_messages()[-2:])
