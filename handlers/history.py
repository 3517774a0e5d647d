"""/history: recent entries, each to look at, correct or delete."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.content import Content
from bot.domain.checkin_flow import CheckinView
from handlers import callbacks
from handlers.common import answer, edit, reply, sender_id
from handlers.context import BotContext
from handlers.views.checkin import checkin_card
from handlers.views.screen import Screen
from handlers.webapp.button import open_row


def _short(content: Content, entry: CheckinView) -> str:
    text = content.messages.history
    if entry.status == "partial":
        return text.partial_short
    if entry.kind == "episode":
        return text.episode_short.format(severity=entry.severity)
    return text.spasm_short.format(severity=entry.severity) if entry.had_spasm else text.no_spasm_short


async def history(update: Update, context: BotContext) -> None:
    """/history: the recent entries as buttons."""
    services = context.services
    text = services.content.messages.history
    entries = await services.history.recent(sender_id(update))
    alerts = await services.history.alerts(sender_id(update))
    if alerts:
        safety = services.content.messages.safety
        names = {**safety.urgent_reasons, **safety.reasons}
        lines = [
            text.alert_line.format(
                when=f"{services.content.day(when.date())} {when:%H:%M}",
                what=", ".join(names.get(r, r) for r in reasons),
                level=text.alert_emergency if level == "emergency" else text.alert_urgent,
            )
            for when, level, reasons in alerts
        ]
        await reply(update, Screen("\n".join([text.alerts_title, *lines])))
    if not entries:
        await reply(update, Screen(text.empty))
        return
    rows = [
        [InlineKeyboardButton(
            text.entry_button.format(date=e.local_date.isoformat(), summary=_short(services.content, e)),
            callback_data=callbacks.HISTORY_ENTRY.build(e.id),
        )]
        for e in entries
    ]  # fmt: skip
    await reply(update, Screen(text.title, InlineKeyboardMarkup(rows + open_row(services))))


async def button(update: Update, context: BotContext) -> None:
    """Shows an entry, asks whether to delete it, or deletes it once confirmed."""
    query = update.callback_query
    assert query is not None and query.data is not None
    services = context.services
    text = services.content.messages.history
    confirmed = callbacks.HISTORY_DELETE_SURE.parse(query.data)
    asked = callbacks.HISTORY_DELETE.parse(query.data)
    found = confirmed or asked or callbacks.HISTORY_ENTRY.parse(query.data)
    if found is None:  # an id beyond what the table holds
        await answer(query, services.content.messages.checkin.stale)
        return
    entry_id = int(found[0])
    person = sender_id(update)
    if confirmed is not None:
        day = await services.history.delete(person, entry_id)
        if day is None:
            await answer(query, services.content.messages.checkin.stale)
            return
        await answer(query)
        await edit(query, Screen(text.deleted.format(date=day.isoformat())))
        return
    message_id = query.message.message_id if query.message else None
    entry = await services.history.show(person, entry_id, message_id)
    if entry is None:
        await answer(query, services.content.messages.checkin.stale)
        return
    await answer(query)
    if asked is not None:
        sure = callbacks.HISTORY_DELETE_SURE.build(entry.id)
        keyboard = [[
            InlineKeyboardButton(text.yes_delete, callback_data=sure),
            InlineKeyboardButton(text.keep, callback_data=callbacks.HISTORY_ENTRY.build(entry.id)),
        ]]  # fmt: skip
        await edit(
            query,
            Screen(
                text.confirm_delete.format(date=entry.local_date.isoformat()), InlineKeyboardMarkup(keyboard)
            ),
        )
        return
    card = checkin_card(services.content, entry)
    assert card.markup is not None
    rows = [list(row) for row in card.markup.inline_keyboard]
    rows.append([InlineKeyboardButton(text.delete, callback_data=callbacks.HISTORY_DELETE.build(entry.id))])
    shown = await edit(query, Screen(card.text, InlineKeyboardMarkup(rows)))
    if shown is not None:  # the list could not be edited: the card's buttons live on the new message
        await services.checkins.attach_message(entry.id, shown.message_id)
