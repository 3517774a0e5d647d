"""Polling that stores each update before Telegram is told it arrived, then handles it from the store."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import warnings
from typing import Any

from telegram import Update
from telegram.error import EndPointNotFound, InvalidToken
from telegram.warnings import PTBUserWarning

from bot.runtime.dispatch import INBOX, Dispatcher, mark_handled
from bot.runtime.lifecycle import Runtime
from bot.runtime.screening import Screener
from bot.runtime.update_input import is_update, sender_of
from bot.services.alarms import emergencies, readable
from bot.storage.db import insert_ignoring_duplicates
from bot.storage.fencing import NotLeader
from bot.storage.unit_of_work import unit_of_work

log = logging.getLogger(__name__)
MAX_AHEAD = 50_000  # updates stored ahead of handling before fetching waits for it
RESEND_EVERY = 1.0  # seconds between tries of an emergency reply Telegram has not taken
MARK_AFTER_SECONDS = 0.05  # a group smaller than MARK_EVERY is marked once handling goes quiet
FULL_BATCH = 100  # the most getUpdates returns at once
WATCH_EVERY = 1.0  # seconds between checks that this process still holds leadership
# A new leader waits this long before its first getUpdates: a leader whose lock session just
# ended may still be in a long poll until its next check, and two polls at once are a conflict.
TAKEOVER_GRACE = WATCH_EVERY + 1.0
READ_MARGIN = 10.0  # seconds a long poll's answer may take beyond its timeout

# getUpdates is asked for by name so its answer stays Telegram's JSON: parsing each update up
# front costs more than storing it, and one that does not parse must not stop polling.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.get_updates'", category=PTBUserWarning)


class DurablePoller:
    """Fetching and storing go on while earlier updates are handled. What is left in the store
    (a crash, a change of leader) is handled first; after that, each batch is handed over as it
    is stored, without reading it back."""

    def __init__(self, runtime: Runtime, dispatcher: Dispatcher | None = None) -> None:
        """`dispatcher`: one shared with the process's lane worker (which stops it), if any."""
        self._runtime = runtime
        self._db = runtime.services.db
        self._timeout = runtime.services.settings.poll_timeout_seconds
        self._dispatcher = dispatcher or Dispatcher(runtime)
        self._shared = dispatcher is not None
        self._lost = asyncio.Event()  # leadership lost: stop fetching now
        services = runtime.services
        workers = services.settings.triage_workers
        self._screener = Screener(services.triager, services.settings.content_dir, workers)
        self._answering: set[asyncio.Task[None]] = set()  # triage of stored batches under way

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop`; only a token Telegram refuses ends it early (raised to the caller)."""
        marking = asyncio.create_task(self._mark_when_quiet(stop))
        resending = asyncio.create_task(self.resend_alarms(stop))
        watching = asyncio.create_task(self._watch_leadership(stop))
        self._screener.start()
        try:
            await self._poll(stop)
        finally:
            for task in (marking, resending, watching):
                task.cancel()
            await asyncio.gather(marking, resending, watching, return_exceptions=True)
            try:
                await self._screened()
                await (self._dispatcher.flush() if self._shared else self._dispatcher.stop())
            except Exception as exc:  # unmarked updates are handled again after the restart
                log.warning("could not mark the last updates handled (%s)", type(exc).__name__)
            finally:
                self._screener.stop()

    async def _poll(self, stop: asyncio.Event) -> None:
        # No offset at start: Telegram redelivers whatever it was not told we received, and
        # anything stored before a crash is already in the inbox.
        offset: int | None = None
        backoff = 1.0
        leadership = self._runtime.leadership
        dispatcher = self._dispatcher
        backlog = True
        behind = 0  # updates stored while handling was full: started from the store, in order
        full = False  # the last batch was as large as Telegram sends
        while not stop.is_set():
            if not leadership.held or self._lost.is_set():
                return  # another process leads now; the caller waits to take over again
            try:
                if backlog:  # all of it before anything newer, so each person's order holds
                    await self._screened()
                    await self.drain()
                    backlog = False
                if dispatcher.stored_waiting:  # a lane just taken: its stored updates, in order
                    dispatcher.stored_waiting = False
                    behind = max(behind, 1)
                if behind and dispatcher.has_room and not full:
                    await self._screened()
                    await dispatcher.dispatch()
                    behind = 0 if dispatcher.caught_up else behind
                # Fetching goes on while handling is behind, so a red flag queued behind thousands
                # of updates is stored and answered at once; only far behind does it wait.
                if behind >= MAX_AHEAD and not await dispatcher.wait_for_room(limit=1.0):
                    continue
                updates, last = await self._fetch(offset, stop, short=bool(behind) or full)
                full = len(updates) >= FULL_BATCH
                if updates:
                    fresh = await self._store_and_screen(updates)
                    # A full batch means more are waiting at Telegram: fetching (and triage) first.
                    if behind or full or not dispatcher.has_room:
                        behind += len(fresh) or 1
                    else:
                        await self._screened()
                        dispatcher.accept(fresh)
                elif behind:
                    await dispatcher.wait_for_room(limit=0.2)
                if last is not None:  # the next getUpdates with this offset acknowledges them
                    offset = last + 1
                backoff = 1.0
            except InvalidToken:
                raise
            except NotLeader:  # another process leads now: stop at once, write nothing more
                log.warning("leadership passed to another process; polling stops")
                self._lost.set()
                return
            except Exception as exc:  # a network, Telegram or database fault: wait and go on
                log.warning("polling failed (%s); retrying in %.0fs", type(exc).__name__, backoff)
                backlog = True  # a store may have committed without saying so: read it back first
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=backoff)
                backoff = min(backoff * 2, 30.0)

    async def _watch_leadership(self, stop: asyncio.Event) -> None:
        """Every second, the lock's session is checked: a process that lost it (the session was
        ended, the network dropped) stops polling at once, even mid long poll, not at its next tick."""
        leadership = self._runtime.leadership
        while not stop.is_set() and await leadership.still_held():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=WATCH_EVERY)
        if not stop.is_set():
            self._lost.set()

    async def resend_alarms(self, stop: asyncio.Event) -> None:
        """Emergency replies Telegram has not taken yet are tried again, every second."""
        alarms = self._runtime.alarms
        while alarms is not None and not stop.is_set():
            await asyncio.sleep(RESEND_EVERY)
            try:
                await alarms.send_due()
            except Exception as exc:  # the database is down: the next pass tries again
                log.warning("resending emergency replies failed (%s)", type(exc).__name__)

    async def _mark_when_quiet(self, stop: asyncio.Event) -> None:
        """A group smaller than MARK_EVERY is marked once handling goes quiet (or retried)."""
        dispatcher = self._dispatcher
        while not stop.is_set():
            await asyncio.sleep(MARK_AFTER_SECONDS)
            if dispatcher.marks_waiting and dispatcher.idle:
                try:
                    await dispatcher.flush()
                except Exception as exc:  # kept; tried again next time
                    log.warning("marking updates handled failed (%s)", type(exc).__name__)

    async def _fetch(
        self, offset: int | None, stop: asyncio.Event, *, short: bool = False
    ) -> tuple[list[dict[str, Any]], int | None]:
        """Long-poll for updates (`short`: only what is there now), as Telegram's own JSON, and the
        highest update_id seen (refused items are acknowledged too, or they would come back for
        ever). A stop request interrupts the wait, never the handling."""
        timeout = 0 if short else self._timeout
        arguments: dict[str, Any] = {"timeout": timeout, "allowed_updates": Update.ALL_TYPES}
        if offset is not None:
            arguments["offset"] = offset
        fetch = asyncio.ensure_future(
            self._runtime.application.bot.do_api_request(
                "get_updates", api_kwargs=arguments, read_timeout=timeout + READ_MARGIN
            )
        )
        stopping = asyncio.ensure_future(stop.wait())
        losing = asyncio.ensure_future(self._lost.wait())
        await asyncio.wait({fetch, stopping, losing}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        losing.cancel()
        if not fetch.done():
            # Unconfirmed updates are simply delivered again on the next start.
            fetch.cancel()
            await asyncio.gather(fetch, return_exceptions=True)
            return [], None
        try:
            result = fetch.result()
        except EndPointNotFound as exc:  # how PTB reports a 401/404 here: getUpdates exists
            raise InvalidToken(str(exc)) from exc
        items = result if isinstance(result, list) else []
        accepted = [u for u in items if is_update(u)]
        if len(accepted) < len(items):  # counted, never shown: it may hold someone's words
            log.warning("%d item(s) of getUpdates were not updates; skipped", len(items) - len(accepted))
        ids = [u["update_id"] for u in items if isinstance(u, dict) and type(u.get("update_id")) is int]
        return accepted, max(ids, default=None)

    async def _store_and_screen(self, updates: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Store a batch and screen it side by side (the worker triages while the rows are written
        and the next batch is fetched); the updates that were new. An emergency reply is sent the
        moment its message is found; one stored but not yet screened when the process stops is
        found again when its update is handled (its reply is kept once per update either way)."""
        items = readable(updates)
        texts = [text for _, _, text in items]
        submitted = self._screener.submit(texts)
        new = await self.store(updates, screen=False)
        task = asyncio.create_task(self._answer(items, texts, submitted, new))
        self._answering.add(task)
        task.add_done_callback(self._answering.discard)
        return [u for u in updates if u["update_id"] in new]

    async def _answer(self, items: list[Any], texts: list[str], submitted: Any, new: set[int]) -> None:
        try:
            verdicts = await self._screener.verdicts(texts, submitted)
            found = [e for e in emergencies(items, verdicts) if e.update_id in new]
            alarms = await self._runtime.services.alarms.keep(found)
        except Exception:  # the handler screens the message again and keeps its reply then
            log.exception("an emergency reply could not be decided at intake")
            return
        if self._runtime.alarms is not None:
            self._runtime.alarms.spawn(alarms)  # at once, ahead of every update queued to handle

    async def _screened(self) -> None:
        """Every stored batch screened (and its emergency replies under way) before any of it is
        handled, so a red flag is answered before that person's earlier messages."""
        if self._answering:
            await asyncio.gather(*list(self._answering), return_exceptions=True)

    async def store(self, payloads: list[dict[str, Any]], *, screen: bool = True) -> set[int]:
        """Insert updates once each (a redelivered update_id is ignored); the ids that were new.
        Updates handled since the last commit are marked in the same transaction; with `screen`,
        emergency replies are decided in it too (the webhook's one update at a time)."""
        rows = [
            {"update_id": p["update_id"], "payload": json.dumps(p), "sender_id": sender_of(p)}
            for p in payloads
        ]
        dispatcher, service = self._dispatcher, self._runtime.services.alarms
        async with dispatcher.writing:
            marks = dispatcher.take_marks()
            try:
                async with unit_of_work(self._db) as session:
                    connection = await session.connection()
                    insert = insert_ignoring_duplicates(session, INBOX, ["update_id"]).returning(
                        INBOX.c.update_id
                    )
                    new = set((await connection.execute(insert, rows)).scalars())
                    # Triage at the door: an emergency reply is decided with the update it answers.
                    alarms = []
                    if screen:
                        found = service.screen([p for p in payloads if p["update_id"] in new])
                        alarms = await service.take(session, found)
                    await mark_handled(connection, marks, self._runtime.services.clock())
            except BaseException:
                dispatcher.restore(marks)
                raise
            dispatcher.marked(marks)
        if self._runtime.alarms is not None:
            self._runtime.alarms.spawn(alarms)  # at once, ahead of every update queued to handle
        return new

    async def drain(self) -> int:
        """Handle every stored update, in order per person; how many were handled."""
        return await self._dispatcher.drain()
