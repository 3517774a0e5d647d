"""Operators (ADMIN_CHAT_IDS): /stats counts, and alerts about unhandled errors without personal data."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import pytest
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.content import Content
from bot.runtime.offline import Failure
from bot.services.registry import Services, build_services
from bot.storage.db import session_factory
from tests.conftest import FakeClock
from tests.harness import Harness, start_harness
from tests.helpers import onboard, quiet_day

ADMIN = 900


@pytest.fixture
def admin_services(settings: Settings, content: Content, engine: AsyncEngine, clock: FakeClock) -> Services:
    settings = settings.model_copy(update={"admin_chat_ids": frozenset({ADMIN, 901})})
    return build_services(settings, content, session_factory(engine), clock, random.Random(7))


@pytest.fixture
async def harness(admin_services: Services) -> AsyncIterator[Harness]:
    async with start_harness(admin_services.settings, admin_services) as harness:
        yield harness


def texts_to(harness: Harness, chat_id: int) -> list[str]:
    return [str(call.params["text"]) for call in harness.telegram.sent_to(chat_id)]


async def test_stats_gives_an_operator_counts_only(
    harness: Harness, clock: FakeClock, content: Content
) -> None:
    ann, ben, cat = harness.chat(601), harness.chat(602), harness.chat(603)
    for person in (ann, ben, cat):
        await onboard(person)
    clock.advance(days=-10)
    await quiet_day(cat)  # answered, but not this week
    clock.advance(days=10)
    await quiet_day(ann)
    await ben.send("I can't move my arm")  # an escalation

    operator = harness.chat(ADMIN)
    await operator.send("/stats")
    expected = content.messages.admin.stats.format(
        people=3, active=2, checkins=2, checkins_week=1, escalations=1, escalations_week=1
    )
    assert operator.last_text() == expected
    assert "People: 3\nActive in the last 7 days: 2" in expected


async def test_stats_from_anyone_else_is_an_unknown_command(harness: Harness, content: Content) -> None:
    ann = harness.chat(601)
    await onboard(ann)
    await ann.send("/stats")
    assert ann.last_text() == content.messages.general.unknown_command
    await ann.send("/statz")
    assert ann.last_text() == content.messages.general.unknown_command
    (menu,) = [c for c in harness.telegram.calls if c.method == "setMyCommands"]
    assert "stats" not in str(menu.params) and "/stats" not in content.messages.general.help


async def test_an_error_alerts_operators_once_per_kind_without_personal_data(
    harness: Harness,
    admin_services: Services,
    clock: FakeClock,
    content: Content,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ann = harness.chat(601)
    await onboard(ann)
    failure: type[Exception] = RuntimeError

    async def broken(telegram_id: int, text: str, word: str | None = None) -> None:
        raise failure(f"could not save {text!r} for {telegram_id}")  # as a careless library might

    monkeypatch.setattr(admin_services.checkins, "typed", broken)
    for n in range(3):  # an error storm: the person gets an apology each time, operators one alert
        await ann.send(f"my private note {n}")
        assert ann.last_text() == content.messages.general.error
    (alert,) = texts_to(harness, ADMIN)
    assert alert.startswith("⚠️ Unhandled error: RuntimeError at handlers/checkin.py:")
    assert "(typed)" in alert
    assert texts_to(harness, 901) == [alert]  # every operator chat

    failure = KeyError  # another kind of error is not held back by the first
    await ann.send("my private note 3")
    assert "KeyError" in texts_to(harness, ADMIN)[-1]

    failure = RuntimeError
    clock.advance(minutes=6)
    await ann.send("my private note 4")
    alerts = texts_to(harness, ADMIN)
    assert len(alerts) == 3
    assert alerts[-1].endswith(content.messages.admin.error_alert_held.format(count=2))
    logged = caplog.text + "".join(alerts)
    assert "private note" not in logged and "601" not in logged
    assert "handlers/checkin.py" in caplog.text  # the stack is logged, without the exception's text


async def test_an_alert_that_cannot_be_sent_is_only_logged(
    harness: Harness, admin_services: Services, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = harness.chat(601)
    await onboard(ann)

    async def broken(*_: object) -> None:
        raise RuntimeError

    harness.telegram.fail("sendMessage", Failure(403, "Forbidden: bot was blocked by the user"), ADMIN)
    monkeypatch.setattr(admin_services.checkins, "begin", broken)
    await ann.send("/checkin")
    assert ann.last_text() == content.messages.general.error
    assert texts_to(harness, ADMIN) == [] and len(texts_to(harness, 901)) == 1


def test_admin_chat_ids_come_comma_separated_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_CHAT_IDS", " 12, -100345 ,")
    assert Settings(_env_file=None).admin_chat_ids == {12, -100345}
    monkeypatch.setenv("ADMIN_CHAT_IDS", "")
    assert Settings(_env_file=None).admin_chat_ids == frozenset()
    monkeypatch.setenv("ADMIN_CHAT_IDS", "12,@ops")
    with pytest.raises(ValidationError, match="ADMIN_CHAT_IDS"):
        Settings(_env_file=None)
