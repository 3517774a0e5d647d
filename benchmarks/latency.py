"""Conversations at real network speed: every Bot API call but getUpdates waits
BENCH_API_LATENCY_MS (80 by default, an ordinary round trip to Telegram).

    python3 dev.py bench latency [people] [rounds]

Each person holds a whole conversation, one step after the bot answered the last: /start with a
zone and a time, a check-in in taps, a question, a typed report finished in taps and saved, /help
(15 updates). The same people talk the same way to a python-telegram-bot echo bot with
`concurrent_updates` (it echoes texts with one button and edits the message a tap came from).
Printed: updates per second with everyone talking at once, the ratio to the echo bot, then p50 and
p99 of the time to the first answer with each person pacing their steps so the bot gets half the
rate it managed. The diary runs on SQLite, or on BENCH_DATABASE_URL."""

from __future__ import annotations

import asyncio
import itertools
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from benchmarks import updates as base
from bot.runtime.offline import ApiCall, FakeTelegram, OfflineRequest, Person, buttons_of

os.environ.setdefault("BENCH_API_LATENCY_MS", "80")
LATENCY = float(os.environ["BENCH_API_LATENCY_MS"]) / 1000
base.LATENCY = LATENCY
QUESTION = "why does my eyelid twitch?"
REPORT = "left eye twitching since lunch, stress 6, slept 6h"
# A text, or a tap on the button with this label in the bot's latest message with buttons.
SCRIPT: list[tuple[str, str]] = [
    ("say", "/start"), ("tap", "Berlin / Paris"), ("tap", "20:00"),
    ("say", "/checkin"), ("tap", "No"), ("tap", "2"), ("tap", "7"), ("tap", "Done ✔"),
    ("say", QUESTION),
    ("say", REPORT), ("tap", "5"), ("tap", "Minutes"), ("tap", "None of these"), ("tap", "✅ Save"),
    ("say", "/help"),
]  # fmt: skip
_IDS = itertools.count(int(time.time()) * 100_000)
Bot = Callable[[FakeTelegram, Callable[[Any], Awaitable[None]]], Awaitable[Any]]


class Chats:
    """What each person has seen: the bot's calls to their chat, and its latest keyboard."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.telegram = telegram
        self.calls: dict[int, list[float]] = {}
        self.keyboards: dict[int, dict[str, Any]] = {}
        self.changed: dict[int, asyncio.Event] = {}
        self.unmatched = 0  # taps whose label the bot did not show (the script went astray)
        telegram.listeners.append(self._seen)

    def _seen(self, call: ApiCall) -> None:
        chat = call.params.get("chat_id")
        if chat is None or call.method == "sendChatAction":
            return
        chat = int(chat)
        self.calls.setdefault(chat, []).append(time.perf_counter())
        if isinstance(call.result, dict) and call.result.get("reply_markup"):
            self.keyboards[chat] = call.result
        self.changed.setdefault(chat, asyncio.Event()).set()

    def tap(self, person: Person, label: str, update_id: int) -> dict[str, Any]:
        keyboard = self.keyboards[person.user_id]
        choices = buttons_of(keyboard)
        data = next((d for text, d in choices if text == label), None)
        if data is None:
            self.unmatched += 1
            data = choices[0][1]
        return person.press(keyboard, data, update_id)

    async def after(self, chat: int, seen: int) -> None:
        while len(self.calls.get(chat, [])) <= seen:
            event = self.changed.setdefault(chat, asyncio.Event())
            event.clear()
            await event.wait()


async def converse(chats: Chats, person: Person, answers: list[int], period: float, out: list[float]) -> None:
    """One person's conversation: each step waits for the bot's answers to the one before (as many
    calls as `answers` says), and for `period` after the last step."""
    chat = person.user_id
    for (kind, value), expected in zip(SCRIPT, answers, strict=True):
        seen = len(chats.calls.get(chat, []))
        update_id = next(_IDS)
        update = chats.tap(person, value, update_id) if kind == "tap" else person.message(value, update_id)
        sent = time.perf_counter()
        chats.telegram.updates.append(update)
        await chats.after(chat, seen)
        out.append(chats.calls[chat][seen] - sent)
        await chats.after(chat, seen + expected - 1)
        await asyncio.sleep(max(0.0, sent + period - time.perf_counter()))


async def calibrate() -> list[int]:
    """How many calls the diary makes to a chat for each step (it answers some with two)."""
    telegram, answers = FakeTelegram(), []

    async def run(_: Any) -> None:
        chats, person = Chats(telegram), Person(880_000)
        for kind, value in SCRIPT:
            before = len(chats.calls.get(person.user_id, []))
            update_id = next(_IDS)
            update = (
                chats.tap(person, value, update_id) if kind == "tap" else person.message(value, update_id)
            )
            telegram.updates.append(update)
            await chats.after(person.user_id, before)
            await asyncio.sleep(1.0 + 4 * LATENCY)  # long enough for every call of the step
            answers.append(len(chats.calls[person.user_id]) - before)
        assert chats.unmatched == 0, "the script no longer matches the bot's buttons"

    await base.diary_bot(telegram, run)
    return answers


async def echo_bot(telegram: FakeTelegram, run: Callable[[Any], Awaitable[None]]) -> None:
    async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("echo", callback_data="echo")]])
        await update.effective_message.reply_text(update.effective_message.text or "", reply_markup=markup)

    async def edit(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("echo", callback_data="echo")]])
        await query.edit_message_text(f"tapped {query.data}", reply_markup=markup)

    request = OfflineRequest(telegram, LATENCY)
    builder = Application.builder().token("1:echo").request(request).get_updates_request(request)
    app = builder.concurrent_updates(True).build()
    app.add_handler(MessageHandler(filters.ALL, echo))
    app.add_handler(CallbackQueryHandler(edit))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=0)
        await run(None)
        await app.updater.stop()
        await app.stop()


async def talk(
    bot: Bot, people: int, answers: list[int], rate: float | None
) -> tuple[float, list[float], int]:
    """Everyone's conversation at once (or paced to `rate` updates/s in all): updates/s, the reply
    times and how many taps missed their button."""
    telegram, elapsed, unmatched = FakeTelegram(), 0.0, 0
    times: list[float] = []

    async def run(_: Any) -> None:
        nonlocal elapsed, unmatched
        chats = Chats(telegram)
        period = people / rate if rate else 0.0
        crowd = [Person(700_000 + i) for i in range(people)]

        async def one(index: int, person: Person) -> None:
            await asyncio.sleep(period * index / people)  # arrivals spread over one period
            await converse(chats, person, answers, period, times)

        started = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(one(i, p) for i, p in enumerate(crowd))), 600)
        elapsed, unmatched = time.perf_counter() - started, chats.unmatched

    await bot(telegram, run)
    return len(times) / elapsed, sorted(times), unmatched


def percentiles(times: list[float]) -> str:
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return f"p50 {statistics.median(times) * 1000:4.0f} ms, p99 {p99 * 1000:5.0f} ms"


def main(argv: list[str]) -> None:
    people = int(argv[0]) if argv else 1000
    answers = asyncio.run(calibrate())
    echo_answers = [1] * len(SCRIPT)
    echo_rate, _, _ = asyncio.run(talk(echo_bot, people, echo_answers, None))
    diary_rate, _, unmatched = asyncio.run(talk(base.diary_bot, people, answers, None))
    _, echo_times, _ = asyncio.run(talk(echo_bot, people, echo_answers, echo_rate / 2))
    _, diary_times, _ = asyncio.run(talk(base.diary_bot, people, answers, diary_rate / 2))
    where = (os.environ.get("BENCH_DATABASE_URL") or "sqlite").split(":")[0]
    print(
        f"{people:,} people, {len(SCRIPT)} steps each; "
        f"every Bot API call takes {LATENCY * 1000:.0f} ms; {where}"
    )
    print(f"  echo bot (concurrent_updates)  {echo_rate:7.0f} updates/s; at half: {percentiles(echo_times)}")
    print(
        f"  Spasm Diary (one process)      {diary_rate:7.0f} updates/s; at half: {percentiles(diary_times)}"
    )
    print(f"  diary / echo: {diary_rate / echo_rate:.2f} (target >= 0.5); taps off script: {unmatched}")


if __name__ == "__main__":
    main(sys.argv[1:])
