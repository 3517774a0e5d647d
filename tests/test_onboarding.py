"""/start, time zone and time choices, /settings, /pause, /resume, through the real Application."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.content import Content
from bot.services.registry import Services
from tests.conftest import FakeClock
from tests.harness import Chat
from tests.helpers import onboard, user_row


async def test_start_welcomes_and_says_it_is_not_a_diagnosis_nor_for_emergencies(
    chat: Chat, content: Content
) -> None:
    await chat.send("/start")
    texts = [m["text"] for m in chat.my_messages()]
    assert texts[0] == content.messages.onboarding.welcome.strip()
    assert "not a doctor" in texts[0] and "not for emergencies" in texts[0]
    assert texts[1] == content.messages.onboarding.ask_timezone


async def test_onboarding_by_buttons_stores_zone_time_and_next_checkin(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
    await onboard(chat, "Berlin", "20:00")
    user = await user_row(services, chat.user_id)
    assert user is not None
    assert (user.timezone, user.checkin_minute) == ("Europe/Berlin", 20 * 60)
    assert user.next_due_at == datetime(2026, 3, 10, 19, 0, tzinfo=UTC)
    assert "every day at 20:00 (Europe/Berlin)" in chat.last_text()


async def test_typed_city_and_time_with_a_clear_reask_on_mistakes(chat: Chat, services: Services) -> None:
    await chat.send("/start")
    await chat.send("Middle Earth")
    assert "couldn't find a time zone" in chat.last_text()
    await chat.send("new york")
    assert chat.my_messages()[-2]["text"] == "Time zone set to America/New_York."
    await chat.send("half past eight")
    assert "isn't a time I can use" in chat.last_text()
    await chat.send("8:30 pm")
    user = await user_row(services, chat.user_id)
    assert user is not None and (user.timezone, user.checkin_minute) == ("America/New_York", 20 * 60 + 30)


async def test_a_question_at_a_setup_step_is_answered_and_the_step_asked_again(
    chat: Chat, services: Services, content: Content
) -> None:
    await chat.send("/start")
    await chat.send("what causes eyelid twitching?")
    texts = [m["text"] for m in chat.my_messages()[-2:]]
    assert "couldn't find a time zone" not in texts[0] and "twitch" in texts[0].lower()
    assert texts[1] == content.messages.onboarding.ask_timezone
    await chat.send("Lisbon")
    await chat.send("can I change the time later?")
    assert "isn't a time I can use" not in chat.my_messages()[-2]["text"]
    assert chat.last_text() == content.messages.onboarding.ask_time
    user = await user_row(services, chat.user_id)
    assert user is not None and (user.timezone, user.checkin_minute) == ("Europe/Lisbon", None)


async def test_a_long_unknown_place_is_shown_back_cut_visibly(chat: Chat) -> None:
    await chat.send("/start")
    await chat.send("somewhere far beyond the hills and the rivers where the weather is always mild and kind")
    assert "“somewhere far beyond the hills and the rivers where the weather…”" in chat.last_text()


async def test_start_again_shows_settings_instead_of_wiping_them(chat: Chat, services: Services) -> None:
    await onboard(chat, "London", "08:00")
    await chat.send("/start")
    assert "Time zone: Europe/London" in chat.last_text()
    assert "Check-ins each day: 08:00" in chat.last_text()
    user = await user_row(services, chat.user_id)
    assert user is not None and (user.timezone, user.checkin_minute) == ("Europe/London", 480)


async def test_settings_changes_zone_and_time_and_reschedules(
    chat: Chat, services: Services, clock: FakeClock
) -> None:
    await onboard(chat, "London", "08:00")
    await chat.send("/settings")
    await chat.tap("Change time zone")
    await chat.send("Australia/Sydney")
    await chat.send("/settings")
    await chat.tap("Change check-in time")
    await chat.send("21:45")
    user = await user_row(services, chat.user_id)
    assert user is not None and (user.timezone, user.checkin_minute) == ("Australia/Sydney", 21 * 60 + 45)
    assert user.next_due_at is not None and user.next_due_at > clock.now
    due_local = user.next_due_at.astimezone(__import__("zoneinfo").ZoneInfo("Australia/Sydney"))
    assert (due_local.hour, due_local.minute) == (21, 45)


async def test_pause_and_resume(chat: Chat, services: Services) -> None:
    await onboard(chat)
    await chat.send("/pause")
    assert "paused" in chat.last_text()
    user = await user_row(services, chat.user_id)
    assert user is not None and user.paused and user.next_due_at is None
    await chat.send("/pause")
    assert "already paused" in chat.last_text()
    await chat.send("/resume")
    assert "back on" in chat.last_text()
    user = await user_row(services, chat.user_id)
    assert user is not None and not user.paused and user.next_due_at is not None


async def test_commands_before_setup_lead_to_onboarding(
    chat: Chat, content: Content, services: Services
) -> None:
    await chat.send("/checkin")  # no diary yet: pointed to /start, nothing stored
    assert chat.last_text() == content.messages.onboarding.not_started
    assert await user_row(services, chat.user_id) is None
    await chat.send("/start")
    await chat.send("/checkin")  # started, not set up: the setup goes on
    assert chat.last_text() == content.messages.onboarding.ask_timezone


async def test_help_unknown_command_and_stray_text(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await chat.send("/help")
    assert "/checkin" in chat.last_text() and "not a doctor" in chat.last_text()
    await chat.send("/frobnicate now")
    assert chat.last_text() == content.messages.general.unknown_command
    await chat.send("hello there")
    assert chat.last_text() == content.messages.general.greeting_reply
    await chat.send("zxcv blorp")
    assert chat.last_text() == content.messages.general.unknown_text


async def test_command_list_is_registered_with_telegram(chat: Chat) -> None:
    calls = [c for c in chat.telegram.calls if c.method == "setMyCommands"]
    assert calls, "setMyCommands was not called at start-up"
    import json

    commands = calls[0].params["commands"]
    commands = json.loads(commands) if isinstance(commands, str) else commands
    assert {c["command"] for c in commands} == {
        "start",
        "checkin",
        "log",
        "causes",
        "summary",
        "history",
        "export",
        "treatment",
        "settings",
        "language",
        "pause",
        "resume",
        "cancel",
        "privacy",
        "delete",
        "help",
    }
    assert "language_code" not in calls[0].params  # everyone's menu (English, the only language offered)


async def test_an_unexpected_error_reaches_the_person_only_as_an_apology(
    chat: Chat, services: Services, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    await onboard(chat)

    async def broken(*_: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(services.checkins, "begin", broken)
    await chat.send("/checkin")
    assert chat.last_text() == content.messages.general.error


async def test_group_chats_and_edited_messages_store_nothing(chat: Chat, services: Services) -> None:
    group = chat.person.message("/start", 900)
    group["message"]["chat"] = {"id": -100123, "type": "group", "title": "Friends"}
    await chat.harness.feed(group)
    assert await user_row(services, chat.user_id) is None
    await onboard(chat)
    edited = chat.person.message("Tokyo", 901)
    edited["edited_message"] = edited.pop("message")
    await chat.harness.feed(edited)
    user = await user_row(services, chat.user_id)
    assert user is not None and user.timezone == "Europe/Berlin"
