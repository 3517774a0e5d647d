"""The arithmetic of what followed a medicine change, on made-up diaries with missing days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from bot.domain.medicine_changes import Stretch, followed, followed_since
from bot.services.registry import Services
from bot.storage.models import Checkin, User
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import onboard, rows

CHANGE = date(2026, 3, 1)


def days(start: int, values: Sequence[int | None]) -> dict[date, int]:
    """Strengths from CHANGE + start, one a day; None is a day not written down."""
    return {CHANGE + timedelta(days=start + i): v for i, v in enumerate(values) if v is not None}


def test_the_week_before_and_what_followed() -> None:
    by_day = {**days(-7, [6, 5, None, 7, 6, 0, 6]), **days(0, [5, 3, 0, None, 2, 0])}
    change = followed("clonazepam", "dose", CHANGE, 1.0, "mg", by_day, CHANGE + timedelta(days=5))
    assert change.before == Stretch(days=6, spasm_days=5, mean_strength=5.0)
    assert change.after == Stretch(days=4, spasm_days=2, mean_strength=1.25)  # the change day left out
    assert not change.too_early


def test_too_early_and_nothing_to_compare() -> None:
    change = followed("baclofen", "start", CHANGE, None, None, days(1, [4, 4]), CHANGE + timedelta(days=2))
    assert change.too_early
    assert change.before == Stretch(days=0, spasm_days=0, mean_strength=None)


def test_what_followed_stops_after_a_fortnight_and_at_the_summary_end() -> None:
    by_day = days(1, [2] * 20 + [9] * 5)
    far = followed("x", "stop", CHANGE, None, None, by_day, CHANGE + timedelta(days=40))
    assert far.after.days == 14 and far.after.mean_strength == 2
    near = followed("x", "stop", CHANGE, None, None, by_day, CHANGE + timedelta(days=4))
    assert near.after.days == 4


def test_a_week_summary_follows_changes_of_the_last_four_weeks() -> None:
    assert followed_since(CHANGE, 7) == CHANGE - timedelta(days=27)
    assert followed_since(CHANGE, 90) == CHANGE - timedelta(days=89)


async def test_the_weekly_summary_says_what_followed_a_dose_change(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat)  # the test clock's day is Tuesday 10 March in Berlin
    today = date(2026, 3, 10)
    for line in ("started clonazepam 0.5 mg 20 days ago", "upped clonazepam to 1 mg 5 days ago"):
        await chat.send(line)
        await chat.tap("Save")
    (user,) = await rows(services, User)
    async with services.db() as session:
        for back in range(1, 13):  # strength 6 on each day of the week before the change, then 2 or none
            strength = 6 if back > 5 else (2 if back % 2 else 0)
            session.add(Checkin(user_id=user.id, local_date=today - timedelta(days=back), status="done",
                                had_spasm=strength > 0, severity=strength or None))  # fmt: skip
        await session.commit()
    await chat.send("/summary")
    shown = "\n".join([*(c.params.get("caption", "") for c in chat.telegram.calls if c.method == "sendPhoto"),
                       *(str(m.get("text")) for m in chat.my_messages())])  # fmt: skip
    assert (
        "💊 Clonazepam: dose changed to 1 mg on Thursday, 2026-03-05. Since then: spasms on 2 of 4 days "
        "written, average strength 1/10 with spasm-free days as 0 (the week before: 6/10)."
    ) in shown
    assert (  # what followed the start is read up to the dose change, not past it
        "💊 Started Clonazepam 0.5 mg on Wednesday, 2026-02-18. Since then: spasms on 7 of 7 days written, "
        "average strength 6/10 with spasm-free days as 0 (no days written the week before, so nothing "
        "to compare with)."
    ) in shown
