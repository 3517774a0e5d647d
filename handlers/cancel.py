"""/cancel and every Cancel button: whatever is under way stops, and the saved diary stays as it was."""

from __future__ import annotations

from telegram import Update

from handlers.common import answer, edit, reply, sender_id
from handlers.context import BotContext
from handlers.views.screen import Screen


async def cancel(update: Update, context: BotContext) -> None:
    """/cancel: drop the note, draft, correction, check-in or settings change under way."""
    await reply(update, Screen(await _cancel(update, context)))


async def cancel_button(update: Update, context: BotContext) -> None:
    """A Cancel button: the same, shown in place of the screen it was on."""
    query = update.callback_query
    assert query is not None
    await answer(query)
    await edit(query, Screen(await _cancel(update, context)))


async def _cancel(update: Update, context: BotContext) -> str:
    services = context.services
    person = sender_id(update)
    profile = await services.users.profile(person)
    stopped_asking = profile is not None and profile.set_up and profile.awaiting is not None
    if stopped_asking:
        await services.users.profile(person, stop_asking=True)
    dropped = await services.checkins.cancel(person)
    general = services.content.messages.general
    return general.cancelled if dropped is not None or stopped_asking else general.nothing_to_cancel
