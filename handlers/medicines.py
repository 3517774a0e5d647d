"""The daily reminder to take medicines: its time (set from /treatment), the reminder itself, and
the one tap per medicine that says "taken" today."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.content import Content
from bot.storage.models import Treatment
from handlers import callbacks
from handlers.common import edit, sender_id, tapped
from handlers.context import BotContext
from handlers.views.screen import Screen, button, in_rows
from handlers.views.treatment import dose_text

TIMES = ("0700", "0800", "0900", "1200", "1800", "2000", "2100", "2200")


def hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def reminder(content: Content, medicines: list[Treatment]) -> tuple[str, InlineKeyboardMarkup | None]:
    """The reminder's text and a "taken" button per medicine not yet marked today."""
    text = content.messages.treatment
    if not medicines:
        return text.medicine_none, None
    names = ", ".join(f"{(m.name or '').capitalize()}{dose_text(content, m.dose, m.unit)}" for m in medicines)
    rows = [
        [button(text.taken_button.format(name=(m.name or "").capitalize()), callbacks.TAKEN.build(m.id))]
        for m in medicines
        if m.id is not None
    ]
    return text.medicine_reminder.format(medicines=names), InlineKeyboardMarkup(rows)


def time_menu(content: Content) -> Screen:
    text = content.messages.treatment
    times = [button(f"{t[:2]}:{t[2:]}", callbacks.MEDICINE_TIME.build(t)) for t in TIMES]
    rows = [*in_rows(times, 4), [button(text.booking_off, callbacks.MEDICINE_TIME.build("off"))]]
    return Screen(text.medicine_menu, InlineKeyboardMarkup(rows))


async def time_button(update: Update, context: BotContext) -> None:
    services = context.services
    text = services.content.messages.treatment
    query, parsed = await tapped(update, callbacks.MEDICINE_TIME)
    if parsed[0] == "menu":
        await edit(query, time_menu(services.content))
        return
    minute = None if parsed[0] == "off" else int(parsed[0][:2]) * 60 + int(parsed[0][2:])
    due = await services.medicines.set_time(sender_id(update), minute)
    if minute is None or due is None:
        await edit(query, Screen(text.medicine_cleared))
        return
    await edit(query, Screen(text.medicine_set.format(time=hhmm(minute))))


async def taken_button(update: Update, context: BotContext) -> None:
    services = context.services
    content, text = services.content, services.content.messages.treatment
    query, parsed = await tapped(update, callbacks.TAKEN)
    medicine = await services.medicines.taken(sender_id(update), int(parsed[0]))
    if medicine is None:
        await edit(query, Screen(text.stale))
        return
    saved = text.taken_saved.format(name=(medicine.name or "").capitalize())
    left = await services.medicines.untaken(sender_id(update))
    if left:
        more, markup = reminder(content, left)
        await edit(query, Screen(f"{saved}\n\n{more}", markup))
    else:
        await edit(query, Screen(saved))
