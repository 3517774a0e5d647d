"""/treatment: an injection is shown before it is saved, one a day, never in the future; "it's
wearing off" once per cycle; the cycle's day and the pattern of past cycles; /delete removes it."""

from __future__ import annotations

from datetime import date, timedelta

from bot.config import Settings
from bot.content import Content
from bot.services.registry import Services
from bot.storage.models import Checkin, Treatment, TreatmentEvent, User
from handlers import callbacks
from tests.harness import Chat, start_harness
from tests.helpers import onboard, rows

TODAY = date(2026, 3, 10)  # the test clock's day in Berlin


def data(action: str, day: date | None = None) -> str:
    return callbacks.TREATMENT.build(action, day.strftime("%Y%m%d") if day else "-")


async def add_injection(chat: Chat, button: str) -> None:
    await chat.send("/treatment")
    await chat.tap("Add an injection")
    await chat.tap(button)


async def answer_start_score(chat: Chat) -> None:
    await chat.tap("3")  # in the way
    await chat.tap("2")  # how often


async def test_an_injection_is_shown_before_it_is_saved(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/treatment")
    wording = content.messages.treatment
    assert chat.last_text() == f"{wording.none_yet}\n\n{wording.typed_hint}"
    await add_injection(chat, "3 weeks ago")
    assert chat.keyboard_message()["text"].startswith("💉 Botulinum toxin injection on Tuesday, 2026-02-17.")
    assert await rows(services, Treatment) == []  # nothing until Save
    await chat.tap("Save")
    (saved,) = await rows(services, Treatment)
    assert (saved.kind, saved.started_on) == ("injection", TODAY - timedelta(weeks=3))
    text = str(chat.my_messages()[-2]["text"])
    assert "Saved: injection on Tuesday, 2026-02-17" in text
    assert chat.last_text().startswith(content.messages.treatment.score_start_intro)  # a first treatment
    assert "Today is day 21 of this cycle (week 4)." in text


async def test_cancel_saves_nothing_and_one_injection_a_day(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await add_injection(chat, "Yesterday")
    await chat.tap("Cancel")
    assert chat.last_text() == content.messages.treatment.cancelled
    assert await rows(services, Treatment) == []
    for _ in range(2):
        await add_injection(chat, "Today")
        await chat.tap("Save")
    assert any(
        "There is already an injection on Tuesday, 2026-03-10" in str(m.get("text"))
        for m in chat.my_messages()
    )
    assert len(await rows(services, Treatment)) == 1


async def test_a_future_or_impossible_day_is_refused_with_nothing_saved(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/treatment")
    message = chat.keyboard_message()
    await chat.press(message, data("save", TODAY + timedelta(days=1)))
    assert chat.last_text() == content.messages.treatment.future
    await chat.press(message, "tr:save:20260231")  # no 31 February
    assert chat.last_text() == content.messages.treatment.stale
    assert await rows(services, Treatment) == []


async def test_wearing_off_is_said_once_per_cycle(chat: Chat, services: Services, content: Content) -> None:
    await onboard(chat)
    await chat.send("/treatment")
    await chat.press(chat.keyboard_message(), data("off"))
    assert chat.last_text() == content.messages.treatment.no_injection
    await add_injection(chat, "10 weeks ago")
    await chat.tap("Save")
    await answer_start_score(chat)
    await chat.tap("It's wearing off")
    text = chat.keyboard_message()["text"]
    assert "began wearing off on Tuesday, 2026-03-10, in week 11 of this cycle" in text
    await chat.tap("It's wearing off")
    assert "You told me it began wearing off on Tuesday, 2026-03-10" in chat.keyboard_message()["text"]
    (event,) = [e for e in await rows(services, TreatmentEvent) if e.kind == "wearing_off"]
    assert event.local_date == TODAY


async def test_past_cycles_give_the_persons_own_pattern(chat: Chat, services: Services) -> None:
    """Two finished cycles written down day by day: relief from day 4, gone in week 9 and 11."""
    await onboard(chat)
    (user,) = await rows(services, User)
    starts = [TODAY - timedelta(days=180), TODAY - timedelta(days=180 - 70), TODAY - timedelta(days=30)]
    async with services.db() as session:
        for start in starts:
            session.add(Treatment(user_id=user.id, kind="injection", started_on=start))
        for index, wear_off_week in enumerate((9, 11)):
            cycle, following = starts[index], starts[index + 1]
            for day in range(-14 if index == 0 else 0, (following - cycle).days):
                week = day // 7 + 1
                strength = 6 if day < 4 or week >= wear_off_week else 2
                session.add(
                    Checkin(user_id=user.id, local_date=cycle + timedelta(days=day), status="done",
                            had_spasm=True, severity=strength)
                )  # fmt: skip
        await session.commit()
    await chat.send("/treatment")
    text = next(m["text"] for m in reversed(chat.my_messages()) if "text" in m)  # the chart follows it
    assert "Today is day 30 of this cycle (week 5)." in text
    assert "Over your last 2 finished cycles: relief began around day 4, it worked best in week 2," in text
    assert "it wore off around week 10." in text
    await chat.send("how long does botox last?")  # the answer adds the person's own cycles
    assert (
        "From your diary: over your last 2 finished injection cycles, relief began around day 4 "
        "and your spasms came back around week 10." in chat.last_text()
    )


async def test_before_setting_up_and_after_delete(
    settings: Settings, services: Services, content: Content
) -> None:
    async with start_harness(settings, services) as harness:
        ann, ben = harness.chat(701), harness.chat(702)
        await ann.send("/treatment")
        assert ann.last_text() == content.messages.onboarding.need_setup
        for person in (ann, ben):
            await onboard(person)
            await add_injection(person, "3 weeks ago")  # not "just before": the starting score
            await person.tap("Save")
            await answer_start_score(person)
            await person.tap("It's wearing off")
        await ann.send("/delete")
        await ann.tap("Yes, delete everything")
        (left,) = await rows(services, Treatment)
        events = await rows(services, TreatmentEvent)
        (ben_row,) = await rows(services, User)
        assert len(events) == 3 and {e.user_id for e in events} == {ben_row.id}
        assert left.user_id == ben_row.id and ben_row.telegram_id == 702
