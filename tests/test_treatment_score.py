"""The self-rated score (in the way, how often; 0-4 each): just before an injection, again 4-6
weeks after it from the check-in, with the change shown; each score kept once."""

from __future__ import annotations

from bot.content import Content
from bot.runtime.offline import buttons_of
from bot.services.registry import Services
from bot.services.treatment_export import TreatmentExport
from bot.storage.models import TreatmentEvent, User
from handlers.views.treatment_report import treatment_lines
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import onboard, quiet_day, rows


async def test_the_score_before_and_after_an_injection(
    chat: Chat, services: Services, content: Content, clock: FakeClock
) -> None:
    text = content.messages.treatment
    await onboard(chat)
    await chat.send("had my botox today")
    await chat.tap("Save")
    assert chat.keyboard_message()["text"] == f"{text.score_before_intro}\n\n{text.ask_severity}"
    await chat.tap("3")
    assert chat.keyboard_message()["text"] == text.ask_frequency
    await chat.tap("4")
    assert chat.last_text() == "Kept: in the way 3/4, how often 4/4."

    clock.advance(days=30)
    await quiet_day(chat)
    card = chat.keyboard_message()["text"]
    assert card == f"💉 Day 30 since your injection (week 5).\n{text.score_after_intro}\n{text.ask_severity}"
    await chat.tap("1")
    await chat.tap("2")
    assert (
        chat.last_text()
        == "Kept: in the way 1/4, how often 2/4.\n\nBefore the injection: 3 and 4. Now: 1 and 2."
    )
    await chat.send("/treatment")
    shown = next(m["text"] for m in reversed(chat.my_messages()) if "text" in m)
    assert (
        "📊 Your score (in the way, how often; 0-4): before the injection 3 and 4, 4-6 weeks after 1 and 2."
        in shown
    )
    record = await TreatmentExport(services.db).collect(chat.user_id)
    assert record is not None
    (cycle,) = treatment_lines(content, record)
    assert "Self-rated score (in the way, how often; 0-4): before 3 and 4, 4-6 weeks after 1 and 2." in cycle
    kinds = [(e.kind, e.value) for e in await rows(services, TreatmentEvent)]
    assert kinds == [("severity", 3), ("frequency", 4), ("severity", 1), ("frequency", 2)]

    clock.advance(days=1)  # the next check-in does not ask again
    await quiet_day(chat)
    assert text.score_after_intro not in chat.keyboard_message()["text"]


async def test_an_injection_added_weeks_later_is_not_scored_as_before(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await chat.send("had my botox 3 weeks ago")
    await chat.tap("Save")
    assert all(
        content.messages.treatment.score_before_intro not in str(m.get("text")) for m in chat.my_messages()
    )


async def test_a_first_treatment_asks_the_starting_score_once(
    chat: Chat, services: Services, content: Content
) -> None:
    text = content.messages.treatment
    await onboard(chat)
    await quiet_day(chat)
    await chat.send("started clonazepam 0.5 mg 3 days ago")
    await chat.tap("Save")
    assert chat.keyboard_message()["text"] == f"{text.score_start_intro}\n\n{text.ask_severity}"
    await chat.tap("3")
    await chat.tap("2")
    assert chat.last_text() == "Kept: in the way 3/4, how often 2/4."
    await chat.send("/treatment")
    assert (
        "📊 Your starting score (Tuesday, 2026-03-10; in the way, how often; 0-4): 3 and 2."
        in chat.last_text()
    )
    await chat.send("had my botox 3 weeks ago")
    await chat.tap("Save")
    assert "Two quick questions" not in chat.last_text()  # a starting score is given once
    record = await TreatmentExport(services.db).collect(chat.user_id)
    assert record is not None and record.cycles[0].scores == ()  # not mistaken for before or after
    assert treatment_lines(content, record)[-1] == (
        "Self-rated score at the start (2026-03-10; in the way, how often; 0-4): 3 and 2"
    )
    kinds = sorted((r[1], r[5]) for r in record.rows if "score" in r[1])
    assert kinds == [("score_how_often_at_start", "2"), ("score_in_the_way_at_start", "3")]


async def test_a_starting_score_is_kept_once_and_only_on_ones_own_treatment(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("had MVD surgery 2 months ago")
    await chat.send("had mvd surgery on 3 January")
    await chat.tap("Save")
    card = chat.keyboard_message()
    zero, one = (data for _, data in buttons_of(card)[:2])
    await chat.tap("4")
    await chat.tap("4")
    await chat.press(card, zero)  # the first card's 0, tapped late
    assert chat.last_text() == content.messages.treatment.cycle_answered
    other = chat.harness.chat(999)
    await onboard(other)
    await other.press(card, one)  # someone else's treatment
    values = sorted((e.kind, e.value, e.user_id) for e in await rows(services, TreatmentEvent))
    (user,) = [u for u in await rows(services, User) if u.telegram_id == chat.user_id]
    assert values == [("frequency", 4, user.id), ("severity", 4, user.id)]
