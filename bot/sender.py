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
# A gateway error may come after the Bot API server already sent the message.
GATEWAY_ERRORS = ("bad gateway", "gateway timeout", "(502)", "(504)")


def surely_not_sent(exc: NetworkError) -> bool:
    """Connect and pool failures never reached Telegram; a 500 or 503 answer means it was not done."""
    if isinstance(exc.__cause__, NOT_SENT_CAUSES):
        return True
    if isinstance(exc, TimedOut) or isinstance(exc.__cause__, httpx.HTTPError):
        return False  # the request may have arrived: resending could duplicate it
    # PTB raises any other HTTP error status as a plain NetworkError carrying the description.
    return not any(marker in str(exc).lower() for marker in GATEWAY_ERRORS)


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
        """Send one row; whatever happens, the row ends in a definite state and the batch goes on."""
        try:
            text, markup = self._render(delivery)
        except Exception as exc:
            log.exception("outbox %s could not be rendered", delivery.outbox_id)
            await self._outbox.failed(delivery.outbox_id, f"render: {type(exc).__name__}")
            return 0
        try:
            return await self._send(delivery, text, markup)
        except Exception as exc:  # after the send began: it may have gone out, so never resend
            log.exception("outbox %s: unexpected failure, marked unknown", delivery.outbox_id)
            await self._outbox.unknown(delivery.outbox_id, type(exc).__name__)
            return 0

    async def _send(self, delivery: Delivery, text: str, markup: InlineKeyboardMarkup | None) -> int:
        try:
            message = await self._bot.send_message(delivery.chat_id, text, reply_markup=markup)
        except RetryAfter as exc:
            wait = exc.retry_after
            if not isinstance(wait, timedelta):
                wait = timedelta(seconds=wait)
            await self._outbox.retry_later(delivery.outbox_id, "429 retry_after", wait)
        except Forbidden:
            log.info("outbox %s: the person blocked the bot; no more check-ins", delivery.outbox_id)
            await self._outbox.failed(delivery.outbox_id, "forbidden", blocked=True)
        except BadRequest as exc:
            await self._outbox.failed(delivery.outbox_id, f"bad request: {type(exc).__name__}")
        except NetworkError as exc:
            if surely_not_sent(exc):
                await self._outbox.retry_later(delivery.outbox_id, type(exc).__name__)
            else:
                log.warning("outbox %s: ambiguous failure, marked unknown", delivery.outbox_id)
                await self._outbox.unknown(delivery.outbox_id, type(exc).__name__)
        else:
            await self._outbox.sent(delivery.outbox_id, message.message_id)
            return 1
        return 0
