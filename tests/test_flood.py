"""More than 30 messages in a minute: one polite message, what was typed is kept but not answered,
red flags still answered at once, other people unaffected, and replies back after the minute."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.content import Content
from bot.domain.flood import FloodGuard, Pace
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import checkins, note_texts, onboard, quiet_day


def texts(chat: Chat) -> list[str]:
    return [str(call.params["text"]) for call in chat.telegram.sent_to(chat.user_id)]


async def test_a_flood_gets_one_polite_message_keeps_the_answer_and_still_escalates(
    chat: Chat, services: Services, content: Content, clock: FakeClock
) -> None:
    await onboard(chat)  # /start: message 1 (taps are not messages)
    await chat.send("/checkin")  # 2
    await chat.tap("No")
    for _ in range(28):  # 3..30: still answered, each one
        await chat.send("hmm")
        assert chat.last_text() == content.messages.checkin.number_hint
    before = len(texts(chat))

    await chat.send("7")  # 31 in a minute: the stress answer, typed
    await chat.send("I can't move the left side of my face")
    for _ in range(10):
        await chat.send("hello?")
    said = texts(chat)[before:]
    assert said[0] == content.messages.general.slow_down
    assert said[1].startswith("Call 112 now.")  # triage is never slowed down
    assert len(said) == 2
    (entry,) = await checkins(services)
    assert (entry.status, entry.had_spasm, entry.stress, entry.step) == ("open", False, 7, "sleep")

    clock.advance(seconds=61)
    await chat.send("/help")
    assert chat.last_text() == content.messages.general.help
    await chat.send("/checkin")  # picks up where the typed answer left it
    assert chat.keyboard_message()["text"].endswith(content.messages.checkin.ask_sleep)


async def test_a_note_in_a_flood_is_kept_and_another_person_is_unaffected(
    chat: Chat, services: Services, content: Content
) -> None:
    ben = chat.harness.chat(222)
    await onboard(ben)
    await onboard(chat)
    await quiet_day(chat)  # 2 messages so far
    await chat.tap("Add a note")
    for _ in range(28):
        await chat.send("/privacy")
        await ben.send("/privacy")  # interleaved, and never slowed down by the other's flood
        assert ben.last_text() == content.messages.privacy.privacy
    await chat.send("jaw aches after the dentist")  # 31: over the limit
    await chat.send("/summary")
    assert texts(chat)[-1] == content.messages.general.slow_down
    assert texts(chat).count(content.messages.general.slow_down) == 1
    (entry,) = await checkins(services)
    assert note_texts(entry) == ["jaw aches after the dentist"]
    await ben.send("/help")
    assert ben.last_text() == content.messages.general.help


def test_thirty_a_minute_are_fine_and_a_steady_flood_is_told_once() -> None:
    clock = FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    guard = FloodGuard(clock)
    for _ in range(60):  # one every 2.5 s: 24 in any minute
        assert guard.check(1) == Pace.OK
        clock.advance(seconds=2.5)
    paces = []
    for _ in range(120):  # one a second: over the limit from the 31st in a minute on
        paces.append(guard.check(1))
        clock.advance(seconds=1)
    # The slower messages before still count: 19 of them and 11 fast ones are 30 within a minute,
    # so the 12th fast one is over the limit.
    assert paces[:12] == [Pace.OK] * 11 + [Pace.SLOW_DOWN]
    assert paces[12:] == [Pace.QUIET] * 108
    clock.advance(minutes=1)
    assert guard.check(1) == Pace.OK
    assert guard.check(2) == Pace.OK
