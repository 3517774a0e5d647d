"""Stored updates handled concurrently across people, strictly in arrival order for each person
(and each chat): an update starts only after the one before it from the same sender or chat
finished. Each is one unit of work (`update_scope`): its effects commit with its mark. One that
neither wrote nor replied is marked with others (with the next store, or MARK_EVERY per commit);
a crash handles it again, which changes nothing."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col, select
from telegram import Update
from telegram.error import TelegramError

from bot.runtime.lanes import LaneKeeper, lane_column, lane_of
from bot.runtime.lifecycle import Runtime
from bot.runtime.update_input import sender_of
from bot.storage import fencing, update_scope
from bot.storage.models import InboxUpdate, utcnow
from bot.storage.unit_of_work import unit_of_work

log = logging.getLogger(__name__)
DRAIN_BATCH = 100
MARK_EVERY = 25  # updates marked handled per commit
MAX_IN_FLIGHT = 400  # started and not yet marked handled
# Handlers at once (different people's; each person's still one after another). A handler holds a
# connection (and on SQLite the write turn) only while its update's transaction is open, which
# ends before its first Bot API call, so far more handlers than pooled connections fit: 16 capped
# a realistic mix at 80 ms per call to 80 updates/s on SQLite, 64 gives 146 (`bench latency`).
RUNNING = {"postgresql": 64, "sqlite": 64}

SETTLE = timedelta(seconds=0.25)  # intake screens a stored batch within milliseconds
Key = tuple[str, int]


def keys_of(item: Update) -> tuple[Key, ...]:
    """What orders an update: its sender and its chat; an update with neither waits for its kind."""
    keys: list[Key] = []
    if item.effective_user is not None:
        keys.append(("user", item.effective_user.id))
    if item.effective_chat is not None:
        keys.append(("chat", item.effective_chat.id))
    return tuple(keys) or (("none", 0),)


@dataclass(eq=False)
class _Job:
    update_id: int
    item: Update
    keys: tuple[Key, ...]
    lane: int
    waiting: int = 0  # earlier updates from the same sender or chat not yet finished
    then: list[_Job] = field(default_factory=list)  # later ones waiting for this one


# Core statements: the ORM's bulk machinery costs more than the SQL here.
INBOX: Table = InboxUpdate.__table__  # type: ignore[attr-defined]


async def mark_handled(connection: AsyncConnection, marks: dict[int, str | None], now: datetime) -> None:
    """Mark updates handled (with the error, for one that could not be handled at all)."""
    ok = [update_id for update_id, error in marks.items() if error is None]
    if ok:
        await connection.execute(update(INBOX).where(INBOX.c.update_id.in_(ok)).values(handled_at=now))
    for update_id, error in marks.items():
        if error is not None:
            await connection.execute(
                update(INBOX).where(INBOX.c.update_id == update_id).values(handled_at=now, error=error)
            )


class Dispatcher:
    def __init__(self, runtime: Runtime, lanes: LaneKeeper | None = None) -> None:
        """Handles the lanes `lanes` holds (by default every lane, fenced by leadership alone)."""
        self._runtime = runtime
        self.lanes = lanes or LaneKeeper(runtime.engine, shared=False)
        self._busy: dict[int, int] = {}  # lane -> its updates started and not yet finished
        self._db = runtime.services.db
        self._tails: dict[Key, _Job] = {}  # the last update started per sender and chat
        self._ready: deque[_Job] = deque()  # nothing before them left; waiting for a slot
        self._running = 0
        self._slots = RUNNING.get(runtime.engine.dialect.name, 1)
        self._in_flight: set[int] = set()  # started and not yet marked handled
        self._marks: dict[int, str | None] = {}  # handled, waiting to be marked: id -> error
        self._tasks: set[asyncio.Task[None]] = set()
        self._stopping = False
        self.room = asyncio.Event()  # set when marking made room for more
        self.caught_up = True  # the last dispatch() started every stored update
        self.stored_waiting = False  # updates of a lane just taken: to be read from the store
        # Storing and marking take turns: on SQLite a second writer would sleep on the busy timeout.
        self.writing = asyncio.Lock()

    @property
    def idle(self) -> bool:
        return not self._tasks

    @property
    def marks_waiting(self) -> bool:
        return bool(self._marks)

    async def dispatch(self, *, settled: bool = False) -> int:
        """Start every stored, unhandled update not yet under way (up to MAX_IN_FLIGHT); how many.
        `settled`: only updates stored SETTLE_SECONDS ago or more, so the polling process has
        screened them (and sent any emergency reply) before another handles them."""
        started = 0
        owned = self.lanes.owned
        while owned and not self._stopping and (limit := self._room()) > 0:
            async with unit_of_work(self._db) as session:
                query = select(InboxUpdate.update_id, InboxUpdate.payload).where(
                    col(InboxUpdate.handled_at).is_(None)
                )
                if self._in_flight:
                    query = query.where(col(InboxUpdate.update_id).not_in(self._in_flight))
                if self.lanes.shared:
                    query = query.where(lane_column(INBOX.c.sender_id).in_(owned))
                if settled:
                    cutoff = utcnow() - SETTLE  # the clock received_at was written with
                    query = query.where(col(InboxUpdate.received_at) <= cutoff)
                rows = list(await session.exec(query.order_by(col(InboxUpdate.update_id)).limit(limit)))
            for update_id, payload in rows:
                self._start(update_id, payload)
            started += len(rows)
            if len(rows) < limit:
                self.caught_up = True
                return started
        self.caught_up = not owned  # with no lane, nothing here is waiting for this process
        return started

    def _room(self) -> int:
        return min(DRAIN_BATCH, MAX_IN_FLIGHT - len(self._in_flight))

    def accept(self, payloads: list[dict[str, Any]]) -> None:
        """Start updates just stored (and not stored before), in update_id order."""
        for payload in payloads:
            if self.lanes.owns(lane_of(sender_of(payload))):  # the others are another process's
                self._start(payload["update_id"], payload)

    @property
    def has_room(self) -> bool:
        return len(self._in_flight) < MAX_IN_FLIGHT

    async def wait_for_room(self, limit: float) -> bool:
        """Wait (at most `limit` seconds) until fewer than MAX_IN_FLIGHT are under way; True if so."""
        if len(self._in_flight) < MAX_IN_FLIGHT:
            return True
        self.room.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.room.wait(), limit)
        return len(self._in_flight) < MAX_IN_FLIGHT

    def _start(self, update_id: int, stored: dict[str, Any] | str) -> None:
        if update_id in self._in_flight or self._stopping:
            return
        self._in_flight.add(update_id)
        try:
            payload = stored if isinstance(stored, dict) else json.loads(stored)
            item = Update.de_json(payload, self._runtime.application.bot)
        except (TelegramError, ValueError, KeyError, TypeError) as exc:  # malformed: must not block the rest
            log.error("update %s could not be handled: %s", update_id, type(exc).__name__)
            self._marks[update_id] = type(exc).__name__
            return
        job = _Job(update_id, item, keys_of(item), lane_of(sender_of(payload)))
        self._busy[job.lane] = self._busy.get(job.lane, 0) + 1
        for before in {self._tails[k] for k in job.keys if k in self._tails}:
            before.then.append(job)
            job.waiting += 1
        for key in job.keys:
            self._tails[key] = job
        if not job.waiting:
            self._ready.append(job)
            self._next()

    def _next(self) -> None:
        """Start ready updates while there are free slots."""
        while self._ready and self._running < self._slots:
            job = self._ready.popleft()
            if self._stopping or not self.lanes.owns(job.lane):  # stays stored: handled later
                self._in_flight.discard(job.update_id)  # (after a restart, or by the lane's process)
                self._finish(job)
                continue
            self._running += 1
            task = asyncio.create_task(self._run(job))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def busy(self, lane: int) -> bool:
        return self._busy.get(lane, 0) > 0

    def _finish(self, job: _Job) -> None:
        """Later updates from the same sender or chat may start now."""
        self._busy[job.lane] -= 1
        for key in job.keys:
            if self._tails.get(key) is job:
                del self._tails[key]
        for after in job.then:
            after.waiting -= 1
            if not after.waiting:
                self._ready.append(after)

    async def _run(self, job: _Job) -> None:
        refused: list[str] = []
        fencing.refusals.set(refused)  # this task's own context
        epoch = self.lanes.epochs.get(job.lane)
        if epoch is not None:  # its writes are refused once another process took the lane
            fencing.lane_token.set((job.lane, epoch))
        try:
            outcome, marked = await self._handle(job.update_id, job.item)
            if refused or marked:  # another process leads (it handles this update), or marked
                self._in_flight.discard(job.update_id)
                self.room.set()
            else:
                self._marks[job.update_id] = outcome
        finally:
            self._running -= 1
            self._finish(job)
            self._next()
        # A smaller group (or one while a store is being written) goes with the next write.
        if len(self._marks) >= MARK_EVERY and not self.writing.locked():
            try:
                await self.flush()
            except Exception as exc:  # kept and marked at the next flush
                log.warning("marking updates handled failed (%s)", type(exc).__name__)

    async def _handle(self, update_id: int, item: Update) -> tuple[str | None, bool]:
        """(error, marked): marked when its effects or a reply committed with its mark."""
        try:
            async with update_scope.handling(self._db, update_id, self._runtime.services.clock) as scope:
                await self._runtime.application.process_update(item)
        except (TelegramError, ValueError, KeyError) as exc:
            log.error("update %s could not be handled: %s", update_id, type(exc).__name__)
            return type(exc).__name__, False
        return None, scope.marked

    def take_marks(self) -> dict[int, str | None]:
        """The marks waiting, for a transaction to write; hand them back to `marked` or `restore`."""
        marks, self._marks = self._marks, {}
        return marks

    def marked(self, marks: dict[int, str | None]) -> None:
        self._in_flight.difference_update(marks)
        if marks:
            self.room.set()

    def restore(self, marks: dict[int, str | None]) -> None:
        """Not written: kept for the next try (and still in flight, so never started again)."""
        self._marks.update(marks)

    async def flush(self) -> None:
        async with self.writing:
            marks = self.take_marks()
            if not marks:
                return
            try:
                async with unit_of_work(self._db) as session:
                    await mark_handled(await session.connection(), marks, self._runtime.services.clock())
            except BaseException:
                self.restore(marks)
                raise
            self.marked(marks)

    async def settle(self) -> None:
        """Wait for everything started to finish, then mark it."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))
        await self.flush()

    async def drain(self) -> int:
        """Handle everything stored, until nothing is left; how many were handled."""
        handled = 0
        while started := await self.dispatch():
            handled += started
            await self.settle()
        await self.flush()
        return handled

    async def stop(self) -> None:
        """Finish the handlers under way; the rest stays stored for the next start."""
        self._stopping = True
        await self.settle()
