"""Updates handled per second with durable storage, and latency at a fixed arrival rate,
against a bare python-telegram-bot echo bot fed the same updates the same way.

    python3 dev.py bench updates [count] [rate]

Both bots poll the same offline Bot API (getUpdates, 100 at a time) in this process. The echo
bot uses PTB's stock polling, which acknowledges updates before handling them; Spasm Diary
stores each batch in its inbox first (SQLite with synchronous=FULL, or BENCH_DATABASE_URL),
handles different people side by side (each person's updates in order) and marks them handled
with the next store, or 25 per commit."""

from __future__ import annotations

import asyncio
import gc
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from benchmarks.database import fresh_database_async
from bot.runtime.offline import ApiCall, FakeTelegram, OfflineRequest, Person

Feed = Callable[[FakeTelegram, asyncio.Event], Awaitable[None]]


# Update ids never repeat, even across runs: a database kept between runs would (rightly) ignore
# a repeated id.
# Each Bot API call but getUpdates takes this long (BENCH_API_LATENCY_MS; 80 is a real round trip).
LATENCY = float(os.environ.get("BENCH_API_LATENCY_MS", "0")) / 1000
_IDS = itertools.count(int(time.time()) * 100_000)
_PEOPLE = [Person(900_000 + i) for i in range(200)]


_TURNS = itertools.cycle(_PEOPLE)


def updates(count: int) -> list[dict[str, Any]]:
    """The people take turns across calls, so nobody sends more than a person would (the bot slows
    down anyone over 30 messages a minute)."""
    return [next(_TURNS).message("/help", next(_IDS)) for _ in range(count)]


class Clocked:
    """Arrival and reply times per update, from the fake's point of view."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.sent: dict[int, float] = {}
        self.replied: list[float] = []
        self.pending: dict[int, list[float]] = {}
        self.all_replied = asyncio.Event()
        self._expected = 0
        telegram.listeners.append(self._reply)

    def expect(self, count: int) -> None:
        self._expected = count
        if len(self.replied) >= count:
            self.all_replied.set()

    def arrive(self, telegram: FakeTelegram, batch: list[dict[str, Any]]) -> None:
        now = time.perf_counter()
        for update in batch:
            self.pending.setdefault(update["message"]["chat"]["id"], []).append(now)
        telegram.updates.extend(batch)

    def _reply(self, call: ApiCall) -> None:
        if call.method == "sendMessage":
            queue = self.pending.get(int(call.params["chat_id"]))
            if queue:
                self.replied.append(time.perf_counter() - queue.pop(0))
                if self._expected and len(self.replied) >= self._expected:
                    self.all_replied.set()


async def echo_bot(telegram: FakeTelegram, run: Callable[[Clocked], Awaitable[None]]) -> Clocked:
    async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(update.effective_message.text or "")

    request = OfflineRequest(telegram, LATENCY)
    app = Application.builder().token("1:echo").request(request).get_updates_request(request).build()
    app.add_handler(MessageHandler(filters.ALL, echo))
    clock = Clocked(telegram)
    async with app:
        await app.start()
        gc.collect()
        gc.freeze()  # the same start-up treatment as the diary bot gets, for a fair comparison
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=0)
        await run(clock)
        await app.updater.stop()
        await app.stop()
    return clock


async def diary_bot(telegram: FakeTelegram, run: Callable[[Clocked], Awaitable[None]]) -> Clocked:
    from bot.bootstrap import build_runtime
    from bot.config import Settings
    from bot.runtime.inbox import DurablePoller
    from bot.runtime.lifecycle import freeze_startup_objects

    with tempfile.TemporaryDirectory() as folder:
        url = await fresh_database_async(Path(folder))
        settings = Settings(_env_file=None, database_url=url, data_dir=Path(folder), poll_timeout_seconds=0)
        request = OfflineRequest(telegram, LATENCY)
        runtime = await build_runtime(settings, request=request, schedule_ticks=False)
        await runtime.start(run_jobs=False)
        freeze_startup_objects()  # as `run` does
        await runtime.leadership.try_acquire()
        clock = Clocked(telegram)
        stop = asyncio.Event()
        poller = asyncio.create_task(DurablePoller(runtime).run(stop))
        await run(clock)
        stop.set()
        await poller
        await runtime.stop()
    return clock


async def until_replied(clock: Clocked, count: int, limit: float = 300.0) -> None:
    clock.expect(count)
    await asyncio.wait_for(clock.all_replied.wait(), timeout=limit)


async def throughput(bot: Callable[..., Awaitable[Clocked]], count: int) -> float:
    telegram = FakeTelegram()
    elapsed = 0.0

    async def run(clock: Clocked) -> None:
        nonlocal elapsed
        started = time.perf_counter()
        clock.arrive(telegram, updates(count))
        await until_replied(clock, count)
        elapsed = time.perf_counter() - started

    clock = await bot(telegram, run)
    return len(clock.replied) / elapsed


async def latency(
    bot: Callable[..., Awaitable[Clocked]], rate: int, seconds: float
) -> tuple[float, float, int]:
    telegram = FakeTelegram()
    total = int(rate * seconds)

    async def run(clock: Clocked) -> None:
        batch, sent, started = max(1, rate // 100), 0, time.perf_counter()
        while sent < total:  # arrivals spread evenly: `batch` updates every 10 ms
            due = started + sent / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            clock.arrive(telegram, updates(batch))
            sent += batch
        await until_replied(clock, total)

    clock = await bot(telegram, run)
    times = sorted(clock.replied)
    p50 = statistics.median(times) * 1000
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
    return p50, p99, len(times)


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 3000
    rate = int(argv[1]) if len(argv) > 1 else 1000
    echo_rate = asyncio.run(throughput(echo_bot, count))
    diary_rate = asyncio.run(throughput(diary_bot, count))
    echo_p50, echo_p99, echo_n = asyncio.run(latency(echo_bot, rate, 3.0))
    p50, p99, n = asyncio.run(latency(diary_bot, rate, 3.0))
    where = (os.environ.get("BENCH_DATABASE_URL") or "sqlite").split(":")[0]
    print(f"{count:,} updates (/help from 200 people), then {rate:,}/s for 3 s; inbox on {where}")
    print(f"  every Bot API call takes {LATENCY * 1000:.0f} ms (BENCH_API_LATENCY_MS)")
    for name, speed, mid, tail, replies in (
        ("bare PTB echo bot (stock polling)", echo_rate, echo_p50, echo_p99, echo_n),
        ("Spasm Diary (durable inbox)", diary_rate, p50, p99, n),
    ):
        figures = f"at {rate}/s p50 {mid:5.1f} ms, p99 {tail:5.1f} ms ({replies} replies)"
        print(f"  {name:34} {speed:7.0f} updates/s; {figures}")
    ratio = diary_rate / echo_rate
    print(f"  durable rate / echo rate: {ratio:.2f} (target >= 0.5); p99 target < 25 ms at 1,000/s")


if __name__ == "__main__":
    main(sys.argv[1:])
