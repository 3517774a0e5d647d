"""Sends claimed outbox rows, retrying only what surely was not delivered."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

import httpx
from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.services.outbox import Delivery, OutboxService

log = logging.getLogger(__name__)
MAX_TRACKED_CHATS = 10_000


@dataclass(frozen=True)
class Outgoing:
    """What one outbox row sends: text (a photo's caption when there is a photo), and perhaps
    a second message for what did not fit the caption."""

    text: str
    markup: InlineKeyboardMarkup | None = None
    photo: bytes | None = None
    extra: str | None = None


Compose = Callable[[Delivery], Awaitable[Outgoing]]
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


class Pacer:
    """Telegram's limits: about 30 messages a second overall, about one a second per chat."""

    def __init__(
        self,
        per_second: float = 25.0,
        per_chat_gap: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._gap, self._chat_gap = 1.0 / per_second, per_chat_gap
        self._clock, self._sleep = clock, sleep
        self._last = float("-inf")
        self._last_by_chat: dict[int, float] = {}

    async def wait(self, chat_id: int) -> None:
        now = self._clock()
        ready = max(self._last + self._gap, self._last_by_chat.get(chat_id, float("-inf")) + self._chat_gap)
        if ready > now:
            await self._sleep(ready - now)
            now = ready
        self._last = self._last_by_chat[chat_id] = now
        if len(self._last_by_chat) > MAX_TRACKED_CHATS:  # only the last second matters
            self._last_by_chat = {c: t for c, t in self._last_by_chat.items() if now - t < self._chat_gap}


class Sender:
    def __init__(self, bot: Bot, outbox: OutboxService, compose: Compose, pacer: Pacer | None = None) -> None:
        self._bot = bot
        self._outbox = outbox
        self._compose = compose
        self._pacer = pacer or Pacer()

    async def send_pending(self) -> int:
        """Send everything due now; returns how many messages went out."""
        delivered = 0
        while deliveries := await self._outbox.claim():
            for delivery in deliveries:
                delivered += await self._deliver(delivery)
        return delivered

    async def _deliver(self, delivery: Delivery) -> int:
        """Send one row; whatever happens, the row ends in a definite state and the batch goes on."""
        try:
            outgoing = await self._compose(delivery)
        except Exception as exc:
            log.exception("outbox %s could not be composed", delivery.outbox_id)
            await self._outbox.failed(delivery.outbox_id, f"compose: {type(exc).__name__}")
            return 0
        if not await self._outbox.attempting(delivery.outbox_id, delivery.claimed_at):
            return 0  # taken back (this process was thought dead): another pass will send it
        try:
            return await self._send(delivery, outgoing)
        except Exception as exc:  # after the send began: it may have gone out, so never resend
            log.exception("outbox %s: unexpected failure, marked unknown", delivery.outbox_id)
            await self._outbox.unknown(delivery.outbox_id, type(exc).__name__)
            return 0

    async def _send(self, delivery: Delivery, out: Outgoing) -> int:
        await self._pacer.wait(delivery.chat_id)
        try:
            if out.photo is not None:
                message = await self._bot.send_photo(
                    delivery.chat_id, out.photo, caption=out.text, reply_markup=out.markup
                )
            else:
                message = await self._bot.send_message(delivery.chat_id, out.text, reply_markup=out.markup)
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
            if out.extra:
                await self._follow_up(delivery, out.extra)
            return 1
        return 0

    async def _follow_up(self, delivery: Delivery, text: str) -> None:
        """The rest of a long summary; the row is already sent, so a failure here is only logged."""
        try:
            await self._pacer.wait(delivery.chat_id)
            await self._bot.send_message(delivery.chat_id, text)
        except Exception as exc:
            log.warning("outbox %s: follow-up message not sent (%s)", delivery.outbox_id, type(exc).__name__)
