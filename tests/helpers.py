"""Small helpers for tests that look into the database."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import col, select

from bot.services.registry import Services
from bot.storage.models import Checkin, Outbox, User
from bot.storage.unit_of_work import unit_of_work
from tests.harness import Chat


async def user_row(services: Services, telegram_id: int) -> User | None:
    async with unit_of_work(services.db) as session:
        return (await session.exec(select(User).where(User.telegram_id == telegram_id))).first()


async def rows(services: Services, model: Any) -> list[Any]:
    async with unit_of_work(services.db) as session:
        return list(await session.exec(select(model).order_by(col(model.id))))


async def checkins(services: Services) -> list[Checkin]:
    return await rows(services, Checkin)


async def outbox(services: Services) -> list[Outbox]:
    return await rows(services, Outbox)


async def onboard(chat: Chat, zone: str = "Berlin", time: str = "20:00") -> None:
    """Complete /start with a zone button and a time button."""
    await chat.send("/start")
    await chat.tap(zone)
    await chat.tap(time)


async def quiet_day(chat: Chat, stress: str = "2", *triggers: str, sleep: str = "Not recorded") -> None:
    """A check-in with no spasms: /checkin, No, a stress number, sleep (once a day), any triggers,
    Done."""
    await chat.send("/checkin")
    await chat.tap("No")
    await chat.tap(stress)
    if "How many hours did you sleep?" in chat.keyboard_message()["text"]:
        await chat.tap(sleep)
    for trigger in triggers:
        await chat.tap(trigger)
    await chat.tap("Done")


def note_texts(entry: Checkin) -> list[str]:
    """The entry's notes, oldest first."""
    return [note["text"] for note in json.loads(entry.notes)]
