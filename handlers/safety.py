"""Red-flag triage of every text and caption, before any other handler (group -1)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from handlers import views
from handlers.context import BotContext

log = logging.getLogger(__name__)


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
    private = update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE
    person = update.effective_user.id if update.effective_user and private else None
    if result.level == "emergency":
        number = await services.escalation.number_for(person)
        await message.reply_text(views.emergency_text(services.content, number, result.reasons))
        if person is not None:
            await _record(context, person, result.reasons)
        # The message is not also taken as an answer or a note: the check-in waits as it was.
        raise ApplicationHandlerStop
    if person is None:
        return
    if services.triager.is_all_clear(text) and await services.escalation.escalated_recently(person):
        number = await services.escalation.number_for(person)
        await message.reply_text(views.still_urgent_text(services.content, number))
        raise ApplicationHandlerStop
    if result.level == "urgent" and await services.escalation.urgent_reply_due(person, result.reasons):
        number = await services.escalation.number_for(person)
        await message.reply_text(views.urgent_text(services.content, number, result.reasons))


async def _record(context: BotContext, person: int, reasons: tuple[str, ...]) -> None:
    try:
        await context.services.escalation.record(person, "emergency", reasons, "text")
    except Exception:  # the reply went out; a failed record must not turn into an error message
        log.exception("could not record an escalation")
