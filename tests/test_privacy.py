"""/privacy, /delete (every row about the person, in every table), and non-private chats."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlmodel import select

from bot.config import Settings
from bot.content import Content
from bot.runtime.update_input import sender_of
from bot.services.registry import Services
from bot.storage.models import Checkin, InboxUpdate, Outbox, SafetyEvent, User
from tests.harness import Chat, start_harness
from tests.helpers import onboard, quiet_day, rows


async def test_privacy_says_what_is_stored_and_how_to_remove_it(chat: Chat, content: Content) -> None:
    await chat.send("/privacy")
    text = chat.last_text()
    assert text == content.messages.privacy.privacy
    assert "/export" in text and "/delete" in text and "3 days" in text


async def _store_inbox_row(services: Services, update_id: int, sender: int) -> None:
    payload = {"update_id": update_id, "message": {"from": {"id": sender}, "text": "x"}}
    async with services.db() as session:
        session.add(
            InboxUpdate(update_id=update_id, payload=json.dumps(payload), sender_id=sender_of(payload))
        )
        await session.commit()


async def test_delete_removes_every_row_about_the_person_and_only_theirs(
    settings: Settings, services: Services, content: Content
) -> None:
    async with start_harness(settings, services) as harness:
        ann, ben = harness.chat(601), harness.chat(602)
        for person in (ann, ben):
            await onboard(person)
            await quiet_day(person, "3")
            await person.send("I can't move my arm")  # a safety event
        await _store_inbox_row(services, 1, 601)
        await _store_inbox_row(services, 2, 602)
        async with services.db() as session:
            users = {u.telegram_id: u.id or 0 for u in await session.exec(select(User))}
            day = datetime(2026, 3, 10, tzinfo=UTC)
            for telegram_id in (601, 602):
                session.add(Outbox(user_id=users[telegram_id], local_date=day.date(), due_at=day))
            await session.commit()

        await ann.send("/delete")
        assert ann.keyboard_message()["text"] == content.messages.privacy.delete_ask
        assert [u.telegram_id for u in await rows(services, User)] == [601, 602]  # nothing yet
        await ann.tap("Yes, delete everything")
        assert content.messages.privacy.deleted in [m.get("text") for m in ann.my_messages()]

        remaining = {m.__name__: await rows(services, m) for m in (User, Checkin, SafetyEvent, Outbox)}
        async with services.db() as session:
            remaining["InboxUpdate"] = list(await session.exec(select(InboxUpdate)))
        ben_id = users[602]
        assert [u.telegram_id for u in remaining["User"]] == [602]
        for name in ("Checkin", "SafetyEvent", "Outbox"):
            assert remaining[name] and all(r.user_id == ben_id for r in remaining[name]), name
        assert [r.sender_id for r in remaining["InboxUpdate"]] == [602]

        await ann.send("/start")  # a fresh start
        assert "which time zone" in ann.last_text()


async def test_delete_can_be_cancelled(chat: Chat, services: Services, content: Content) -> None:
    await onboard(chat)
    await chat.send("/delete")
    await chat.tap("Cancel")
    assert content.messages.privacy.delete_cancelled in [m.get("text") for m in chat.my_messages()]
    assert len(await rows(services, User)) == 1


async def test_in_a_group_it_says_once_why_it_leaves_and_stores_nothing(
    chat: Chat, services: Services, content: Content
) -> None:
    group = {"id": -100123, "type": "supergroup", "title": "Friends"}
    text = "stress 7, eye twitch"
    message = {"message_id": 5, "date": 0, "chat": group, "from": chat.person.user, "text": text}
    await chat.harness.feed({"update_id": 900, "message": message})
    said = [c for c in chat.telegram.calls if c.method == "sendMessage"]
    assert [c.params["text"] for c in said] == [content.messages.privacy.private_only]
    assert [c.method for c in chat.telegram.calls][-1] == "leaveChat"
    assert await rows(services, User) == [] and await rows(services, Checkin) == []


async def test_after_delete_nothing_about_the_person_comes_back_until_they_start_again(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await quiet_day(chat, "3")
    await chat.send("/delete")
    await chat.tap("Yes, delete everything")
    for typed in ("hello?", "left eye 5/10", "/checkin", "/summary", "/settings", "I can't move my arm"):
        await chat.send(typed)
    assert await rows(services, User) == [] and await rows(services, Checkin) == []
    assert await rows(services, SafetyEvent) == []
    assert chat.last_text().startswith("Call 112 now.")  # an emergency is still answered
    await chat.send("/start")
    assert "which time zone" in chat.last_text()
    assert [u.telegram_id for u in await rows(services, User)] == [chat.user_id]
