"""Small helpers shared by the handlers: who is asking, and how to show a Screen."""

from __future__ import annotations

import contextlib

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest, TelegramError

from bot.domain.notes import storable
from handlers.callbacks import ButtonData
from handlers.views.screen import Screen


def sender_id(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


def chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def message_text(update: Update) -> str:
    """What the person typed, as text every database can keep."""
    message = update.effective_message
    return storable(message.text or "") if message else ""


async def reply(update: Update, screen: Screen) -> Message:
    assert update.effective_message is not None
    return await update.effective_message.reply_text(screen.text, reply_markup=screen.markup)


async def answer(query: CallbackQuery, alert: str | None = None) -> None:
    """Acknowledge a button press; an expired query (e.g. replayed after a restart) is no error."""
    with contextlib.suppress(TelegramError):  # an unacknowledged tap only shows a spinner for a while
        await query.answer(alert, show_alert=alert is not None)


async def edit(query: CallbackQuery, screen: Screen) -> Message | None:
    """Show the screen in place of the pressed message (the same message, no pile-up); a message
    that is gone or too old to edit gets the screen as a new message, which is returned."""
    try:
        await query.edit_message_text(screen.text, reply_markup=screen.markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            return await query.get_bot().send_message(
                query.from_user.id, screen.text, reply_markup=screen.markup
            )
    return None


async def tapped(update: Update, kind: ButtonData) -> tuple[CallbackQuery, tuple[str, ...]]:
    """The tap, acknowledged, and its fields (the route's pattern is this kind's)."""
    query = update.callback_query
    assert query is not None
    parsed = kind.parse(query.data)
    await answer(query)
    assert parsed is not None
    return query, parsed
