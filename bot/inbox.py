"""Polling that stores each update before Telegram is told it arrived, then handles it from the store."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from telegram import Update
from telegram.error import InvalidToken, TelegramError

from bot.app import Runtime
from bot.db import insert_ignoring_duplicates
from bot.models import InboxUpdate
from bot.services.common import unit_of_work

log = logging.getLogger(__name__)
DRAIN_BATCH = 100
MARK_EVERY = 25  # updates marked handled per commit


def sender_of(payload: dict[str, Any]) -> int | None:
    """Who sent an update (the person a message, edit or button press came from), if anyone."""
    for key, value in payload.items():
        if key != "update_id" and isinstance(value, dict):
            sender = value.get("from") or value.get("user")
            if isinstance(sender, dict) and isinstance(sender.get("id"), int):
                return int(sender["id"])
    return None


class DurablePoller:
    def __init__(self, runtime: Runtime) -> None:
        self._fresh: dict[int, Update] = {}
        self._runtime = runtime
        self._db = runtime.services.db
        self._timeout = runtime.services.settings.poll_timeout_seconds

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop`; only a token Telegram refuses ends it early (raised to the caller)."""
        # No offset at start: Telegram redelivers whatever it was not told we received, and
        # anything stored before a crash is already in the inbox for drain().
        offset: int | None = None
        backoff = 1.0
        leadership = self._runtime.leadership
        while not stop.is_set():
            if not leadership.held:
                return  # another process leads now; the caller waits to take over again
            try:
                await self.drain()
                updates = await self._fetch(offset, stop)
                if updates:
                    await self.store(self._payloads(updates))
                    # Kept parsed until handled; after a crash they are parsed from the store.
                    self._fresh.update({u.update_id: u for u in updates})
                    # The next getUpdates with this offset is what acknowledges them to Telegram.
                    offset = max(u.update_id for u in updates) + 1
                backoff = 1.0
            except InvalidToken:
                raise
            except Exception as exc:  # a network, Telegram or database fault: wait and go on
                log.warning("polling failed (%s); retrying in %.0fs", type(exc).__name__, backoff)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=backoff)
                backoff = min(backoff * 2, 30.0)

    async def _fetch(self, offset: int | None, stop: asyncio.Event) -> tuple[Update, ...]:
        """Long-poll for updates; a stop request interrupts the wait, never the handling."""
        bot = self._runtime.application.bot
        fetch = asyncio.ensure_future(
            bot.get_updates(offset=offset, timeout=self._timeout, allowed_updates=Update.ALL_TYPES)
        )
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not fetch.done():
            # Unconfirmed updates are simply delivered again on the next start.
            fetch.cancel()
            await asyncio.gather(fetch, return_exceptions=True)
            return ()
        updates: tuple[Update, ...] = fetch.result()
        return updates

    def _payloads(self, updates: tuple[Update, ...]) -> list[dict[str, Any]]:
        """Telegram's own JSON of the batch; re-serialising the parsed updates only as a fallback."""
        raw = self._runtime.raw_updates
        payloads = raw.take([u.update_id for u in updates]) if raw is not None else None
        return payloads if payloads is not None else [u.to_dict() for u in updates]

    async def store(self, payloads: list[dict[str, Any]]) -> None:
        """Insert updates once each; a redelivered update_id is ignored."""
        rows = [
            {"update_id": p["update_id"], "payload": json.dumps(p), "sender_id": sender_of(p)}
            for p in payloads
        ]
        async with unit_of_work(self._db) as session:
            await session.exec(insert_ignoring_duplicates(session, InboxUpdate, ["update_id"]), params=rows)

    async def drain(self) -> int:
        """Handle stored updates in arrival order. They are marked handled a group at a time (one
        commit per group rather than per update); a crash re-handles at most one group."""
        handled = 0
        while True:
            async with unit_of_work(self._db) as session:
                query = (
                    select(InboxUpdate)
                    .where(col(InboxUpdate.handled_at).is_(None))
                    .order_by(col(InboxUpdate.update_id))
                    .limit(DRAIN_BATCH)
                )
                batch = [(row.update_id, row.payload) for row in await session.exec(query)]
            if not batch:
                return handled
            for start in range(0, len(batch), MARK_EVERY):
                group = batch[start : start + MARK_EVERY]
                errors = {update_id: await self._handle(update_id, payload) for update_id, payload in group}
                await self._mark(errors)
                handled += len(group)

    async def _handle(self, update_id: int, payload: str) -> str | None:
        """Process one update; the error's name if it could not be handled at all."""
        application = self._runtime.application
        try:
            update = self._fresh.pop(update_id, None) or Update.de_json(json.loads(payload), application.bot)
            await application.process_update(update)
        except (TelegramError, ValueError, KeyError) as exc:  # a malformed update must not block the rest
            log.error("update %s could not be handled: %s", update_id, type(exc).__name__)
            return type(exc).__name__
        return None

    async def _mark(self, errors: dict[int, str | None]) -> None:
        now = self._runtime.services.clock()
        async with unit_of_work(self._db) as session:
            ok = [update_id for update_id, error in errors.items() if error is None]
            if ok:
                await session.exec(
                    update(InboxUpdate).where(col(InboxUpdate.update_id).in_(ok)).values(handled_at=now)
                )
            for update_id, error in errors.items():
                if error is not None:
                    await session.exec(
                        update(InboxUpdate)
                        .where(col(InboxUpdate.update_id) == update_id)
                        .values(handled_at=now, error=error)
                    )
