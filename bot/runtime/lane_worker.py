"""Every process sharing the lanes (PostgreSQL): keep an even share of them and handle what is
stored for those lanes, whichever process stored it. The polling process hands the updates of
its own lanes straight to its dispatcher and reads the store itself when a lane was gained, so
fetching still comes first there (handlers started beside a burst of intake slowed it, and an
emergency reply behind 5,000 updates, from 1.6 s to 28 s); in the other processes this loop
reads the store for their lanes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from bot.runtime.dispatch import Dispatcher

log = logging.getLogger(__name__)
BALANCE_EVERY = 1.0  # seconds between passes that count processes and move lanes
LOOK_EVERY = 0.05  # seconds between reads of the store for this process's lanes


async def handle_lanes(dispatcher: Dispatcher, stop: asyncio.Event, polling: Callable[[], bool]) -> None:
    """`polling`: whether this process is the one polling (and handing its updates over)."""
    keeper = dispatcher.lanes
    loop = asyncio.get_running_loop()
    balance_at = 0.0
    try:
        while not stop.is_set():
            if loop.time() >= balance_at:
                await keeper.balance(dispatcher.busy)
                balance_at = loop.time() + BALANCE_EVERY
            try:
                if not polling():
                    await dispatcher.dispatch(settled=True)
                elif keeper.gained:
                    keeper.gained = False
                    dispatcher.stored_waiting = True  # the poller reads the store for them
                if dispatcher.marks_waiting and dispatcher.idle:
                    await dispatcher.flush()
            except Exception as exc:  # the database is down: the next pass tries again
                log.warning("handling this process's lanes failed (%s)", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=LOOK_EVERY)
    finally:
        try:
            await dispatcher.stop()
        except Exception as exc:  # unmarked updates are handled again by the lane's next process
            log.warning("could not mark the last updates handled (%s)", type(exc).__name__)
        await keeper.release()
