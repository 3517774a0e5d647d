"""Whatever a person sends, they get a clear answer, nothing crashes and nothing wrong is stored."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content import Content
from bot.domain.notes import notes_of
from bot.services.registry import Services
from bot.storage.models import Checkin, User
from tests.harness import Chat
from tests.helpers import checkins, onboard, quiet_day, rows

NOT_TEXT: dict[str, dict[str, Any]] = {
    "sticker": {"sticker": {"file_id": "s1", "file_unique_id": "s1", "type": "regular", "width": 512,
                            "height": 512, "is_animated": False, "is_video": False}},
    "photo": {"photo": [{"file_id": "p1", "file_unique_id": "p1", "width": 90, "height": 90}]},
    "photo with caption": {"photo": [{"file_id": "p2", "file_unique_id": "p2", "width": 90, "height": 90}],
                           "caption": "eye twitching 6/10"},
    "voice": {"voice": {"file_id": "v1", "file_unique_id": "v1", "duration": 3}},
    "location": {"location": {"latitude": 52.5, "longitude": 13.4}},
    "contact": {"contact": {"phone_number": "+4912345", "first_name": "Sam"}},
    "document": {"document": {"file_id": "d1", "file_unique_id": "d1"}},
}  # fmt: skip


async def send_raw(chat: Chat, key: str = "message", **changes: Any) -> str:
    """A message like one typed, with fields replaced (None removes one); the bot's answer."""
    payload = chat.person.message("x", next(chat.harness.update_ids))
    message = payload.pop("message")
    for name, value in changes.items():
        if value is None:
            message.pop(name, None)
        else:
            message[name] = value
    payload[key] = message
    before = len(chat.my_messages())
    await chat.harness.feed(payload)
    answers = chat.my_messages()[before:]
    assert answers, "no answer"
    return str(answers[0]["text"])


async def stored(services: Services) -> list[dict[str, Any]]:
    return [c.model_dump() for c in await checkins(services)]


@pytest.mark.parametrize("kind", list(NOT_TEXT))
async def test_media_stickers_and_locations_get_a_clear_answer(
    chat: Chat, services: Services, content: Content, kind: str
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    before = await stored(services)
    assert await send_raw(chat, text=None, **NOT_TEXT[kind]) == content.messages.general.not_text
    assert await stored(services) == before


async def test_an_edit_or_a_forward_is_answered_and_not_recorded(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    edit = await send_raw(chat, "edited_message", text="left eye twitching 8/10", edit_date=1)
    assert edit == content.messages.general.edited
    origin = {"type": "user", "date": 1, "sender_user": {"id": 5, "is_bot": False, "first_name": "Kim"}}
    forward = await send_raw(chat, text="left eye twitching 8/10", forward_origin=origin)
    assert forward == content.messages.general.forwarded
    assert await checkins(services) == []


async def test_a_red_flag_in_an_edit_or_a_forward_still_escalates(chat: Chat) -> None:
    await onboard(chat)
    urgent = "I can't move the left side of my face"
    assert (await send_raw(chat, "edited_message", text=urgent, edit_date=1)).startswith("Call 112 now.")
    origin = {"type": "hidden_user", "date": 1, "sender_user_name": "Kim"}
    assert (await send_raw(chat, text=urgent, forward_origin=origin)).startswith("Call 112 now.")


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\t", "\u200b\u200b", "\u202e\u200f", "😀😀😀", "👍"],
    ids=["empty", "spaces", "whitespace", "zero-width", "right-to-left", "emoji", "thumbs-up"],
)
async def test_empty_invisible_and_emoji_only_text(
    chat: Chat, services: Services, content: Content, text: str
) -> None:
    await onboard(chat)
    assert await send_raw(chat, text=text) == content.messages.general.unknown_text
    assert await checkins(services) == []


async def test_text_longer_than_telegram_allows_is_refused_whole(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("No")  # waiting for a stress number: nothing of the long text may land there
    before = await stored(services)
    assert await send_raw(chat, text="stress 7 " * 600) == content.messages.general.too_long
    assert await stored(services) == before


@pytest.mark.parametrize(
    "command",
    ["/checkin now please", "/start ???", "/summary banana", "/summary month 12", "/history 99999",
     "/export ../../etc/passwd", "/causes %s%s%n", "/settings " + "x" * 3000, "/log 0 0 0", "/pause -1",
     "/help@SomeOtherBot", "/unknowncommand", "/😀"],
)  # fmt: skip
async def test_commands_with_junk_arguments_and_unknown_commands(
    chat: Chat, services: Services, content: Content, command: str
) -> None:
    await onboard(chat)
    answer = await send_raw(chat, text=command, entities=[
        {"type": "bot_command", "offset": 0, "length": len(command.split()[0])}
    ])  # fmt: skip
    assert answer and answer != content.messages.general.error
    (user,) = await rows(services, User)
    assert user.timezone == "Europe/Berlin"  # settings untouched
    assert all(c.user_id == user.id for c in await rows(services, Checkin))


async def test_oversized_and_forged_button_data_is_refused_and_writes_nothing(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("/checkin")
    (entry,) = await checkins(services)
    before = await stored(services)
    refusals = {content.messages.checkin.stale, content.messages.general.button_expired}
    for data in (f"c:{entry.id}:spasm:y" + "y" * 60, "del:yes" + " " * 64, "h:" + "9" * 70,
                 f"c:{entry.id}:spasm:y\n", "tz:1" * 20, "\x00" * 65, "k:" + "a" * 70):  # fmt: skip
        await chat.press(chat.keyboard_message(), data)
        assert chat.alerts()[-1] in refusals, data
    assert await stored(services) == before
    assert len(await rows(services, User)) == 1  # /delete's "yes" with junk deleted nothing


async def test_a_note_with_nul_and_a_lone_surrogate_is_kept_without_them(
    chat: Chat, services: Services
) -> None:
    # Only a forged or broken client sends these; PostgreSQL cannot store either as text.
    await onboard(chat)
    await quiet_day(chat, "3")
    await chat.tap("Add a note")
    await chat.send("left\x00 eye \ud800worse after coffee")
    assert "Note added" in chat.last_text()
    (entry,) = await checkins(services)
    assert [n.text for n in notes_of(entry.notes)] == ["left eye worse after coffee"]
