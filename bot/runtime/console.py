"""The console chat: the real handlers and database, with Telegram replaced by the terminal."""

from __future__ import annotations

import asyncio
import itertools
import sys
from typing import Any

from telegram import Update

from bot.runtime.lifecycle import Runtime
from bot.runtime.offline import ApiCall, FakeTelegram, Person, buttons_of

CONSOLE_USER_ID = 1_000_000_001


class ConsoleChat:
    def __init__(self, runtime: Runtime, telegram: FakeTelegram) -> None:
        self.runtime = runtime
        self.telegram = telegram
        self.files = runtime.services.settings.data_dir / "console"
        self.person = Person(CONSOLE_USER_ID, "You")
        self.update_ids = itertools.count(1)
        self.keyboard: dict[str, Any] | None = None  # the newest message that has buttons
        self.messages_seen = 0
        telegram.listeners.append(self._show)

    def _show(self, call: ApiCall) -> None:
        if call.method == "sendMessage":
            self._print("bot", call.result)
            self.messages_seen += 1
        elif call.method == "editMessageText":
            self._print("bot ✎", call.result)
        elif call.method == "answerCallbackQuery" and call.params.get("text"):
            print(f"bot ⚑ {call.params['text']}")
        elif call.method in ("sendPhoto", "sendDocument"):
            self._save(call)

    def _save(self, call: ApiCall) -> None:
        """Photos and documents are saved beside the database, so they can be opened."""
        upload = call.params["photo" if call.method == "sendPhoto" else "document"]
        name, content = self.telegram.files[upload["file_id"]]
        self.files.mkdir(parents=True, exist_ok=True)
        path = self.files / (f"{upload['file_id']}-{name}" if call.method == "sendPhoto" else name)
        path.write_bytes(content)
        caption = call.params.get("caption") or ""
        print(f"\nbot 📎 {path}\n{caption}".rstrip())
        self.messages_seen += 1

    def _print(self, who: str, message: dict[str, Any]) -> None:
        print(f"\n{who}> {message.get('text', '')}")
        buttons = buttons_of(message)
        for number, (label, _) in enumerate(buttons, 1):
            print(f"   [{number}] {label}")
        if buttons:
            self.keyboard = message
        elif self.keyboard is not None and self.keyboard.get("message_id") == message.get("message_id"):
            self.keyboard = None  # its buttons were just removed

    async def say(self, line: str) -> None:
        """What the person typed: a number picks a button of the newest keyboard."""
        content = self.runtime.services.content.messages.console
        update_id = next(self.update_ids)
        if line.isdigit() and self.keyboard is not None and buttons_of(self.keyboard):
            buttons = buttons_of(self.keyboard)
            if not 1 <= int(line) <= len(buttons):
                print(content.bad_choice.format(count=len(buttons)))
                return
            payload = self.person.press(self.keyboard, buttons[int(line) - 1][1], update_id)
        else:
            payload = self.person.message(line, update_id)
        bot = self.runtime.application.bot
        await self.runtime.application.process_update(Update.de_json(payload, bot))

    async def due(self) -> None:
        content = self.runtime.services.content.messages.console
        if not await self.runtime.services.users.make_due_now(CONSOLE_USER_ID):
            print(content.due_none)
            return
        before = self.messages_seen
        await self.runtime.tick()
        if self.messages_seen == before:
            print(content.due_already)


async def chat(runtime: Runtime, telegram: FakeTelegram) -> None:
    """Type as the person; `runtime` talks to `telegram`, the offline Bot API."""
    settings = runtime.services.settings
    console = ConsoleChat(runtime, telegram)
    content = runtime.services.content.messages.console
    await runtime.start()
    print(content.intro)
    try:
        if sys.stdin.isatty():
            await console.say("/start")
        while True:
            try:
                line = (await asyncio.to_thread(input, "\nyou> ")).strip()
            except EOFError:
                break
            if line in (":quit", ":q", ":exit"):
                break
            if line == ":due":
                await console.due()
            elif line:
                await console.say(line)
    finally:
        await runtime.stop()
        print(content.bye.format(database=settings.resolved_database_url))
