"""The operators' side (ADMIN_CHAT_IDS): /stats, and alerts about unhandled errors."""

from __future__ import annotations

import logging

from telegram import Update

from bot.services.alerts import ErrorInfo
from handlers.common import chat_id, reply
from handlers.context import BotContext
from handlers.views.screen import Screen

log = logging.getLogger(__name__)


async def stats(update: Update, context: BotContext) -> None:
    """/stats: counts for an operator; to anyone else exactly what an unknown command gets."""
    services = context.services
    messages = services.content.messages
    if chat_id(update) not in services.settings.admin_chat_ids:
        await reply(update, Screen(messages.general.unknown_command))
        return
    counts = await services.stats.counts()
    text = messages.admin.stats.format(
        people=counts.people,
        active=counts.active_week,
        checkins=counts.checkins,
        checkins_week=counts.checkins_week,
        escalations=counts.escalations,
        escalations_week=counts.escalations_week,
    )
    await reply(update, Screen(text))


async def alert(context: BotContext, error: ErrorInfo) -> None:
    """Tell the operators, at most once per kind of error every few minutes. Sent straight to
    Telegram, not through the outbox: the error may be the database itself."""
    services = context.services
    admins = services.settings.admin_chat_ids
    held = services.alerts.admit(error.kind) if admins else None
    if held is None:
        return
    wording = services.content.messages.admin
    text = wording.error_alert.format(kind=error.kind, where=error.where)
    if held:
        text += "\n" + wording.error_alert_held.format(count=held)
    for admin in sorted(admins):
        try:
            await context.bot.send_message(admin, text)
        except Exception as exc:  # Telegram down, or the operator blocked the bot: the log remains
            log.warning("could not alert an operator: %s", type(exc).__name__)
