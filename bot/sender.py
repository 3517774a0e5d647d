"""Sends claimed outbox rows, retrying only what surely was not delivered."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

import httpx
from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.services.outbox import Delivery, OutboxService

log = logging.getLogger(__name__)
Render = Callable[[Delivery], tuple[str, InlineKeyboardMarkup | None]]
NOT_SENT_CAUSES = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
BACKOFF = timedelta(seconds=15)


def surely_not_sent(exc: NetworkError) -> bool:
    """A connect or pool failure never reached Telegram; a 5xx answer means it was not done."""
    if isinstance(exc.__cause__, NOT_SENT_CAUSES):
        return True
    # A timeout or a broken connection may have delivered it; an HTTP error status did not.
    return not (isinstance(exc, TimedOut) or isinstance(exc.__cause__, httpx.HTTPError))


class Sender:
    def __init__(self, bot: Bot, outbox: OutboxService, render: Render, per_second: float = 25.0) -> None:
        self._bot = bot
        self._outbox = outbox
        self._render = render
        self._pause = 1.0 / per_second

    async def send_pending(self) -> int:
        """Send everything due now; returns how many messages went out."""
        delivered = 0
        while deliveries := await self._outbox.claim():
            for delivery in deliveries:
                delivered += await self._deliver(delivery)
                await asyncio.sleep(self._pause)
        return delivered

    async def _deliver(self, delivery: Delivery) -> int:
        text, markup = self._render(delivery)
        try:
            message = await self._bot.send_message(delivery.chat_id, text, reply_markup=markup)
        except RetryAfter as exc:
            wait = exc.retry_after
            if not isinstance(wait, timedelta):
                wait = timedelta(seconds=wait)
            await self._outbox.retry_later(delivery.outbox_id, wait, "429 retry_after")
        except Forbidden:
            log.info("outbox %s: the person blocked the bot; no more check-ins", delivery.outbox_id)
            await self._outbox.failed(delivery.outbox_id, "forbidden", blocked=True)
        except BadRequest as exc:
            await self._outbox.failed(delivery.outbox_id, f"bad request: {type(exc).__name__}")
        except NetworkError as exc:
            if surely_not_sent(exc):
                await self._outbox.retry_later(delivery.outbox_id, BACKOFF, type(exc).__name__)
            else:
                log.warning("outbox %s: ambiguous failure, marked unknown", delivery.outbox_id)
                await self._outbox.unknown(delivery.outbox_id, type(exc).__name__)
        else:
            await self._outbox.sent(delivery.outbox_id, message.message_id)
            return 1
        return 0
