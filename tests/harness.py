"""Drive the real Application through the offline Bot API, as a person on a phone would."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from telegram import Update

from bot.bootstrap import build_runtime
from bot.config import Settings
from bot.runtime.lifecycle import Runtime
from bot.runtime.offline import ApiCall, FakeTelegram, OfflineRequest, Person, buttons_of
from bot.services.registry import Services
from bot.storage import update_scope


@dataclass
class Harness:
    runtime: Runtime
    telegram: FakeTelegram
    update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def chat(self, user_id: int) -> Chat:
        return Chat(self, Person(user_id))

    async def feed(self, payload: dict[str, Any]) -> None:
        """Handled as the dispatcher handles a stored update: one unit of work."""
        application, services = self.runtime.application, self.runtime.services
        async with update_scope.handling(services.db, payload["update_id"], services.clock):
            await application.process_update(Update.de_json(payload, application.bot))


@dataclass
class Chat:
    harness: Harness
    person: Person

    @property
    def user_id(self) -> int:
        return self.person.user_id

    @property
    def telegram(self) -> FakeTelegram:
        return self.harness.telegram

    async def send(self, text: str) -> list[ApiCall]:
        """Type a message; returns the Bot API calls it caused."""
        before = len(self.telegram.calls)
        await self.harness.feed(self.person.message(text, next(self.harness.update_ids)))
        return self.telegram.calls[before:]

    async def reply_to(self, message: dict[str, Any], text: str) -> list[ApiCall]:
        """Reply (Telegram's swipe-to-reply) to one of the bot's messages."""
        before = len(self.telegram.calls)
        await self.harness.feed(self.person.message(text, next(self.harness.update_ids), reply_to=message))
        return self.telegram.calls[before:]

    async def press(self, message: dict[str, Any], data: str) -> list[ApiCall]:
        before = len(self.telegram.calls)
        await self.harness.feed(self.person.press(message, data, next(self.harness.update_ids)))
        return self.telegram.calls[before:]

    async def tap(self, label: str) -> list[ApiCall]:
        """Tap the button whose label contains `label` on the newest message that has buttons."""
        message = self.keyboard_message()
        matches = [data for text, data in buttons_of(message) if label in text]
        assert matches, f"no button {label!r} in {buttons_of(message)}"
        return await self.press(message, matches[0])

    def my_messages(self) -> list[dict[str, Any]]:
        return [m for (chat, _), m in sorted(self.telegram.messages.items()) if chat == self.user_id]

    def keyboard_message(self) -> dict[str, Any]:
        with_buttons = [m for m in self.my_messages() if buttons_of(m)]
        assert with_buttons, "no message with buttons"
        return max(with_buttons, key=lambda m: m["message_id"])

    def last_text(self) -> str:
        return str(self.my_messages()[-1]["text"])

    def alerts(self) -> list[str]:
        return [str(c.params.get("text")) for c in self.telegram.calls if c.method == "answerCallbackQuery"]


@asynccontextmanager
async def start_harness(settings: Settings, services: Services) -> AsyncIterator[Harness]:
    telegram = FakeTelegram()
    runtime = await build_runtime(
        settings, request=OfflineRequest(telegram), services=services, schedule_ticks=False
    )
    await runtime.start(run_jobs=False)
    assert await runtime.leadership.try_acquire(), "another test still holds the leader lock"
    try:
        yield Harness(runtime, telegram)
    finally:
        await runtime.stop()
