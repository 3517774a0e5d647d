"""Red-flag triage of every text and caption, before any other handler (group -1)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram import Update
from telegram.constants import ChatType
from telegram.error import Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ApplicationHandlerStop

from bot.services.alarms import Emergency, backoff
from bot.storage import update_scope
from bot.storage.fencing import NotLeader
from handlers.context import BotContext
from handlers.views.safety import emergency_text, still_urgent_text, urgent_text

log = logging.getLogger(__name__)
SEND_ATTEMPTS = 4
MAX_RETRY_WAIT = 5.0
RETRY_BUDGET = 8.0  # seconds of retrying here; a claim lasts 15 s (a send may time out after 5 s)
CLAIM_WAIT = 1.0  # seconds the database may take to keep an emergency reply before it goes anyway
IF_IT_HAPPENS, STILL_URGENT, URGENT = 1, 2, 3  # each safety line once per message


async def screen(update: Update, context: BotContext) -> None:
    """An emergency reply goes out before anything else the message would cause, and stops it.
    Outside the update's transaction: these replies never wait for (or commit) its effects."""
    with update_scope.outside():
        await _screen(update, context)


async def _screen(update: Update, context: BotContext) -> None:
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
            await reply_emergency(context, update, result.reasons)
        finally:
            if person is not None:
                services.escalation.remember(person)
                if private:  # nothing is stored from group chats
                    await _record(context, person, result.reasons, update.update_id)
            # Whatever happened to the reply, the message is not also taken as an answer or note.
            raise ApplicationHandlerStop
    if person is None:
        return
    due = services.escalation.line_due
    if private and result.level == "none" and services.triager.calm_line_due(text):
        number = await services.escalation.number_for(person)
        if await due(update.update_id, IF_IT_HAPPENS):
            await message.reply_text(services.content.messages.safety.if_it_happens.format(number=number))
    if services.triager.is_all_clear(text) and await services.escalation.escalated_recently(person):
        number = await services.escalation.number_for(person)
        if await due(update.update_id, STILL_URGENT):
            await send_with_retries(message.reply_text, still_urgent_text(services.content, number))
        raise ApplicationHandlerStop
    if (
        private
        and result.level == "urgent"
        and await services.escalation.urgent_reply_due(person, result.reasons)
        and await due(update.update_id, URGENT)
    ):
        number = await services.escalation.number_for(person)
        await message.reply_text(urgent_text(services.content, number, result.reasons))


async def reply_emergency(context: BotContext, update: Update, reasons: tuple[str, ...]) -> None:
    """The emergency reply for this update, once: kept (table emergency_replies) and retried until
    delivered, unless it was decided already where the update came in. If the database cannot
    keep it at once, it is sent all the same. What the update wrote so far (the tapped red flag)
    commits first, with its mark; the reply never waits for the update's transaction."""
    try:
        await update_scope.commit_open()
    except NotLeader:
        raise
    except Exception:  # the reply matters more than what the tap wrote
        log.exception("could not save an update before its emergency reply")
    with update_scope.outside():
        await _reply_emergency(context, update, reasons)


async def _reply_emergency(context: BotContext, update: Update, reasons: tuple[str, ...]) -> None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    person = update.effective_user.id if update.effective_user else None
    services = context.services
    found = {"chat": {"id": chat.id}, "from": {"id": person}, "message_id": message.message_id}
    # Looked up beside the claim, so a stuck database costs one short wait, not two.
    number = asyncio.ensure_future(services.escalation.number_for(person))
    alarm, kept = None, True
    try:
        alarm = await asyncio.wait_for(
            services.alarms.claim(Emergency(update.update_id, found, reasons)), CLAIM_WAIT
        )
    except NotLeader:  # another process leads now: it handles this message and answers it
        number.cancel()
        raise
    except Exception:  # never wait on, or fail with, the database
        log.exception("could not keep an emergency reply; sending it all the same")
        kept = False
    if alarm is not None or kept:
        number.cancel()
    if kept and alarm is None:
        return  # decided where the update came in: sent (or being sent) from there
    text = alarm.text if alarm else emergency_text(services.content, await number, reasons)
    outcome = await send_with_retries(message.reply_text, text)
    if alarm is not None:
        try:  # not delivered: the resending loop tries again soon, across restarts
            retry = backoff(alarm.attempts) if outcome == "pending" else None
            await services.alarms.settle(alarm.update_id, outcome, retry_in=retry)
        except Exception:  # the claim runs out and the reply is tried again all the same
            log.exception("could not record an emergency reply's delivery")


async def send_with_retries(send: Callable[[str], Awaitable[object]], text: str) -> str:
    """Emergency wording must get through: flood limits and network faults are retried a few
    times. "sent", "blocked" (the person blocked the bot) or "pending" (try again later). It
    stops trying well before its claim runs out, so the resending loop never sends beside it."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + RETRY_BUDGET
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            await send(text)
            return "sent"
        except Forbidden:
            return "blocked"
        except RetryAfter as exc:
            wait = (
                exc.retry_after
                if isinstance(exc.retry_after, timedelta)
                else timedelta(seconds=exc.retry_after)
            )
            delay = min(wait.total_seconds(), MAX_RETRY_WAIT)
        except (NetworkError, TimedOut):
            delay = float(attempt)
        if attempt == SEND_ATTEMPTS or loop.time() + delay > deadline:
            log.error("an emergency reply could not be delivered after %d attempts", attempt)
            return "pending"
        await asyncio.sleep(delay)
    return "pending"


async def _record(context: BotContext, person: int, reasons: tuple[str, ...], update_id: int) -> None:
    try:
        await context.services.escalation.record(person, "emergency", reasons, "text", update_id)
    except Exception:  # the reply went out; a failed record must not turn into an error message
        log.exception("could not record an escalation")
