"""Throughput with 1, 2 and 4 `python -m bot run` processes sharing one PostgreSQL database,
every Bot API call taking BENCH_API_LATENCY_MS (80 by default).

    BENCH_DATABASE_URL=postgresql://... python3 dev.py bench processes [queued] [people]

The processes split the lanes of people between them (bot/runtime/lanes.py); one polls a fake Bot
API over HTTP on this machine. The queue is questions and diary lines from `people` people
(4,000 from 1,000 by default), pushed at once; the figure is updates answered per second, and
its ratio to one process's in the same run. Every process shares this machine's cores with
PostgreSQL and the fake, so the figures say how far handling spreads, not what more machines give."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from benchmarks.database import fresh_database
from benchmarks.emergency import QUEUE
from bot.runtime.lanes import LANE_CLASS, LANES
from bot.runtime.offline import Person
from bot.storage.db import create_engine
from tests.bot_process import TOKEN, BotProcess
from tests.fake_bot_api import FakeBotApiServer, Faults

LATENCY = float(os.environ.get("BENCH_API_LATENCY_MS", "80")) / 1000
HELD = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = :cls "
    "AND objsubid = 2 AND granted GROUP BY pid"
)


async def lanes_held(url: str) -> list[int]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return sorted(int(n) for n in (await conn.execute(HELD, {"cls": LANE_CLASS})).scalars())
    finally:
        await engine.dispose()


def wait_for_shares(url: str, processes: int) -> None:
    """Until every process holds its share of the lanes (they balance once a second)."""
    share = LANES // processes
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if asyncio.run(lanes_held(url)) == [share] * processes:
            return
        time.sleep(0.2)
    raise RuntimeError(f"the lanes were not shared out among {processes} processes")


def run(processes: int, queued: int, people: int, url: str, folder: Path) -> float:
    """Updates answered per second with `processes` processes."""
    with FakeBotApiServer(TOKEN, Faults(latency=LATENCY)) as api:
        crowd = [Person(800_000 + i) for i in range(people)]
        env = {"POLL_TIMEOUT_SECONDS": "1", "LOG_LEVEL": "WARNING", "TICK_SECONDS": "5"}
        bots: list[BotProcess] = []
        try:
            for n in range(processes):
                (folder / str(n)).mkdir()
                bots.append(BotProcess(api, url, folder / str(n), crowd[0], wait=not n, env=env))
            wait_for_shares(url, processes)
            pushed = time.monotonic()
            for n in range(queued):
                api.push(crowd[n % people].message_builder(QUEUE[n // people % len(QUEUE)]))
            api.wait_for(lambda calls: sum(c.method == "sendMessage" for c in calls) >= queued, timeout=900)
            return queued / (time.monotonic() - pushed)
        finally:
            for bot in bots:
                bot.stop()


def main(argv: list[str]) -> None:
    queued = int(argv[0]) if argv else 4000
    people = int(argv[1]) if len(argv) > 1 else 1000
    if not os.environ.get("BENCH_DATABASE_URL", "").startswith("postgresql"):
        print("bench processes needs BENCH_DATABASE_URL=postgresql://...: SQLite has one process")
        return
    print(
        f"{queued:,} updates from {people:,} people, pushed at once; every Bot API call takes "
        f"{LATENCY * 1000:.0f} ms; PostgreSQL; {os.cpu_count()} cores on this machine"
    )
    baseline = 0.0
    for processes in (1, 2, 4):
        with tempfile.TemporaryDirectory() as folder:
            rate = run(processes, queued, people, fresh_database(Path(folder)), Path(folder))
        baseline = baseline or rate
        print(f"  {processes} process(es): {rate:6.0f} updates/s, {rate / baseline:.2f} x one process")


if __name__ == "__main__":
    main(sys.argv[1:])
