"""Sends emergency replies the moment they are decided, and again until Telegram has them."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.services.alarms import Alarm, AlarmService, backoff

log = logging.getLogger(__name__)


class AlarmSender:
    def __init__(self, bot: Bot, alarms: AlarmService) -> None:
        self._bot = bot
        self._alarms = alarms
        self._sending: set[asyncio.Task[None]] = set()

    def spawn(self, alarms: list[Alarm]) -> None:
        """Send at once, without waiting for anything queued (the caller goes on storing)."""
        for alarm in alarms:
            task = asyncio.create_task(self.send(alarm))
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)

    async def send_due(self) -> int:
        """Every reply whose retry time has come; how many were tried."""
        due = await self._alarms.due()
        await asyncio.gather(*(self.send(alarm) for alarm in due))
        return len(due)

    async def settle(self) -> None:
        """Wait for the sends under way (at shutdown, or in tests)."""
        if self._sending:
            await asyncio.gather(*list(self._sending), return_exceptions=True)

    async def send(self, alarm: Alarm, *, as_reply: bool = True) -> None:
        try:
            await self._bot.send_message(
                alarm.chat_id, alarm.text,
                reply_to_message_id=alarm.reply_to if as_reply else None,
                allow_sending_without_reply=True,
            )  # fmt: skip
        except Forbidden:  # blocked by the person, or removed from the group: nothing more to do
            await self._alarms.settle(alarm.update_id, "blocked")
        except RetryAfter as exc:
            wait = (
                exc.retry_after
                if isinstance(exc.retry_after, timedelta)
                else timedelta(seconds=exc.retry_after)
            )
            await self._retry(alarm, min(wait, backoff(alarm.attempts + 3)))
        except BadRequest as exc:
            if as_reply and alarm.reply_to is not None:  # the message it answers is gone: plain
                await self.send(alarm, as_reply=False)
                return
            log.error("an emergency reply was refused (%s)", type(exc).__name__)
            await self._alarms.settle(alarm.update_id, "blocked")
        except NetworkError as exc:  # connect errors, timeouts, 5xx: tried again soon
            log.warning("an emergency reply failed (%s); trying again", type(exc).__name__)
            await self._retry(alarm, backoff(alarm.attempts))
        except Exception:  # the database, or anything else: the claim runs out and it is tried again
            log.exception("sending an emergency reply failed")
        else:
            await self._alarms.settle(alarm.update_id, "sent")

    async def _retry(self, alarm: Alarm, after: timedelta) -> None:
        try:
            await self._alarms.settle(alarm.update_id, "pending", retry_in=after)
        except Exception:  # the claim runs out and the reply is tried again all the same
            log.exception("could not schedule an emergency reply again")
