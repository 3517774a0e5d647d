"""Small helpers shared by the handlers: who is asking, and how to show a Screen."""

from __future__ import annotations

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest

from handlers.views import Screen


def sender_id(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


def chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def message_text(update: Update) -> str:
    message = update.effective_message
    return (message.text or "") if message else ""


async def reply(update: Update, screen: Screen) -> Message:
    assert update.effective_message is not None
    return await update.effective_message.reply_text(screen.text, reply_markup=screen.markup)


async def edit(query: CallbackQuery, screen: Screen) -> None:
    """Show the screen in place of the pressed message (the same message, no pile-up)."""
    try:
        await query.edit_message_text(screen.text, reply_markup=screen.markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
