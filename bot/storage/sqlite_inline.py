"""SQLite statements run on the event loop's own thread. aiosqlite hands every statement to a
worker thread and back (two wake-ups and a hand-over of the GIL each), and while one is away the
loop runs other people's handlers: a transaction of ten statements held SQLite's one write turn
for 5-7 ms under load, almost all of it waiting, and the turn was held 96% of the time (`bench
latency`). A statement takes microseconds; only the two steps that can wait stay on the thread:
BEGIN (another process may hold the write lock: SQLite's busy handler sleeps) and COMMIT (the
disk's fsync), so the loop never sleeps on a lock or a disk."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import aiosqlite

CHUNK = 64  # rows per fetch when iterating, as aiosqlite's default


def _may_wait(fn: Callable[..., Any], args: tuple[Any, ...]) -> bool:
    if getattr(fn, "__name__", "") in ("commit", "close"):
        return True
    return bool(args) and isinstance(args[0], str) and args[0].lstrip()[:5].upper() == "BEGIN"


class InlineConnection(aiosqlite.Connection):
    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if _may_wait(fn, args):
            return await super()._execute(fn, *args, **kwargs)  # type: ignore[no-untyped-call]
        if not self._running or not self._connection:
            raise ValueError("Connection closed")  # what aiosqlite says, which SQLAlchemy maps
        return fn(*args, **kwargs)


def creator(database: str) -> Callable[[], Awaitable[InlineConnection]]:
    """For `create_async_engine(async_creator=...)`: connections to this file, used from any
    thread (the loop's for statements, the worker's for BEGIN and COMMIT)."""

    async def connect() -> InlineConnection:
        connection = InlineConnection(partial(sqlite3.connect, database, check_same_thread=False), CHUNK)
        connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite's own: exit never waits
        await connection
        return connection

    return connect
