"""Someone sending far too much is slowed down: what they send is still kept, but not answered."""

from __future__ import annotations

from telegram import Update
from telegram.constants import MessageLimit
from telegram.ext import ApplicationHandlerStop

from bot.domain.flood import Pace
from handlers.common import message_text, reply, sender_id
from handlers.context import BotContext
from handlers.views.screen import Screen


async def limit(update: Update, context: BotContext) -> None:
    """Over the limit: say so once, keep what a typed message carries for the diary (a check-in
    answer, a note, a report), and answer nothing else until the flood eases."""
    services = context.services
    person = sender_id(update)
    pace = services.flood.check(person)
    if pace == Pace.OK:
        return
    typed = message_text(update).strip()
    message = update.effective_message
    forwarded = message is not None and message.forward_origin is not None  # not their own words
    # A command carries nothing to keep; over-long text is refused whole, as outside a flood.
    if typed and not typed.startswith("/") and not forwarded and len(typed) <= MessageLimit.MAX_TEXT_LENGTH:
        await services.checkins.typed(person, typed)  # before the reply: kept with the update's mark
    if pace == Pace.SLOW_DOWN:
        await reply(update, Screen(services.content.messages.general.slow_down))
    raise ApplicationHandlerStop
