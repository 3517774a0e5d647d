"""The schedule with 100,000 people, against one APScheduler job per person (the baseline).

    python3 dev.py bench scheduler [people] [due]

Each side runs in its own process, so memory figures are its own. Printed: start-up time,
memory over an empty process, and how long it takes to queue everyone due in the same minute
(and whether anyone was missed)."""

from __future__ import annotations

import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


async def fill(url: str, people: int, due: int) -> None:
    """`people` set-up users, `due` of them due within this minute."""
    from sqlalchemy import insert

    from bot.storage.db import create_engine
    from bot.storage.migrate import upgrade
    from bot.storage.models import User

    engine = create_engine(url)
    await upgrade(engine)
    now, rng = datetime.now(UTC), random.Random(1)
    rows = [
        {"telegram_id": 10_000_000 + i, "chat_id": 10_000_000 + i, "timezone": "Europe/Berlin",
         "checkin_minute": rng.randrange(1440), "paused": False, "blocked": False, "last_tip_ids": "",
         "summary_weekday": 6, "summary_minute": 1140, "created_at": now, "updated_at": now,
         "next_due_at": now - timedelta(seconds=rng.randrange(1, 50)) if i < due
                        else now + timedelta(hours=1 + i % 20)}
        for i in range(people)
    ]  # fmt: skip
    async with engine.begin() as conn:
        for start in range(0, people, 5000):
            await conn.execute(insert(User), rows[start : start + 5000])
    await engine.dispose()


async def ours(url: str, due: int) -> dict[str, float]:
    from sqlalchemy import func, select

    from bot.bootstrap import build_runtime
    from bot.config import Settings
    from bot.runtime.offline import FakeTelegram, OfflineRequest
    from bot.storage.models import Outbox

    before = rss_mb()
    started = time.perf_counter()
    settings = Settings(_env_file=None, database_url=url, data_dir=Path(tempfile.gettempdir()))
    runtime = await build_runtime(settings, request=OfflineRequest(FakeTelegram()), schedule_ticks=False)
    await runtime.start(run_jobs=False)
    await runtime.leadership.try_acquire()
    startup = time.perf_counter() - started
    memory = rss_mb() - before
    started = time.perf_counter()
    stats = await runtime.services.outbox.enqueue_due()
    enqueue = time.perf_counter() - started
    async with runtime.services.db() as session:
        queued = (await session.execute(select(func.count()).select_from(Outbox))).scalar_one()
    await runtime.stop()
    return {
        "startup": startup, "memory": memory, "enqueue": enqueue, "queued": float(queued),
        "due": float(due), "enqueued": float(stats.enqueued),
    }  # fmt: skip


async def baseline(people: int, due: int) -> dict[str, float]:
    """One job per person: daily cron jobs, and `due` of them firing within the same seconds."""
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.date import DateTrigger

    ran, last = 0, datetime.now(UTC)

    async def checkin() -> None:
        nonlocal ran, last
        ran, last = ran + 1, datetime.now(UTC)

    before = rss_mb()
    started = time.perf_counter()
    scheduler = AsyncIOScheduler(timezone="Europe/Berlin")
    scheduler.start()
    rng = random.Random(1)
    for i in range(due, people):
        minute = rng.randrange(1440)
        trigger = CronTrigger(hour=minute // 60, minute=minute % 60, timezone="Europe/Berlin")
        scheduler.add_job(checkin, trigger, id=str(i))
    # The due ones last, falling due once all are added (adding takes a while), with the default
    # 1 s misfire grace: a job that cannot start within it is dropped.
    fire_at = datetime.now(UTC) + timedelta(seconds=30)
    for i in range(due):
        scheduler.add_job(checkin, DateTrigger(run_date=fire_at), id=str(i))
    startup = time.perf_counter() - started
    memory = rss_mb() - before
    await asyncio.sleep(max(0.0, (fire_at - datetime.now(UTC)).total_seconds()))
    for _ in range(30):  # until they all ran, or no more ran for a second
        seen = ran
        await asyncio.sleep(1.0)
        if ran == due or 0 < ran == seen:
            break
    scheduler.shutdown(wait=False)
    late = max(0.0, (last - fire_at).total_seconds())
    return {"startup": startup, "memory": memory, "ran": float(ran), "due": float(due), "late": late}


async def empty_process() -> dict[str, float]:
    """Memory of an empty bot (no users), to compare against."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/empty.db"
        return await ours(url, 0)


def child(mode: str, people: int, due: int, url: str) -> None:
    if mode == "ours":
        print(json.dumps(asyncio.run(ours(url, due))))
    elif mode == "empty":
        print(json.dumps(asyncio.run(empty_process())))
    else:
        print(json.dumps(asyncio.run(baseline(people, due))))


def run_child(mode: str, people: int, due: int, url: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.scheduler", "--child", mode, str(people), str(due), url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--child":
        child(argv[1], int(argv[2]), int(argv[3]), argv[4])
        return
    people = int(argv[0]) if argv else 100_000
    due = int(argv[1]) if len(argv) > 1 else 30_000
    from benchmarks.database import fresh_database  # here: the children measure their own memory

    with tempfile.TemporaryDirectory() as folder:
        url = fresh_database(Path(folder))
        asyncio.run(fill(url, people, due))
        empty = run_child("empty", people, due, url)
        mine = run_child("ours", people, due, url)
    base = run_child("baseline", people, due, url)
    print(f"schedule for {people:,} people, {due:,} due in the same minute ({url.split(':')[0]})")
    print(f"  baseline, one APScheduler job each: start-up {base['startup']:6.2f} s, "
          f"+{base['memory']:6.0f} MB; ran {base['ran']:,.0f} of {base['due']:,.0f} due, the last "
          f"{base['late']:.2f} s after they fell due ({base['due'] - base['ran']:,.0f} dropped by "
          f"the 1 s misfire grace)")  # fmt: skip
    print(f"  the bot (DB tick, indexed next_due_at): start-up {mine['startup']:6.2f} s, "
          f"+{mine['memory'] - empty['memory']:6.1f} MB over an empty bot; "
          f"queued {mine['queued']:,.0f} of {due:,} in {mine['enqueue']:.2f} s "
          f"({due - mine['queued']:,.0f} missed)")  # fmt: skip
    print(f"  start-up {base['startup'] / mine['startup']:.1f}x faster; targets: start-up < 5 s, "
          f"< 100 MB over an empty bot, {due:,} queued in < 2 s")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
