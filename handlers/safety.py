"""Red-flag triage of every text and caption, before any other handler (group -1)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram import Update
from telegram.constants import ChatType
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.ext import ApplicationHandlerStop

from handlers.context import BotContext
from handlers.views.safety import emergency_text, still_urgent_text, urgent_text

log = logging.getLogger(__name__)
SEND_ATTEMPTS = 4
MAX_RETRY_WAIT = 5.0


async def screen(update: Update, context: BotContext) -> None:
    """An emergency reply goes out before anything else the message would cause, and stops it."""
    message = update.effective_message
    if message is None:
        return
    text = message.text or message.caption or ""
    if not text.strip():
        return
    services = context.services
    result = services.triager.triage(text)
    person = update.effective_user.id if update.effective_user else None
    private = update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE
    if result.level == "emergency":
        try:
            # Decided and sent where the update came in (and kept until delivered): not twice.
            if not await _answered_at_intake(context, update.update_id):
                number = await services.escalation.number_for(person)
                await send_with_retries(
                    message.reply_text, emergency_text(services.content, number, result.reasons)
                )
        finally:
            if person is not None:
                services.escalation.remember(person)
                if private:  # nothing is stored from group chats
                    await _record(context, person, result.reasons, update.update_id)
            # Whatever happened to the reply, the message is not also taken as an answer or note.
            raise ApplicationHandlerStop
    if person is None:
        return
    if private and result.level == "none" and services.triager.mentions(text):
        number = await services.escalation.number_for(person)
        await message.reply_text(services.content.messages.safety.if_it_happens.format(number=number))
    if services.triager.is_all_clear(text) and await services.escalation.escalated_recently(person):
        number = await services.escalation.number_for(person)
        await send_with_retries(message.reply_text, still_urgent_text(services.content, number))
        raise ApplicationHandlerStop
    if (
        private
        and result.level == "urgent"
        and await services.escalation.urgent_reply_due(person, result.reasons)
    ):
        number = await services.escalation.number_for(person)
        await message.reply_text(urgent_text(services.content, number, result.reasons))


async def send_with_retries(send: Callable[[str], Awaitable[object]], text: str) -> None:
    """Emergency wording must get through: retry flood limits and network faults a few times."""
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            await send(text)
            return
        except RetryAfter as exc:
            wait = (
                exc.retry_after
                if isinstance(exc.retry_after, timedelta)
                else timedelta(seconds=exc.retry_after)
            )
            delay = min(wait.total_seconds(), MAX_RETRY_WAIT)
        except (NetworkError, TimedOut):
            delay = float(attempt)
        if attempt == SEND_ATTEMPTS:
            log.error("an emergency reply could not be delivered after %d attempts", attempt)
            return
        await asyncio.sleep(delay)


async def _answered_at_intake(context: BotContext, update_id: int) -> bool:
    try:
        return await context.services.alarms.answered(update_id)
    except Exception:  # the database cannot say: a second reply is better than none
        log.exception("could not look up the emergency reply decided at intake")
        return False


async def _record(context: BotContext, person: int, reasons: tuple[str, ...], update_id: int) -> None:
    try:
        await context.services.escalation.record(person, "emergency", reasons, "text", update_id)
    except Exception:  # the reply went out; a failed record must not turn into an error message
        log.exception("could not record an escalation")
