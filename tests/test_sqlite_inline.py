"""SQLite statements run on the event loop's thread, but nothing waits there: a write lock held
by another process is waited for off the loop, which keeps answering meanwhile."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

from sqlalchemy import text

from bot.storage.db import create_engine, session_factory
from bot.storage.unit_of_work import unit_of_work

HOLD = 0.6  # seconds another process keeps SQLite's write lock


async def test_a_write_lock_held_elsewhere_never_stops_the_loop(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    db = session_factory(engine)
    async with unit_of_work(db) as session:
        await session.exec(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))  # type: ignore[call-overload]
    locked, done = threading.Event(), threading.Event()

    def other_process() -> None:  # another program writing to the same file
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO notes (body) VALUES ('theirs')")
        locked.set()
        time.sleep(HOLD)
        other.execute("COMMIT")
        other.close()
        done.set()

    threading.Thread(target=other_process, daemon=True).start()
    await asyncio.to_thread(locked.wait)
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(0.01)

    ticking = asyncio.create_task(tick())
    started = time.perf_counter()
    async with unit_of_work(db) as session:  # waits for the other writer, off the loop
        await session.exec(text("INSERT INTO notes (body) VALUES ('ours')"))  # type: ignore[call-overload]
    waited = time.perf_counter() - started
    await ticking
    async with unit_of_work(db) as session:
        rows = (await session.exec(text("SELECT body FROM notes ORDER BY id"))).all()  # type: ignore[call-overload]
    await engine.dispose()
    assert [body for (body,) in rows] == ["theirs", "ours"]
    assert waited >= HOLD * 0.5  # it did wait for the lock...
    assert ticks >= 10  # ...while the loop went on (a blocked loop would tick about once)


async def test_statements_run_on_the_loop_thread(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'diary.sqlite'}")
    seen: list[int] = []
    loop_thread = threading.get_ident()
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None

        def where_am_i() -> int:
            seen.append(threading.get_ident())
            return 1

        await driver.create_function("where_am_i", 0, where_am_i)
        await connection.execute(text("SELECT where_am_i()"))
    await engine.dispose()
    assert seen == [loop_thread]
