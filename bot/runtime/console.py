"""The console chat: the real handlers and database, with Telegram replaced by the terminal."""

from __future__ import annotations

import asyncio
import itertools
import re
import sys
from pathlib import Path
from typing import Any

from telegram import Update

from bot.runtime.lifecycle import Runtime
from bot.runtime.offline import ApiCall, FakeTelegram, Person, buttons_of
from bot.runtime.web_app_server import WebAppServer, console_url
from bot.services.languages import offered_code

CONSOLE_USER_ID = 1_000_000_001
KEPT_KEYBOARDS = 5  # recent messages whose buttons can still be tapped by label
EXTENSIONS = ((b"\xff\xd8", ".jpg"), (b"\x89PNG", ".png"), (b"%PDF", ".pdf"))


# A red flag is recorded only when the person names it: a bare number typed at that question is
# usually a late answer to the one before (a stress of 5 tapped "Slurred or lost speech").
RED_FLAG_STEP = ":redflags:"  # in the check-in's callback data for that question ("...:none": none)


def _label(text: str) -> str:
    """A button label as a person would type it: no ticks, emoji or other signs around it, any case."""
    words = " ".join(text.replace("✅", " ").split()).casefold()
    return re.sub(r"^[\W_]+|[\W_]+$", "", words) or words


class ConsoleChat:
    def __init__(self, runtime: Runtime, telegram: FakeTelegram, language: str | None = None) -> None:
        self.runtime = runtime
        self.telegram = telegram
        self.files = runtime.services.settings.data_dir / "console"
        self.person = Person(CONSOLE_USER_ID, "You", language)
        languages = runtime.services.languages
        # The console's own lines in the language asked for (its app's), like the bot's.
        self.words = languages.content(offered_code(language, languages.offered)).messages.console
        self.update_ids = itertools.count(1)
        self.keyboards: list[dict[str, Any]] = []  # messages on screen with live buttons, oldest first
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
        kind = next((ext for magic, ext in EXTENSIONS if content.startswith(magic)), "")
        if call.method == "sendPhoto":  # sent without a file name: named by what it is
            name = f"chart-{upload['file_id']}{kind}"
        elif kind and Path(name).suffix != kind:
            name = f"{Path(name).stem}{kind}"
        path = self.files / name
        path.write_bytes(content)
        caption = call.params.get("caption") or ""
        print(f"\nbot 📎 {path}\n{caption}".rstrip())
        self.messages_seen += 1

    def _print(self, who: str, message: dict[str, Any]) -> None:
        print(f"\n{who}> {message.get('text', '')}")
        buttons = buttons_of(message)
        for number, (label, _) in enumerate(buttons, 1):
            print(f"   [{number}] {label}")
        same = [m for m in self.keyboards if m.get("message_id") == message.get("message_id")]
        for old in same:  # edited in place, or its buttons removed
            self.keyboards.remove(old)
        if buttons:
            self.keyboards = [*self.keyboards[-(KEPT_KEYBOARDS - 1) :], message]

    async def say(self, line: str) -> None:
        """What the person typed: a button's label (or "#N") taps it; a number taps the button with
        that number as its label, or the Nth button where no label is a number; the rest is text."""
        update_id = next(self.update_ids)
        pressed = self._button_for(line)
        if isinstance(pressed, str):
            print(pressed)
            return
        if pressed is not None:
            message, data = pressed
            payload = self.person.press(message, data, update_id)
        else:
            payload = self.person.message(line, update_id)
        bot = self.runtime.application.bot
        await self.runtime.application.process_update(Update.de_json(payload, bot))

    def _button_for(self, line: str) -> tuple[dict[str, Any], str] | str | None:
        """The button a typed line taps (message and data), a hint to print, or None for text."""
        content = self.words
        wanted = _label(line)
        for message in reversed(self.keyboards):  # any button still on screen, newest first
            for label, data in buttons_of(message):
                if _label(label) == wanted:
                    return message, data
        newest = self.keyboards[-1] if self.keyboards else None
        buttons = buttons_of(newest) if newest else []
        by_position = line.startswith("#") and line[1:].isdigit()
        if line.isdigit() and buttons and not any(_label(b).isdigit() for b, _ in buttons):
            chosen = buttons[int(line) - 1][1] if 1 <= int(line) <= len(buttons) else ""
            if RED_FLAG_STEP in chosen and not chosen.endswith(":none"):
                return content.name_the_flag
            by_position = True  # "2" on a Yes / No question: the second button
            line = f"#{line}"
        if not by_position or newest is None:
            return None
        if not buttons or not 1 <= int(line[1:]) <= len(buttons):
            return content.bad_choice.format(count=len(buttons)) if buttons else content.no_buttons
        return newest, buttons[int(line[1:]) - 1][1]

    async def week(self) -> None:
        """The weekly summary, now."""
        content = self.words
        if not await self.runtime.services.users.make_summary_due_now(CONSOLE_USER_ID):
            print(content.week_none)
            return
        await self.runtime.tick()

    async def demo(self) -> None:
        content = self.words
        made = await self.runtime.services.demo.fill(CONSOLE_USER_ID)
        print(content.demo_done.format(count=made) if made else content.demo_none)

    async def command(self, line: str) -> None:
        """A console command (":due", ":week", ":demo", ":help")."""
        content = self.words
        actions = {":due": self.due, ":week": self.week, ":demo": self.demo}
        if line in actions:
            await actions[line]()
        else:
            print(content.help if line in (":help", ":h", ":?") else content.unknown)

    async def due(self) -> None:
        content = self.words
        if not await self.runtime.services.users.make_due_now(CONSOLE_USER_ID):
            print(content.due_none)
            return
        before = self.messages_seen
        await self.runtime.tick()
        if self.messages_seen == before:
            print(content.due_already)


async def chat(runtime: Runtime, telegram: FakeTelegram, language: str | None = None) -> None:
    """Type as the person (whose Telegram app is in `language`); `runtime` talks to `telegram`."""
    settings = runtime.services.settings
    console = ConsoleChat(runtime, telegram, language)
    content = console.words
    await runtime.start()
    print(content.intro)
    pages = await _serve_pages(runtime, console.person.language_code)
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
            if line.startswith(":"):
                await console.command(line)
            elif line:
                await console.say(line)
    finally:
        if pages is not None:
            await pages.stop()
        await runtime.stop()
        print(content.bye.format(database=settings.resolved_database_url))


async def _serve_pages(runtime: Runtime, language: str | None) -> WebAppServer | None:
    """The Mini App on this machine, with a link signed for the console's person (no real token
    exists here, so no one else can be signed in this way)."""
    settings = runtime.services.settings
    pages = WebAppServer(runtime, "127.0.0.1", settings.webhook_port)
    try:
        await pages.start()
    except OSError:  # that port is taken: any free one will do
        pages = WebAppServer(runtime, "127.0.0.1", 0)
        try:
            await pages.start()
        except OSError:
            return None
    signed_at = int(runtime.services.clock().timestamp())
    url = console_url(pages.port, CONSOLE_USER_ID, runtime.application.bot.token, signed_at, language)
    languages = runtime.services.languages
    words = languages.content(offered_code(language, languages.offered)).messages.webapp
    print(words.console_url.format(url=url))
    return pages
